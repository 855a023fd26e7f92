import type { Doc, Sentence } from "../../model.js";
import { phraseKey, tokenizeWords } from "../words.js";

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

/** The words of one sentence of `doc.clean`, offsets into the document. */
export function tokenize(doc: Doc, sentence: Sentence): Token[] {
  const tokens: Token[] = [];
  let previousEnd = sentence.start;
  for (const w of tokenizeWords(doc.clean.slice(sentence.start, sentence.end))) {
    const start = sentence.start + w.start;
    const first = doc.clean[start]!;
    tokens.push({ key: w.key, start, end: sentence.start + w.end, gap: doc.clean.slice(previousEnd, start).trim(), capital: first !== first.toLowerCase() });
    previousEnd = sentence.start + w.end;
  }
  return tokens;
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
