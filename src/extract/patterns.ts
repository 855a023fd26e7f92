import type { Span } from "../model.js";

/** A match and the index of the pattern list it came from. */
export interface TaggedSpan extends Span {
  tag: number;
}

/**
 * Lists of codebook patterns compiled for `findAll`. One expression of hundreds of alternatives
 * costs a try of every alternative at every word of the text; instead, a position is tried only when
 * the characters there can begin some pattern, and then only against the patterns that can begin
 * with its first character.
 */
export interface PatternSet {
  /** By the slot of a match's first character: the patterns that can begin with it, or null. */
  byFirst: (Expression | null)[];
  /**
   * The prefixes that can begin a match, as a tree. First by whether a word character comes
   * before (a match begins at a word boundary) and the slots of the first two characters, then
   * in `rows` by the slot of each next character. An entry is REJECT, ACCEPT, or a row's index
   * plus ROW.
   */
  starts: Uint16Array;
  rows: Uint16Array;
}

const REJECT = 0;
const ACCEPT = 1;
const ROW = 2;

/** Some of the patterns as one sticky expression, with the group and list of each list's part. */
interface Expression {
  re: RegExp;
  groups: number[];
  tags: number[];
}

// A character's slot: ASCII folded to lower case (a case-insensitive expression without the
// unicode flag matches an ASCII letter in either case, and never a non-ASCII character for an
// ASCII one), any non-ASCII character, or the end of the text.
const NON_ASCII = 128;
const END = 129;
const SLOTS = 130;
// How many characters of a position the tree reads: enough to pass over "the attack" and try "the
// statement".
const PREFIX = 5;

const ASCII_SLOT = new Uint8Array(128).map((_, c) => (c >= 65 && c <= 90 ? c + 32 : c));
const WORD_SLOT = new Uint8Array(SLOTS).map((_, s) => (s < 128 && /\w/.test(String.fromCharCode(s)) ? 1 : 0));

const slotOf = (c: number): number => (c < 128 ? ASCII_SLOT[c]! : NON_ASCII);
const EVERY_SLOT = new Set(Array.from({ length: END }, (_, s) => s));

/**
 * Compiles lists of codebook patterns (regular expression sources) into case-insensitive
 * expressions that match whole words only, so one scan of the text finds every list's matches;
 * `findAll` tags each with its list. Where lists match at the same place, the earlier list wins.
 */
export function compilePatterns(lists: string[][]): PatternSet {
  const prefixes = lists.map((ps) => ps.map(prefixesOf));
  return { byFirst: expressions(lists, prefixes), ...prefixTree(prefixes.flat(2)) };
}

/** By first slot: the patterns that can begin with it, each list's in a group of its own. */
function expressions(lists: string[][], prefixes: Prefix[][][]): (Expression | null)[] {
  const firstsOf = (pattern: Prefix[]) => (pattern.some((p) => p.slots.length === 0) ? EVERY_SLOT : new Set(pattern.map((p) => p.slots[0]!)));
  const own = Array.from({ length: END }, () => lists.map((): string[] => []));
  lists.forEach((ps, tag) => ps.forEach((p, k) => firstsOf(prefixes[tag]![k]!).forEach((slot) => own[slot]![tag]!.push(p))));
  // A list's group comes after the groups of the patterns of the lists before it.
  const groupsOf = new Map(lists.flat().map((p) => [p, new RegExp(`${p}|`).exec("")!.length - 1]));
  const shared = new Map<string, Expression>();
  return own.map((byList) => {
    const tags = byList.flatMap((ps, tag) => (ps.length > 0 ? [tag] : []));
    if (tags.length === 0) return null;
    const parts = tags.map((tag) => `(${byList[tag]!.map((p) => `(?:${p})`).join("|")})`);
    // ASCII word boundaries without the unicode flag: the codebook's words are English, and V8
    // scans a non-unicode pattern several times faster.
    const source = `\\b(?:${parts.join("|")})\\b`;
    let expression = shared.get(source);
    if (!expression) {
      const groups: number[] = [];
      let group = 1;
      for (const tag of tags) {
        groups.push(group);
        group += 1 + byList[tag]!.reduce((sum, p) => sum + groupsOf.get(p)!, 0);
      }
      expression = { re: new RegExp(source, "iy"), groups, tags };
      shared.set(source, expression);
    }
    return expression;
  });
}

