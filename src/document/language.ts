import { franc } from "franc";
import { perCodebook } from "../codebook/load.js";
import type { Codebook } from "../codebook/schema.js";

interface LanguageCodebook {
  minWords: number;
  english: { code: string; minShare: number; words: string[] };
}

interface Detector {
  minWords: number;
  english: { code: string; minShare: number; words: Set<string>; longest: number };
}

const load = perCodebook((codebook): Detector => {
  const book: LanguageCodebook = codebook.language;
  const longest = Math.max(...book.english.words.map((w) => w.length));
  return { minWords: book.minWords, english: { ...book.english, words: new Set(book.english.words), longest } };
});

// franc's cost grows with the text and its verdict settles well before 2,000 characters.
const sampleLength = 2000;

const BEYOND_LATIN1 = /[^\x00-\xff]/;
/** The Latin-1 letters (\p{L}): a lookup per character beats a unicode regular expression's scan. */
const LATIN1_LETTER = Uint8Array.from({ length: 256 }, (_, c) => (/\p{L}/u.test(String.fromCharCode(c)) ? 1 : 0));

/** How many words (runs of letters) `sample` holds, and how many of them are `english` words. */
function countWords(sample: string, english: Detector["english"]): { words: number; common: number } {
  const lower = sample.toLowerCase();
  if (BEYOND_LATIN1.test(sample)) {
    const words = lower.match(/\p{L}+/gu) ?? [];
    return { words: words.length, common: words.reduce((n, w) => n + (english.words.has(w) ? 1 : 0), 0) };
  }
  // Lower-casing Latin-1 text maps letters to letters, one for one.
  let words = 0;
  let found = 0;
  for (let i = 0; i < lower.length; ) {
    if (!LATIN1_LETTER[lower.charCodeAt(i)]) {
      i++;
      continue;
    }
    const start = i++;
    while (i < lower.length && LATIN1_LETTER[lower.charCodeAt(i)]) i++;
    words++;
    if (i - start <= english.longest && english.words.has(lower.slice(start, i))) found++;
  }
  return { words, common: found };
}

/** ISO 639-3 code of the text's language, or undefined when the text is too short to tell. */
export function detectLanguage(text: string, codebook: Codebook): string | undefined {
  const detector = load(codebook);
  const sample = text.slice(0, sampleLength);
  const { english } = detector;
  const counts = countWords(sample, english);
  if (counts.words < detector.minWords) return undefined;
  if (counts.common / counts.words >= english.minShare) return english.code;
  const code = franc(sample);
  return code === "und" ? undefined : code;
}
