// chrono runs some twenty regular expressions over every character it is given, and most of a
// report holds no date. dateExcerpt cuts a text down to the stretches that can hold one, run
// together, so that chrono reads them in one call and finds exactly what it finds in the whole.
//
// Why nothing is lost. A word here is a run of [A-Za-z0-9_], what chrono's expressions take for one
// (they have no `u` flag: an accented letter separates words). The expressions of the configured
// parsers (chrono.ts) spell out every letter they take, but for one before a number
// (SlashDateFormatParser reads "5/3" in "a5/3"). DATE_WORDS holds every word they spell, and those
// the refiners, chrono's and ours, look for between two results ("to", "at", "of", "T"...). A word
// without a digit that is no run of DATE_WORDS, a barrier, is therefore never part of an
// expression nor between two that a refiner joins. Every expression also holds a CUE: a digit, a
// month or weekday name, or a word without which no parser matches ("ago", "last", "night"...).
// So the text from the barrier before a cue to the barrier after it parses alone as it does in
// the whole. A stretch keeps both barriers, and what follows the second up to the next word, so
// that whatever an expression or a refiner looks at around a result (a time zone after it, "in"
// before "May") is the same; stretches are cut apart only there, between two barriers.
// The tests check DATE_WORDS against the parsers' expressions and compare chrono's results on
// excerpts and on whole texts; the corpus snapshot shows every date unchanged.

const CUE_WORDS = [
  "jan feb mar apr may jun jul aug sep oct nov dec",
  "mon tue wed thu fri sat sun week day",
  "now morrow tmr night morning noon evening",
  "ago before earlier later after henceforth forward out",
  "this last past next",
  "summer winter spring autumn fall",
];

/** Alternatives sharing first letters, as one branch each: V8 then tries one branch per character. */
function factored(words: string[]): string {
  const byFirst = new Map<string, string[]>();
  for (const w of words) byFirst.set(w[0]!, [...(byFirst.get(w[0]!) ?? []), w.slice(1)]);
  const branches = [...byFirst].map(([first, rests]) => {
    const ends = rests.includes("");
    const rest = rests.filter((r) => r !== "");
    const tail = rest.length === 0 ? "" : rest.length === 1 && !ends ? factored(rest) : `(?:${factored(rest)})${ends ? "?" : ""}`;
    return first + tail;
  });
  return branches.join("|");
}

const CUE = new RegExp(`[0-9]|${factored(CUE_WORDS.flatMap((line) => line.split(" ")))}`, "gi");

// chrono lets these run together ("lastnight", "5days", even "they": "the y[ear]"), so a word made
// of several of them is no barrier either.
const DATE_WORDS = new Set(
  [
    // Months and weekdays, with the abbreviations chrono reads.
    "january february march april may june july august september october november december",
    "jan feb mar apr jun jul aug sep sept oct nov dec",
    "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu thur thurs fri sat sun",
    "week weekend weekday",
    // Day numbers in words, ordinal endings, eras.
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth",
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth twenty thirty",
    "st nd rd th be ad bc bce ce",
    // Counts and units of "three days ago", "a couple of weeks later".
    "one two three four five six seven eight nine ten eleven twelve half a an few several couple about around",
    "seconds minute minutes hour hours day days weeks month months year years quarter quarters",
    "sec min mins hr hrs mo mos qtr yr s m h d w y",
    // Relative words, times of day, seasons.
    "now today tonight tomorrow overmorrow tmr tmrw yesterday night morning afternoon evening midnight midday noon",
    "this last past next previous following ago before earlier later after from henceforth forward out",
    "spring summer autumn fall winter",
    // Joining words, ISO's letters.
    "on of in the to until through till and at t z",
  ].flatMap((line) => line.split(" ")),
);

