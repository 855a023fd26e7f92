import type { Codebook } from "../../codebook/schema.js";
import { isoDay } from "./calendar.js";
import { parseStrict } from "./chrono.js";

/** How far into the text a date line may start: the top of the page, never the prose below. */
const HEAD = 400;

// Words a date line may carry besides the date: labels, weekdays, clock words. Anything else
// (a sentence around the date) makes it prose.
const LABEL =
  /^(?:published|posted|updated|last|modified|created|date|dated|on|at|am|pm|a\.?m|p\.?m|local|time|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)$/i;
const ZONE = /^[A-Z]{2,5}$/;

// A wire dateline: a place in front ("SAN SALVADOR, ", "TRIPOLI, "), and after the date a dash,
// an agency in brackets or a bracketed source ("-- [REPORT]", "(Reuters) -").
const PLACE_BEFORE = /^\s*[\p{Lu}][\p{L} .'’()-]{1,60},\s*$/u;
const AFTER_DATELINE = /^\s*(?:--|—|–|-|:|\(|\[)/;

function onlyLabels(rest: string): boolean {
  const words = rest.match(/[\p{L}.]+/gu) ?? [];
  return words.every((w) => LABEL.test(w.replace(/\.$/, "")) || ZONE.test(w));
}

/**
 * The publication date a document states on a line of its own near the top: "April 13, 2015,
 * 9:42 am", "Monday, 13 April 2015", "2015-04-13", or a wire dateline ("SAN SALVADOR, 3 JAN 90 --").
 * A dateline without a year ("TRIPOLI, April 12 (Reuters) -") is not enough alone: null.
 */
export function findPublicationDate(text: string, codebook: Codebook): { date: string; start: number; end: number } | null {
  let lineStart = 0;
  while (lineStart < Math.min(HEAD, text.length)) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (/\d/.test(line)) {
      for (const r of parseStrict(line, codebook)) {
        const c = r.start;
        if (!c.isCertain("year") || !c.isCertain("month") || !c.isCertain("day")) continue;
        const dateText = r.text.trimEnd();
        const before = line.slice(0, r.index);
        const after = line.slice(r.index + dateText.length);
        const dateLine = line.length <= 120 && onlyLabels(before + " " + after);
        const dateline = PLACE_BEFORE.test(before) && AFTER_DATELINE.test(after);
        if (!dateLine && !dateline) continue;
        const date = isoDay({ year: c.get("year")!, month: c.get("month")!, day: c.get("day")! });
        return { date, start: lineStart + r.index, end: lineStart + r.index + dateText.length };
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return null;
}
