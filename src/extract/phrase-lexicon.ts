import { tokenizeWords, type Word } from "./words.js";

// Wildcard stems are filed under their first letters; a stem is never shorter than this.
const STEM_PREFIX = 3;

/** A phrase found in the text: the words from `first` to `last` (inclusive) matched `value`. */
export interface PhraseMatch<T> {
  first: number;
  last: number;
  value: T;
}

/**
 * Looks up multi-word phrases by their word keys, longest first. A phrase whose last word ends in
 * "*" matches any ending of that word ("soldier*": soldier, soldiers). Lookup costs a few map
 * probes per word, so a lexicon of thousands of phrases scans a page in well under a millisecond.
 */
export class PhraseLexicon<T> {
  private readonly exact = new Map<string, T>();
  /**
   * Wildcard phrases by the key of their words before the last, then by the first letters of the
   * last word's stem (longest stems first), so a word is tried against a handful of stems only.
   */
  private readonly wild = new Map<string, Map<string, { stem: string; value: T }[]>>();
  /** Every key that begins some phrase: the scan stops extending a run that begins none. */
  private readonly prefixes = new Set<string>();

  add(phrase: string, value: T): void {
    const wildcard = phrase.trimEnd().endsWith("*");
    const keys = tokenizeWords(phrase.replace(/\*\s*$/, "")).map((w) => w.key);
    if (keys.length === 0) return;
    for (let k = 1; k < keys.length; k++) this.prefixes.add(keys.slice(0, k).join(" "));
    if (!wildcard) {
      const key = keys.join(" ");
      this.prefixes.add(key);
      if (!this.exact.has(key)) this.exact.set(key, value);
      return;
    }
    const head = keys.slice(0, -1).join(" ");
    const stem = keys[keys.length - 1]!;
    const byPrefix = this.wild.get(head) ?? new Map<string, { stem: string; value: T }[]>();
    const list = byPrefix.get(stem.slice(0, STEM_PREFIX)) ?? [];
    if (!list.some((x) => x.stem === stem)) list.push({ stem, value });
    list.sort((x, y) => y.stem.length - x.stem.length);
    byPrefix.set(stem.slice(0, STEM_PREFIX), list);
    this.wild.set(head, byPrefix);
  }

  /** Longest non-overlapping matches over `words`, left to right. */
  scan(words: readonly Word[], accept?: (m: PhraseMatch<T>) => boolean): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let i = 0; i < words.length; ) {
      const m = this.longestAt(words, i, accept);
      if (m) {
        found.push(m);
        i = m.last + 1;
      } else i++;
    }
    return found;
  }

  private longestAt(words: readonly Word[], i: number, accept?: (m: PhraseMatch<T>) => boolean): PhraseMatch<T> | null {
    const matches: PhraseMatch<T>[] = [];
    let head = "";
    for (let k = 0; i + k < words.length; k++) {
      const word = words[i + k]!.key;
      const stems = this.wild.get(head)?.get(word.slice(0, STEM_PREFIX));
      const hit = stems?.find((x) => word.startsWith(x.stem));
      if (hit) matches.push({ first: i, last: i + k, value: hit.value });
      const key = k === 0 ? word : `${head} ${word}`;
      const value = this.exact.get(key);
      if (value !== undefined) matches.push({ first: i, last: i + k, value });
      if (!this.prefixes.has(key)) break;
      head = key;
    }
    for (let j = matches.length - 1; j >= 0; j--) if (!accept || accept(matches[j]!)) return matches[j]!;
    return null;
  }
}