// DATE_WORDS as a trie over the letters a-z: node n's child for letter l is TRIE[n * 26 + l], 0
// for none (the root, node 0, is nobody's child); WORD_END[n] when a word ends at node n.
const TRIE: number[] = new Array<number>(26).fill(0);
const WORD_END: boolean[] = [false];
for (const word of DATE_WORDS) {
  let node = 0;
  for (let i = 0; i < word.length; i++) {
    const slot = node * 26 + word.charCodeAt(i) - 97;
    if (TRIE[slot] === 0) {
      TRIE[slot] = WORD_END.length;
      WORD_END.push(false);
      for (let l = 0; l < 26; l++) TRIE.push(0);
    }
    node = TRIE[slot]!;
  }
  WORD_END[node] = true;
}

/** A character of a word: what chrono's expressions take for \w. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** reach[i]: the word's first i characters are a run of DATE_WORDS. Grown as words need. */
let reach = new Uint8Array(64);

/** True when no date expression can hold the word `text[start, end)`. */
function isBarrier(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return false;
  }
  const length = end - start;
  if (reach.length <= length) reach = new Uint8Array(2 * length);
  reach.fill(0, 0, length + 1);
  reach[0] = 1;
  for (let i = 0; i < length; i++) {
    if (!reach[i]) continue;
    let node = 0;
    for (let j = i; j < length; j++) {
      // Lower case; "_" and anything else falls outside a-z and ends the walk.
      const letter = (text.charCodeAt(start + j) | 32) - 97;
      node = letter >= 0 && letter < 26 ? TRIE[node * 26 + letter]! : 0;
      if (node === 0) break;
      if (WORD_END[node]) reach[j + 1] = 1;
    }
  }
  return !reach[length];
}

/** Start of the nearest barrier before `index` (a word's start), or 0. */
function barrierBefore(text: string, index: number): number {
  let end = index;
  for (;;) {
    while (end > 0 && !isWordChar(text.charCodeAt(end - 1))) end--;
    if (end === 0) return 0;
    let start = end;
    while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
    if (isBarrier(text, start, end)) return start;
    end = start;
  }
}

/** Start of the word after the nearest barrier from `index` (a word's end) on, or the text's end. */
function pastBarrierAfter(text: string, index: number): number {
  let start = index;
  for (;;) {
    while (start < text.length && !isWordChar(text.charCodeAt(start))) start++;
    if (start === text.length) return start;
    let end = start;
    while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
    if (isBarrier(text, start, end)) {
      while (end < text.length && !isWordChar(text.charCodeAt(end))) end++;
      return end;
    }
    start = end;
  }
}

/** The stretches of a text chrono needs to read, run together. */
export interface Excerpt {
  text: string;
  /** Where each stretch starts in `text`, ascending, and where in the source text. */
  starts: number[];
  sources: number[];
}

/** The stretches of `text` around its cues, each from the barrier before to the word after the barrier after. */
export function dateExcerpt(text: string): Excerpt {
  const stretches: [number, number][] = [];
  CUE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CUE.exec(text)) !== null) {
    let wordStart = m.index;
    while (wordStart > 0 && isWordChar(text.charCodeAt(wordStart - 1))) wordStart--;
    let wordEnd = m.index + m[0].length;
    while (wordEnd < text.length && isWordChar(text.charCodeAt(wordEnd))) wordEnd++;
    if (isBarrier(text, wordStart, wordEnd)) {
      CUE.lastIndex = wordEnd;
      continue;
    }
    const start = barrierBefore(text, wordStart);
    const end = pastBarrierAfter(text, wordEnd);
    const last = stretches.at(-1);
    if (last && start <= last[1]) last[1] = end;
    else stretches.push([start, end]);
    CUE.lastIndex = end;
  }
  const starts: number[] = [];
  let length = 0;
  for (const [start, end] of stretches) {
    starts.push(length);
    length += end - start;
  }
  return {
    text: stretches.map(([start, end]) => text.slice(start, end)).join(""),
    starts,
    sources: stretches.map(([start]) => start),
  };
}

/** The offset in the source text of offset `index` of the excerpt. */
export function sourceOffset(excerpt: Excerpt, index: number): number {
  const { starts, sources } = excerpt;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return sources[lo]! + index - starts[lo]!;
}
