import type { Codebook } from "../../codebook/schema.js";
import { monthNames } from "../dates/book.js";
import { PhraseSet, type Token } from "./tokens.js";

type Bound = "min" | "max" | "below" | "approximate";

interface NumbersBook {
  units: Record<string, number>;
  tens: Record<string, number>;
  scales: Record<string, number>;
  exact: Record<string, number>;
  articles: string[];
  ordinals: string[];
  vague: Record<string, { min?: number; max?: number }>;
  modifiers: Record<string, Bound>;
  labels: string[];
}

/** A number of people as the words give it, over tokens `first` to `end` (exclusive). */
export interface Quantity {
  value: number | null;
  min?: number;
  max?: number;
  first: number;
  end: number;
  /** "a"/"an": one person only if a noun follows ("a soldier"). */
  needsNoun: boolean;
}

type Core = Omit<Quantity, "first">;

export interface Numbers {
  words: Map<string, { kind: "unit" | "ten" | "scale"; value: number }>;
  exact: PhraseSet<number>;
  vague: PhraseSet<{ min?: number; max?: number }>;
  modifiers: PhraseSet<Bound>;
  articles: Set<string>;
  ordinals: Set<string>;
  labels: Set<string>;
  /** Every word a quantity can start with, digits aside: most words start none. */
  starts: Set<string>;
  /** Month names: a number next to one is a day, not a count. */
  months: Set<string>;
}

/** All digits ("31"): asked of nearly every word, so a loop rather than a regular expression. */
function isDigits(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return key.length > 0;
}

/** codebook/numbers.yaml as the reader looks words up, with the months of dates.yaml. */
export function numbersOf(codebook: Codebook): Numbers {
  const book: NumbersBook = codebook.numbers;
  const words = new Map<string, { kind: "unit" | "ten" | "scale"; value: number }>();
  for (const [w, v] of Object.entries(book.units)) words.set(w, { kind: "unit", value: v });
  for (const [w, v] of Object.entries(book.tens)) words.set(w, { kind: "ten", value: v });
  for (const [w, v] of Object.entries(book.scales)) words.set(w, { kind: "scale", value: v });
  const exact = new PhraseSet(Object.entries(book.exact));
  const vague = new PhraseSet(Object.entries(book.vague));
  const modifiers = new PhraseSet(Object.entries(book.modifiers));
  return {
    words,
    exact,
    vague,
    modifiers,
    articles: new Set(book.articles),
    ordinals: new Set(book.ordinals),
    labels: new Set(book.labels),
    starts: new Set([...words.keys(), ...exact.firstWords(), ...vague.firstWords(), ...modifiers.firstWords(), ...book.articles]),
    months: new Set(monthNames(codebook.dates)),
  };
}

function isNumberWord(t: Token | undefined, n: Numbers): boolean {
  return !!t && (isDigits(t.key) || n.words.has(t.key));
}

/** Number words in a row: "twenty-three", "one hundred and five", "two thousand". */
function wordsAt(t: readonly Token[], j: number, n: Numbers): Core | null {
  let total = 0;
  let current = 0;
  let end = j;
  while (end < t.length) {
    const tok = t[end]!;
    if (end > j && tok.gap !== "" && tok.gap !== "-") break;
    const word = n.words.get(tok.key);
    if (word?.kind === "scale") {
      current = (current || 1) * word.value;
      if (word.value >= 1000) {
        total += current;
        current = 0;
      }
    } else if (word) current += word.value;
    else if (tok.key === "and" && end > j && n.words.get(t[end + 1]?.key ?? "")?.kind !== "scale" && n.words.has(t[end + 1]?.key ?? "")) {
      end++;
      continue;
    } else break;
    end++;
  }
  return end === j ? null : { value: total + current, end, needsNoun: false };
}

