import anyAscii from "any-ascii";

// A place name and a run of words in an article meet as the same lookup key: ASCII, lower case,
// one space between words, and every Arabic article (al-, el-, ad-, as-Sa...) written "al", so
// that "el-Qubbah", "Al Qubbah" and "al-Qubbah" give one key. Apostrophes and hyphens separate
// words on both sides, so "Ra's Lanuf" and "N'Djamena" key the same wherever they are written.

const wordPattern = /[\p{L}\p{M}\p{N}]+/gu;
const asciiOnly = /^[\x00-\x7f]*$/;

/** The article in its plain forms; a sun-letter form (ash-Shati, az-Zawiya) only before its letter. */
const plainArticles = new Set(["al", "el", "il", "ul"]);
const sunArticles = new Set(["ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ag"]);
/** Longer words are never articles, and most words are longer: they skip the set lookups. */
const articleLength = Math.max(...[...plainArticles, ...sunArticles].map((a) => a.length));

export const ARTICLE = "al";

/** The lower-case ASCII form of one word as it is written. */
export function foldWord(word: string): string {
  const ascii = asciiOnly.test(word) ? word : anyAscii(word);
  return ascii.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** The key form of a folded word, given the folded word after it (articles depend on it). */
export function keyWord(folded: string, next: string | undefined): string {
  if (folded.length > articleLength) return folded;
  if (plainArticles.has(folded)) return next ? ARTICLE : folded;
  if (sunArticles.has(folded) && next && next.startsWith(folded.slice(1))) return ARTICLE;
  return folded;
}

/** The key words of a name, in order. */
export function nameWords(name: string): string[] {
  const folded: string[] = [];
  for (const m of name.matchAll(wordPattern)) {
    const word = foldWord(m[0]);
    if (word) folded.push(word);
  }
  return folded.map((w, i) => keyWord(w, folded[i + 1]));
}

/** The lookup key of a name ("Al-Qubbah" -> "al qubbah"). */
export function nameKey(name: string): string {
  return nameWords(name).join(" ");
}

/**
 * A 53-bit hash of a key, as two 32-bit halves (two FNV-1a passes with different offsets). The
 * index stores hashes rather than strings; 2^-53 collisions are not a practical concern.
 */
export function hashKey(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return [a >>> 0, (b & 0x1fffff) >>> 0];
}

/**
 * A word of a text. Made by a constructor rather than a literal: V8 may move a literal's
 * allocation site to the old generation, after which every young string a word holds keeps
 * garbage alive through minor collections.
 */
export class Token {
  /** Key form (articles unified): set once the word after it is known. */
  key = "";

  constructor(
    readonly start: number,
    readonly end: number,
    /** The word as written. */
    readonly raw: string,
    /** Lower-case ASCII form. */
    readonly folded: string,
  ) {}
}

// The scan reads words a character at a time: a letter or digit in ASCII is decided by its code,
// and only a character beyond ASCII asks the Unicode classes (one code unit, then the whole word).
const wordAt = /[\p{L}\p{M}\p{N}]+/uy;
const wordCharAt = /[\p{L}\p{M}\p{N}]/uy;

/** A letter or digit of ASCII, by its code. */
export const isAsciiWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

function wordCharAtIndex(text: string, at: number): boolean {
  wordCharAt.lastIndex = at;
  return wordCharAt.test(text);
}

/** Words of a text with their offsets, folded and keyed. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    let end = i;
    let ascii = c < 128;
    let upper = false;
    if (ascii) {
      for (let d = c; isAsciiWordChar(d); d = text.charCodeAt(++end)) upper ||= d <= 90 && d >= 65;
      if (end === i) {
        i++;
        continue;
      }
      ascii = end === n || text.charCodeAt(end) < 128 || !wordCharAtIndex(text, end);
    }
    if (!ascii) {
      wordAt.lastIndex = i;
      if (!wordAt.test(text)) {
        // A character outside every word, as the global pattern steps: a surrogate pair at once.
        i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
        continue;
      }
      end = wordAt.lastIndex;
    }
    const raw = text.slice(i, end);
    // An ASCII word has nothing to transliterate or strip: its fold is its lower case.
    const folded = !ascii ? foldWord(raw) : upper ? raw.toLowerCase() : raw;
    tokens.push(new Token(i, end, raw, folded));
    i = end;
  }
  for (let i = 0; i < tokens.length; i++) tokens[i].key = keyWord(tokens[i].folded, tokens[i + 1]?.folded);
  return tokens;
}

/** A key, and the same key without its leading article, as prose often drops it ("Zawiyah"). */
export function keyVariants(key: string): string[] {
  return key.startsWith(`${ARTICLE} `) ? [key, key.slice(ARTICLE.length + 1)] : [key];
}
