import { perCodebook } from "../../codebook/load.js";
import { daysInMonth, type Day } from "./calendar.js";

// chrono drops "early", "mid" and "late": "in late August" comes back as all of August. The words
// before a month or a year narrow it to a part of it (codebook/dates.yaml).

export type Part = string;

/** codebook/dates.yaml */
export interface DatesBook {
  parts: Record<Part, { before: string[]; of: string[]; month: [number, number]; year: [number, number] }>;
  yearBefore: string[];
  countedNouns: string[];
}

interface Compiled {
  book: DatesBook;
  partBefore: RegExp;
  partOf: Map<string, Part>;
}

const compiledOf = perCodebook((codebook): Compiled => {
  const book: DatesBook = codebook.dates;
  const partOf = new Map<string, Part>();
  for (const [part, words] of Object.entries(book.parts)) for (const w of [...words.before, ...words.of]) partOf.set(w.toLowerCase(), part);
  const alt = (key: "before" | "of") => Object.values(book.parts).flatMap((p) => p[key]).join("|");
  const partBefore = new RegExp(`(?:\\b(${alt("before")})(?:\\s+|\\s*-\\s*)|\\b(?:the\\s+)?(${alt("of")})\\s+of\\s+(?:the\\s+)?)$`, "i");
  return { book, partBefore, partOf };
});

export function datesBook(): DatesBook {
  return compiledOf().book;
}

/** The part named right before `index` in `text`, and where its words start. */
export function partBefore(text: string, index: number): { part: Part; start: number } | null {
  const c = compiledOf();
  const window = text.slice(Math.max(0, index - 30), index);
  const m = c.partBefore.exec(window);
  if (!m) return null;
  return { part: c.partOf.get((m[1] ?? m[2])!.toLowerCase())!, start: index - window.length + m.index };
}

export function monthPart(year: number, month: number, part: Part): [Day, Day] {
  const [first, last] = datesBook().parts[part]!.month;
  return [
    { year, month, day: first },
    { year, month, day: Math.min(last, daysInMonth(year, month)) },
  ];
}

export function yearPart(year: number, part: Part): [Day, Day] {
  const [first, last] = datesBook().parts[part]!.year;
  return [
    { year, month: first, day: 1 },
    { year, month: last, day: daysInMonth(year, last) },
  ];
}