/** Digits, "1,200" included; null when the number is a time, a decimal, a year, a day or a label. */
function digitsAt(t: readonly Token[], j: number, n: Numbers): Core | null {
  const tok = t[j]!;
  let value = Number(tok.key);
  let end = j + 1;
  while (tok.key.length <= 3 && t[end]?.gap === "," && /^\d{3}$/.test(t[end]!.key)) value = value * 1000 + Number(t[end++]!.key);
  const next = t[end];
  if (next && /^[:.]$/.test(next.gap) && /^\d/.test(next.key)) return null;
  if ((next?.key === "a" || next?.key === "p") && t[end + 1]?.key === "m" && t[end + 1]!.gap === ".") return null;
  if (end === j + 1 && tok.key.length === 4 && value >= 1800 && value <= 2099) return null;
  if ((next && n.months.has(next.key)) || (t[j - 1] && n.months.has(t[j - 1]!.key))) return null;
  if (t[j - 1] && n.labels.has(t[j - 1]!.key)) return null;
  // "Jose Perez, 57, was": an age between commas.
  if (tok.gap === "," && next?.gap === ",") return null;
  return { value, end, needsNoun: false };
}

function coreAt(t: readonly Token[], j: number, n: Numbers): Core | null {
  const tok = t[j];
  if (!tok) return null;
  let core: Core | null = null;
  if (isDigits(tok.key)) core = digitsAt(t, j, n);
  else {
    const exact = n.exact.at(t, j);
    if (exact) return { value: exact.value, end: j + exact.length, needsNoun: false };
    const vague = n.vague.at(t, j);
    if (vague) return { value: null, ...vague.value, end: j + vague.length, needsNoun: false };
    core = wordsAt(t, j, n);
    if (!core && n.articles.has(tok.key)) {
      if (t[j + 1] && n.ordinals.has(t[j + 1]!.key)) return { value: 1, end: j + 2, needsNoun: false };
      return { value: 1, end: j + 1, needsNoun: true };
    }
  }
  if (!core || core.value === null) return core;
  // A range keeps its lower end as the value: "two or three", "10 to 15", "10-15".
  const link = t[core.end];
  const linked = link && ((link.gap === "" && (link.key === "to" || link.key === "or")) || ((link.gap === "-" || link.gap === "–") && isDigits(link.key)));
  if (linked) {
    const upperAt = link.key === "to" || link.key === "or" ? core.end + 1 : core.end;
    const upper = isNumberWord(t[upperAt], n) ? (isDigits(t[upperAt]!.key) ? digitsAt(t, upperAt, n) : wordsAt(t, upperAt, n)) : null;
    if (upper?.value && upper.value > core.value) return { value: core.value, min: core.value, max: upper.value, end: upper.end, needsNoun: false };
  }
  return core;
}

/** Whether a quantity can start with the word whose key is `key`: most words start none. */
export function mayStartQuantity(key: string, n: Numbers): boolean {
  return n.starts.has(key) || isDigits(key);
}

/** The number of people that starts at token `i`, with a bound before it ("at least seven"). */
export function quantityAt(t: readonly Token[], i: number, n: Numbers): Quantity | null {
  const key = t[i]?.key;
  if (key === undefined || !mayStartQuantity(key, n)) return null;
  const modifier = n.modifiers.at(t, i);
  if (modifier) {
    const core = coreAt(t, i + modifier.length, n);
    if (core && core.value !== null && !core.needsNoun) {
      const v = core.value;
      const bound = modifier.value;
      if (bound === "min") return quantity(core, i, v, core.min ?? v, core.max);
      if (bound === "max") return quantity(core, i, v, core.min, core.max ?? v);
      if (bound === "below") return quantity(core, i, v - 1, core.min, v - 1);
      return quantity(core, i, v, core.min, core.max);
    }
  }
  const core = coreAt(t, i, n);
  return core ? quantity(core, i, core.value, core.min, core.max) : null;
}

// Every quantity built in one shape, so the code that reads them stays fast.
function quantity(core: Core, first: number, value: number | null, min: number | undefined, max: number | undefined): Quantity {
  return { value, min, max, first, end: core.end, needsNoun: core.needsNoun };
}
