import anyAscii from "any-ascii";

/** A word of the text: letters and digits, with its offsets and a lookup key. */
export interface Word {
  start: number;
  end: number;
  /** Lower case, accents folded: the key the lexicons are looked up by. */
  key: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
const BEYOND_LATIN1 = /[^\x00-\xff]/;
const NON_ASCII = /[^\x00-\x7f]/;
/** The Latin-1 characters WORD takes for word characters; a lookup per character beats its scan. */
const LATIN1_WORD_CHAR = Uint8Array.from({ length: 256 }, (_, c) => (/[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 0));

/** The words of `text`, with offsets; punctuation and spaces between them are not words. */
export function tokenizeWords(text: string): Word[] {
  const words: Word[] = [];
  if (BEYOND_LATIN1.test(text)) {
    WORD.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WORD.exec(text)) !== null) words.push({ start: m.index, end: m.index + m[0].length, key: wordKey(m[0]) });
    return words;
  }
  // Lower-casing Latin-1 text keeps every offset (no character there changes length, or case by
  // its neighbours), so one call lower-cases every word; in plain ASCII, most English news once
  // quotes are straightened, that is the key.
  const ascii = !NON_ASCII.test(text);
  const lower = text.toLowerCase();
  const n = lower.length;
  for (let i = 0; i < n; ) {
    if (!LATIN1_WORD_CHAR[lower.charCodeAt(i)]) {
      i++;
      continue;
    }
    const start = i++;
    while (i < n && LATIN1_WORD_CHAR[lower.charCodeAt(i)]) i++;
    const raw = lower.slice(start, i);
    words.push({ start, end: i, key: ascii ? raw : wordKey(raw) });
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
    if (c >= 97 && c <= 122) {
      // Too many already, were every character left a capital: ordinary text is settled in a line.
      if (++lower >= (upper + text.length - i) * 0.05) return false;
    } else if (c >= 65 && c <= 90) upper++;
  }
  return upper > 20 && lower < upper * 0.05;
}

/** "SHINING PATH" as "Shining Path": a name written in capitals, shown as names are written. */
export function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, gap: string, c: string) => gap + c.toUpperCase());
}
