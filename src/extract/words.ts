import anyAscii from "any-ascii";

/** A word of the text: letters and digits, with its offsets and a lookup key. */
export interface Word {
  start: number;
  end: number;
  /** Lower case, accents folded: the key the lexicons are looked up by. */
  key: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
// Most English news is plain ASCII once quotes are straightened; a non-unicode scan is faster.
const ASCII_WORD = /[A-Za-z0-9]+/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** The words of `text`, with offsets; punctuation and spaces between them are not words. */
export function tokenizeWords(text: string): Word[] {
  const words: Word[] = [];
  const ascii = !NON_ASCII.test(text);
  for (const m of text.matchAll(ascii ? ASCII_WORD : WORD)) {
    const raw = m[0];
    words.push({ start: m.index!, end: m.index! + raw.length, key: ascii ? raw.toLowerCase() : wordKey(raw) });
  }
  return words;
}

/** The lookup key of one word. ASCII words (most of them) skip the transliteration. */
export function wordKey(raw: string): string {
  const lower = raw.toLowerCase();
  return /^[\x00-\x7f]*$/.test(lower) ? lower : anyAscii(lower).toLowerCase();
}

/** The lookup key of a phrase: its words' keys joined by single spaces. */
export function phraseKey(phrase: string): string {
  return tokenizeWords(phrase).map((w) => w.key).join(" ");
}

/** True when the letters of `text` are (nearly) all capitals, as in old wire copy. */
export function isAllCaps(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) lower++;
    else if (c >= 65 && c <= 90) upper++;
  }
  return upper > 20 && lower < upper * 0.05;
}
