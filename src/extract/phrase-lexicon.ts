import { tokenizeWords, type Word } from "./words.js";

// Wildcard stems are filed under their first letters; a stem is never shorter than this.
const STEM_PREFIX = 3;

/** A phrase found in the text: the words from `first` to `last` (inclusive) matched `value`. */
export interface PhraseMatch<T> {
  first: number;
  last: number;
  value: T;
}

/** The phrases that begin with some words: a node of the lexicon's tree of words. */
interface Node<T> {
  /** The value of the phrase these words make, if they make one. */
  value?: T;
  /** The nodes of the phrases that go on, by their next word's key. */
  next: Map<string, Node<T>>;
  /** Phrases whose last word is a wildcard stem. */
  wild?: Wildcards<T>;
}

interface Wildcards<T> {
  /**
   * By the first letters of the stem (see `stemKey`), longest stems first, so a word is tried
   * against a handful of stems only.
   */
  stems: Map<number, { stem: string; value: T }[]>;
  /** A bit for each key of `stems`, folded: most words begin no stem, and a bit costs less than a probe. */
  bits: Uint32Array;
}

const WILD_BITS = 1 << 14;

/**
 * The first STEM_PREFIX letters of a word key as a number, so looking a word up allocates no
 * string. Keys that collide are told apart by the stem itself.
 */
function stemKey(word: string): number {
  return (word.charCodeAt(0) * 31 + word.charCodeAt(1)) * 31 + word.charCodeAt(2);
}

/**
 * Looks up multi-word phrases by their word keys, longest first. A phrase whose last word ends in
 * "*" matches any ending of that word ("soldier*": soldier, soldiers). Lookup walks a tree of
 * words, a map probe or two per word, so a lexicon of thousands of phrases scans a page in well
 * under a millisecond.
 */
export class PhraseLexicon<T> {
  private readonly root: Node<T> = { next: new Map() };

  add(phrase: string, value: T): void {
    const wildcard = phrase.trimEnd().endsWith("*");
    const keys = tokenizeWords(phrase.replace(/\*\s*$/, "")).map((w) => w.key);
    if (keys.length === 0) return;
    const words = wildcard ? keys.slice(0, -1) : keys;
    let node = this.root;
    for (const key of words) {
      let next = node.next.get(key);
      if (!next) node.next.set(key, (next = { next: new Map() }));
      node = next;
    }
    if (!wildcard) {
      if (node.value === undefined) node.value = value;
      return;
    }
    const stem = keys[keys.length - 1]!;
    if (stem.length < STEM_PREFIX) throw new Error(`wildcard stem shorter than ${STEM_PREFIX} letters: ${phrase}`);
    const wild: Wildcards<T> = (node.wild ??= { stems: new Map(), bits: new Uint32Array(WILD_BITS / 32) });
    const key = stemKey(stem);
    const bit = key & (WILD_BITS - 1);
    wild.bits[bit >> 5]! |= 1 << (bit & 31);
    const list = wild.stems.get(key) ?? [];
    if (!list.some((x) => x.stem === stem)) list.push({ stem, value });
    list.sort((x, y) => y.stem.length - x.stem.length);
    wild.stems.set(key, list);
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
    // Shortest first; where a wildcard and a whole word match the same words, the whole word wins.
    let matches: PhraseMatch<T>[] | null = null;
    let node = this.root;
    for (let k = 0; i + k < words.length; k++) {
      const word = words[i + k]!.key;
      if (node.wild && word.length >= STEM_PREFIX) {
        const key = stemKey(word);
        const bit = key & (WILD_BITS - 1);
        if (node.wild.bits[bit >> 5]! & (1 << (bit & 31))) {
          const hit = node.wild.stems.get(key)?.find((x) => word.startsWith(x.stem));
          if (hit) (matches ??= []).push({ first: i, last: i + k, value: hit.value });
        }
      }
      const next = node.next.get(word);
      if (next === undefined) break;
      if (next.value !== undefined) (matches ??= []).push({ first: i, last: i + k, value: next.value });
      node = next;
    }
    if (matches === null) return null;
    for (let j = matches.length - 1; j >= 0; j--) if (!accept || accept(matches[j]!)) return matches[j]!;
    return null;
  }
}