/** The tree of `PatternSet.starts` and `rows` over the prefixes of every pattern. */
function prefixTree(prefixes: Prefix[]): { starts: Uint16Array; rows: Uint16Array } {
  const starts = new Uint16Array(2 * SLOTS * SLOTS);
  const rows: number[] = [];
  // Shorter prefixes first: one accepted already makes the longer ones it begins redundant.
  for (const { slots } of prefixes.sort((x, y) => x.slots.length - y.slots.length)) {
    for (const first of slots.length > 0 ? [slots[0]!] : EVERY_SLOT) {
      const at = ((1 - WORD_SLOT[first]!) * SLOTS + first) * SLOTS;
      if (slots.length < 2) {
        starts.fill(ACCEPT, at, at + SLOTS);
        continue;
      }
      let table: Uint16Array | number[] = starts;
      let entry = at + slots[1]!;
      for (let d = 2; d < slots.length && table[entry] !== ACCEPT; d++) {
        if (table[entry] === REJECT) {
          if (rows.length / SLOTS + ROW > 0xffff) throw new Error("too many pattern prefixes");
          table[entry] = rows.length / SLOTS + ROW;
          for (let k = 0; k < SLOTS; k++) rows.push(REJECT);
        }
        const row = table[entry]! - ROW;
        table = rows;
        entry = row * SLOTS + slots[d]!;
      }
      table[entry] = ACCEPT;
    }
  }
  return { starts, rows: Uint16Array.from(rows) };
}

/**
 * Every non-overlapping match of `set` in `text`, or in the window [from, to) of it. A window is
 * searched as a slice, so that no match reaches out of it.
 */
export function findAll(set: PatternSet, text: string, from = 0, to = text.length): TaggedSpan[] {
  const haystack = from > 0 || to < text.length ? text.slice(from, to) : text;
  const n = haystack.length;
  const spans: TaggedSpan[] = [];
  let before = 0;
  let first = n > 0 ? slotOf(haystack.charCodeAt(0)) : END;
  let p = 0;
  while (p < n) {
    const second = p + 1 < n ? slotOf(haystack.charCodeAt(p + 1)) : END;
    let state = set.starts[(before * SLOTS + first) * SLOTS + second]!;
    for (let q = p + 2; state >= ROW; q++) state = set.rows[(state - ROW) * SLOTS + (q < n ? slotOf(haystack.charCodeAt(q)) : END)]!;
    if (state === ACCEPT) {
      const e = set.byFirst[first]!;
      e.re.lastIndex = p;
      const m = e.re.exec(haystack);
      if (m !== null && m[0].length > 0) {
        let k = 0;
        while (m[e.groups[k]!] === undefined) k++;
        const end = p + m[0].length;
        spans.push({ start: from + p, end: from + end, text: m[0], tag: e.tags[k]! });
        before = WORD_SLOT[slotOf(haystack.charCodeAt(end - 1))]!;
        first = end < n ? slotOf(haystack.charCodeAt(end)) : END;
        p = end;
        continue;
      }
    }
    before = WORD_SLOT[first]!;
    first = second;
    p++;
  }
  return spans;
}

const NON_ASCII_SPACE = /\s/;

/** Whether the character code `c` is one `\s` matches. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && NON_ASCII_SPACE.test(String.fromCharCode(c)));
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

/**
 * How a pattern's matches can begin: its first `PREFIX` slots, or fewer and `open` when what
 * follows is anything (the pattern ends, or reaches a wide class such as `.` or `\w`).
 */
interface Prefix {
  slots: number[];
  open: boolean;
}

const EMPTY: Prefix[] = [{ slots: [], open: false }];
const ANYTHING: Prefix[] = [{ slots: [], open: true }];
// Classes wider than this are not worth telling apart, and would multiply the prefixes.
const WIDE_CLASS = 16;
const MAX_PREFIXES = 10_000;

class Unanalysable extends Error {}

/**
 * The prefixes of a pattern's matches. The analysis knows the syntax the codebooks use; a pattern
 * beyond it may begin with anything, which costs time but never a match.
 */
