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

export const ARTICLE = "al";

/** The lower-case ASCII form of one word as it is written. */
export function foldWord(word: string): string {
  const ascii = asciiOnly.test(word) ? word : anyAscii(word);
  return ascii.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** The key form of a folded word, given the folded word after it (articles depend on it). */
export function keyWord(folded: string, next: string | undefined): string {
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

export interface Token {
  start: number;
  end: number;
  /** The word as written. */
  raw: string;
  /** Lower-case ASCII form. */
  folded: string;
  /** Key form (articles unified). */
  key: string;
}

/** Words of a text with their offsets, folded and keyed. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(wordPattern)) {
    const start = m.index;
    tokens.push({ start, end: start + m[0].length, raw: m[0], folded: foldWord(m[0]), key: "" });
  }
  for (let i = 0; i < tokens.length; i++) tokens[i].key = keyWord(tokens[i].folded, tokens[i + 1]?.folded);
  return tokens;
}

/** A key, and the same key without its leading article, as prose often drops it ("Zawiyah"). */
export function keyVariants(key: string): string[] {
  return key.startsWith(`${ARTICLE} `) ? [key, key.slice(ARTICLE.length + 1)] : [key];
}
