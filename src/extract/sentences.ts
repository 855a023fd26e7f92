import { perCodebook } from "../codebook/load.js";
import type { Codebook } from "../codebook/schema.js";
import type { Doc, Sentence } from "../model.js";
import { monthAbbreviations } from "./dates/book.js";
import { isSpace } from "./patterns.js";

const abbreviationsOf = perCodebook((codebook) => new Set([...codebook.abbreviations.abbreviations, ...monthAbbreviations(codebook.dates)]));

// A full stop, question or exclamation mark, closing quotes or brackets, then space and what can
// open a sentence: a capital, a digit, an opening quote or bracket. Tried only where a run of marks
// begins: from inside a run the same end is tried again, which made a run of n marks cost n².
const CANDIDATE = /(?<![.!?])[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\d])/gu;
const LETTER = /^\p{L}$/u;
// Scraped text glues sentences: "were wounded.Police said". A full stop between a lower-case word
// and a capitalised one, inside one run of non-space characters.
const GLUED = /(?<=\p{Ll}\p{Ll})\.(?=\p{Lu}\p{Ll})/gu;
const BLANK = /^\s*$/;
// A run that holds one of these is an address, not two sentences ("www.Example.com", "x@Mail.org").
const ADDRESS = /[/@]|^www\.|\.(?:com|org|net|gov|edu|html?|php)\b/i;

/**
 * Splits the clean text into sentences with offsets. Line breaks end sentences too (a headline has
 * no full stop), except in hard-wrapped wire copy, where only a blank line or a full stop at the
 * end of a line does. Rules, not a model: wink-nlp's splitter cost ten times as much (about 1 ms
 * for 4 KB, a third of the whole extraction) for boundaries these rules also find.
 */
export function splitSentences(doc: Doc, codebook: Codebook): Sentence[] {
  const abbreviations = abbreviationsOf(codebook);
  const text = doc.clean;
  const cuts = new Set<number>(lineBreaks(text));
  for (const m of text.matchAll(CANDIDATE)) {
    const end = m.index! + m[0].length;
    if (m[0][0] === "." && !endsSentence(text, m.index!, abbreviations)) continue;
    cuts.add(end);
  }
  for (const m of text.matchAll(GLUED)) {
    if (endsSentence(text, m.index!, abbreviations) && !ADDRESS.test(runAround(text, m.index!))) cuts.add(m.index! + 1);
  }
  const sentences: Sentence[] = [];
  let start = 0;
  for (const cut of [...cuts].sort((x, y) => x - y).concat(text.length)) {
    let s = start;
    let e = cut;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    if (e > s) sentences.push({ index: sentences.length, start: s, end: e, text: doc.text.slice(s, e) });
    start = cut;
  }
  return sentences;
}

/** Whether the full stop at `dot` ends a sentence, or closes an abbreviation or an initial. */
function endsSentence(text: string, dot: number, abbreviations: ReadonlySet<string>): boolean {
  const from = wordStart(text, Math.max(0, dot - 12), dot);
  if (from === dot) return true;
  const word = text.slice(from, dot).toLowerCase();
  if (LETTER.test(word) && text[dot - 2] !== undefined && /[\s(]/.test(text[dot - 2]!)) return false;
  if (abbreviations.has(word)) return false;
  return true;
}

/** The run of non-space characters around `at`. */
function runAround(text: string, at: number): string {
  let s = at;
  let e = at;
  while (s > 0 && !isSpace(text.charCodeAt(s - 1))) s--;
  while (e < text.length && !isSpace(text.charCodeAt(e))) e++;
  return text.slice(s, e);
}

/**
 * Where the run of letters and full stops that ends at `end` begins, looking back no further than
 * `floor`: what /[\p{L}.]+$/u finds in the slice from `floor`, without the slice.
 */
function wordStart(text: string, floor: number, end: number): number {
  let i = end;
  while (i > floor) {
    const c = text.charCodeAt(i - 1);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46) i--;
    else if (c < 128) break;
    else {
      // A letter outside ASCII may be a surrogate pair, which is one letter if all of it is in the slice.
      const pair = c >= 0xdc00 && c <= 0xdfff && i - 2 >= floor && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff;
      const width = pair ? 2 : 1;
      if (!LETTER.test(text.slice(i - width, i))) break;
      i -= width;
    }
  }
  return i;
}

/**
 * Offsets where a line break ends a sentence. Copy is hard-wrapped when most of its lines of text
 * are of a wrapped line's length; the blank lines between its paragraphs tell nothing.
 */
function lineBreaks(text: string): number[] {
  let lines = 0;
  let wrappedLines = 0;
  for (let start = 0; ; ) {
    const nl = text.indexOf("\n", start);
    const length = (nl < 0 ? text.length : nl) - start;
    if (!BLANK.test(text.slice(start, start + length))) lines++;
    if (length >= 55 && length <= 85) wrappedLines++;
    if (nl < 0) break;
    start = nl + 1;
  }
  const wrapped = wrappedLines > lines * 0.5;
  const out: number[] = [];
  const re = wrapped ? /\n[ \t]*\n|(?<=[.!?"”'’])[ \t]*\n/g : /\n/g;
  for (const m of text.matchAll(re)) out.push(m.index! + m[0].length);
  return out;
}