function prefixesOf(source: string): Prefix[] {
  let i = 0;
  const alternation = (): Prefix[] => {
    let result = sequence();
    while (source[i] === "|") {
      i++;
      result = union(result, sequence());
    }
    return result;
  };
  const sequence = (): Prefix[] => {
    let result = EMPTY;
    while (i < source.length && source[i] !== "|" && source[i] !== ")") {
      const item = atom();
      result = concat(result, quantified(item));
    }
    return result;
  };
  const quantified = (item: Prefix[]): Prefix[] => {
    let min: number;
    let max: number;
    const c = source[i];
    if (c === "?" || c === "*" || c === "+") {
      i++;
      min = c === "+" ? 1 : 0;
      max = c === "?" ? 1 : Infinity;
    } else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!m) throw new Unanalysable();
      i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
    } else return item;
    if (source[i] === "?") i++;
    // Past PREFIX copies every prefix is complete, or the item matches empty and adds nothing.
    const copies = Math.min(max, PREFIX);
    let result = EMPTY;
    for (let k = 0; k < copies; k++) result = concat(result, k < min ? item : union(item, EMPTY));
    return result;
  };
  const atom = (): Prefix[] => {
    const c = source[i++]!;
    if (c === "(") {
      let zeroWidth = false;
      if (source.startsWith("?:", i)) i += 2;
      else if (source.startsWith("?=", i) || source.startsWith("?!", i)) {
        i += 2;
        zeroWidth = true;
      } else if (source.startsWith("?<=", i) || source.startsWith("?<!", i)) {
        i += 3;
        zeroWidth = true;
      } else if (source[i] === "?") throw new Unanalysable();
      const inner = alternation();
      if (source[i++] !== ")") throw new Unanalysable();
      // A lookaround only narrows where a match may be: ignoring it keeps the prefixes a superset.
      return zeroWidth ? EMPTY : inner;
    }
    if (c === "[") return charClass();
    if (c === "\\") {
      const e = source[i++];
      if (e === "b" || e === "B") return EMPTY;
      if (e === undefined || /[dDsSwW]/.test(e)) return ANYTHING;
      return chars([escaped(e)]);
    }
    if (c === "^" || c === "$") return EMPTY;
    if (c === ".") return ANYTHING;
    if (c === "{" || c === "*" || c === "+" || c === "?" || c === ")") throw new Unanalysable();
    return chars([c.charCodeAt(0)]);
  };
  const charClass = (): Prefix[] => {
    if (source[i] === "^") throw new Unanalysable();
    const codes: number[] = [];
    let wide = false;
    while (source[i] !== "]") {
      if (i >= source.length) throw new Unanalysable();
      let lo: number;
      if (source[i] === "\\") {
        const e = source[i + 1]!;
        i += 2;
        if (/[dDsSwW]/.test(e)) {
          wide = true;
          continue;
        }
        lo = e === "b" ? 8 : escaped(e);
      } else lo = source.charCodeAt(i++);
      if (source[i] === "-" && source[i + 1] !== "]") {
        if (source[i + 1] === "\\") throw new Unanalysable();
        const hi = source.charCodeAt(i + 1);
        i += 2;
        if (hi < lo) throw new Unanalysable();
        for (let x = lo; x <= hi && x < NON_ASCII; x++) codes.push(x);
        if (hi >= NON_ASCII) codes.push(NON_ASCII);
      } else codes.push(lo);
    }
    i++;
    return wide ? ANYTHING : chars(codes);
  };
  const escaped = (e: string): number => {
    const control = { n: 10, t: 9, r: 13, f: 12, v: 11 }[e];
    if (control !== undefined) return control;
    // Backreferences, code points and identity escapes of letters are beyond the analysis.
    if (/[A-Za-z0-9]/.test(e)) throw new Unanalysable();
    return e.charCodeAt(0);
  };
  try {
    const result = alternation();
    if (i !== source.length) throw new Unanalysable();
    return result.map(({ slots }) => ({ slots, open: true }));
  } catch (e) {
    if (e instanceof Unanalysable) return ANYTHING;
    throw e;
  }
}

function chars(codes: number[]): Prefix[] {
  const slots = new Set(codes.map(slotOf));
  if (slots.size > WIDE_CLASS) return ANYTHING;
  return [...slots].map((s) => ({ slots: [s], open: false }));
}

function union(xs: Prefix[], ys: Prefix[]): Prefix[] {
  return distinct(xs.concat(ys));
}

function concat(xs: Prefix[], ys: Prefix[]): Prefix[] {
  if (xs.every((x) => x.open)) return xs;
  const out: Prefix[] = [];
  for (const x of xs) {
    if (x.open) out.push(x);
    else
      for (const y of ys) {
        const slots = x.slots.concat(y.slots);
        out.push(slots.length >= PREFIX ? { slots: slots.slice(0, PREFIX), open: true } : { slots, open: y.open });
      }
  }
  return distinct(out);
}

function distinct(ps: Prefix[]): Prefix[] {
  const seen = new Map<string, Prefix>();
  for (const p of ps) seen.set(`${p.slots.join(",")}${p.open ? "+" : ""}`, p);
  if (seen.size > MAX_PREFIXES) throw new Unanalysable();
  return [...seen.values()];
}
