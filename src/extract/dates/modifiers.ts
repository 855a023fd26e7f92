import type { DateWords, Part } from "./book.js";
import { daysInMonth, type Day } from "./calendar.js";

// chrono drops "early", "mid" and "late": "in late August" comes back as all of August. The words
// before a month or a year narrow it to a part of it (codebook/dates.yaml).

/** The part named right before `index` in `text`, and where its words start. */
export function partBefore(words: DateWords, text: string, index: number): { part: Part; start: number } | null {
  const window = text.slice(Math.max(0, index - 30), index);
  const m = words.partBefore.exec(window);
  if (!m) return null;
  return { part: words.partOf.get((m[1] ?? m[2])!.toLowerCase())!, start: index - window.length + m.index };
}

export function monthPart(words: DateWords, year: number, month: number, part: Part): [Day, Day] {
  const [first, last] = words.book.parts[part]!.month;
  return [
    { year, month, day: first },
    { year, month, day: Math.min(last, daysInMonth(year, month)) },
  ];
}

export function yearPart(words: DateWords, year: number, part: Part): [Day, Day] {
  const [first, last] = words.book.parts[part]!.year;
  return [
    { year, month: first, day: 1 },
    { year, month: last, day: daysInMonth(year, last) },
  ];
}
