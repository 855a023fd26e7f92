import type { Span } from "../model.js";

/** A match and the index of the pattern list it came from. */
export interface TaggedSpan extends Span {
  tag: number;
}

/**
 * Compiles lists of codebook patterns (regular expression sources) into one case-insensitive
 * regular expression that matches whole words only, so one scan of the text finds every list's
 * matches; `findAll` tags each with its list. Where lists match at the same place, the earlier
 * list wins.
 */
export function compilePatterns(lists: string[][]): RegExp {
  const body = lists.map((ps, i) => `(?<t${i}>${ps.map((p) => `(?:${p})`).join("|")})`).join("|");
  // ASCII word boundaries without the unicode flag: the codebook's words are English, and V8 scans
  // a non-unicode pattern several times faster.
  return new RegExp(`\\b(?:${body})\\b`, "gi");
}

/**
 * Every non-overlapping match of `re` in `text`, or in the window [from, to) of it. A window is
 * searched as a slice: a regular expression's scan would otherwise run on to the end of the text.
 */
export function findAll(re: RegExp, text: string, from = 0, to = text.length): TaggedSpan[] {
  const haystack = from > 0 || to < text.length ? text.slice(from, to) : text;
  const spans: TaggedSpan[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(haystack)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    let tag = 0;
    while (m.groups![`t${tag}`] === undefined) tag++;
    spans.push({ start: from + m.index, end: from + m.index + m[0].length, text: m[0], tag });
  }
  return spans;
}

/** Index of the sentence holding `offset` (sentences sorted by start), or -1. */
export function sentenceAt(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
