import { daysInMonth, type Day } from "./calendar.js";

// chrono drops "early", "mid" and "late": "in late August" comes back as all of August. The words
// before a month or a year narrow it: a month in thirds (1-10, 11-20, 21-end), a year in thirds
// (January-April, May-August, September-December).

export type Part = "early" | "mid" | "late";

const PART_BEFORE =
  /(?:\b(early|mid|late)(?:\s+|\s*-\s*)|\b(?:the\s+)?(beginning|start|middle|end)\s+of\s+(?:the\s+)?)$/i;

const PART_OF: Record<string, Part> = {
  early: "early",
  beginning: "early",
  start: "early",
  mid: "mid",
  middle: "mid",
  late: "late",
  end: "late",
};

/** The part named right before `index` in `text`, and where its words start. */
export function partBefore(text: string, index: number): { part: Part; start: number } | null {
  const window = text.slice(Math.max(0, index - 30), index);
  const m = PART_BEFORE.exec(window);
  if (!m) return null;
  return { part: PART_OF[(m[1] ?? m[2])!.toLowerCase()]!, start: index - window.length + m.index };
}

export function monthPart(year: number, month: number, part: Part): [Day, Day] {
  const [first, last] = part === "early" ? [1, 10] : part === "mid" ? [11, 20] : [21, daysInMonth(year, month)];
  return [
    { year, month, day: first },
    { year, month, day: last },
  ];
}

export function yearPart(year: number, part: Part): [Day, Day] {
  const [first, last] = part === "early" ? [1, 4] : part === "mid" ? [5, 8] : [9, 12];
  return [
    { year, month: first, day: 1 },
    { year, month: last, day: daysInMonth(year, last) },
  ];
}
