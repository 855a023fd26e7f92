import { franc } from "franc";
import { loadCodebook } from "../codebook/load.js";

interface LanguageCodebook {
  minWords: number;
  english: { code: string; minShare: number; words: string[] };
}

interface Detector {
  minWords: number;
  english: { code: string; minShare: number; words: Set<string> };
}

let detector: Detector | undefined;

function load(): Detector {
  const book = loadCodebook<LanguageCodebook>("language");
  return { minWords: book.minWords, english: { ...book.english, words: new Set(book.english.words) } };
}

// franc's cost grows with the text and its verdict settles well before 2,000 characters.
const sampleLength = 2000;

/** ISO 639-3 code of the text's language, or undefined when the text is too short to tell. */
export function detectLanguage(text: string): string | undefined {
  detector ??= load();
  const sample = text.slice(0, sampleLength);
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < detector.minWords) return undefined;
  const { english } = detector;
  const common = words.reduce((n, w) => n + (english.words.has(w) ? 1 : 0), 0);
  if (common / words.length >= english.minShare) return english.code;
  const code = franc(sample);
  return code === "und" ? undefined : code;
}
