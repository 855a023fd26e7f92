import { phraseKey, tokenizeWords, type Word } from "../words.js";

/** A word of a sentence, with the punctuation that stands between it and the word before. */
export interface Token {
  key: string;
  start: number;
  end: number;
  /** Non-space characters between the previous word and this one ("," "-" ":" "'"). */
  gap: string;
  /** Written with a capital first letter. */
  capital: boolean;
}

/**
 * The words of `clean` from `start` to `end`, as reading that stretch alone gives them, taken from
 * the document's words `words` rather than read again.
 */
export function tokenize(clean: string, words: readonly Word[], start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let previousEnd = start;
  for (let i = firstEndingAfter(words, start); i < words.length && words[i]!.start < end; i++) {
    const w = words[i]!;
    if (w.start >= start && w.end <= end) {
      tokens.push(token(clean, w.key, previousEnd, w.start, w.end));
      previousEnd = w.end;
      continue;
    }
    // A word the stretch's edge cuts through: what is left of it is read as the stretch alone reads it.
    const from = Math.max(start, w.start);
    for (const piece of tokenizeWords(clean.slice(from, Math.min(end, w.end)))) {
      tokens.push(token(clean, piece.key, previousEnd, from + piece.start, from + piece.end));
      previousEnd = from + piece.end;
    }
  }
  return tokens;
}

function token(clean: string, key: string, previousEnd: number, start: number, end: number): Token {
  // Mostly one space or nothing stands before a word, and mostly the word is ASCII: no strings made then.
  const gap = start === previousEnd || (start === previousEnd + 1 && clean.charCodeAt(previousEnd) === 32) ? "" : clean.slice(previousEnd, start).trim();
  const c = clean.charCodeAt(start);
  const capital = c < 128 ? c >= 65 && c <= 90 : clean[start]! !== clean[start]!.toLowerCase();
  return { key, start, end, gap, capital };
}

/** The index of the first word that ends after `offset`; words are in text order. */
function firstEndingAfter(words: readonly Word[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Joined within a phrase: nothing, a hyphen ("no-one") or an apostrophe. */
export function joined(t: Token): boolean {
  return t.gap === "" || t.gap === "-" || t.gap === "'" || t.gap === "’";
}

/** Multi-word phrases looked up at a token, longest first. */
export class PhraseSet<T> {
  private readonly byFirst = new Map<string, { keys: string[]; value: T }[]>();

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [phrase, value] of entries) {
      const keys = phraseKey(phrase).split(" ");
      if (keys[0] === "") continue;
      const list = this.byFirst.get(keys[0]!) ?? [];
      list.push({ keys, value });
      list.sort((a, b) => b.keys.length - a.keys.length);
      this.byFirst.set(keys[0]!, list);
    }
  }

  static of(phrases: readonly string[]): PhraseSet<true> {
    return new PhraseSet(phrases.map((p) => [p, true] as const));
  }

  /** The longest phrase that starts at token `i`: how many tokens it covers and its value. */
  at(tokens: readonly Token[], i: number): { length: number; value: T } | null {
    const list = tokens[i] ? this.byFirst.get(tokens[i]!.key) : undefined;
    if (!list) return null;
    for (const { keys, value } of list) {
      if (i + keys.length > tokens.length) continue;
      let k = 1;
      while (k < keys.length && tokens[i + k]!.key === keys[k] && joined(tokens[i + k]!)) k++;
      if (k === keys.length) return { length: k, value };
    }
    return null;
  }

  /** First words of every phrase, for a quick test of whether a text can hold one. */
  firstWords(): string[] {
    return [...this.byFirst.keys()];
  }
}
