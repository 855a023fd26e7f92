import type { Parser, ParsingContext } from "chrono-node";
import { addDays, daysInMonth, type Day } from "./calendar.js";

// Parsers for date expressions of news prose that chrono's English configuration leaves out.
// Each returns a chrono result, so chrono's overlap removal and refiners treat them like its own.

/** Tags that tell the resolver how a result was obtained. */
export const TAG_RELATIVE = "sitrep/relative";
export const TAG_ANAPHORIC = "sitrep/anaphoric";

/** The reference day chrono parses against (the instant is noon UTC of that day). */
export function referenceDay(context: ParsingContext): Day {
  const instant = context.reference.instant;
  return { year: instant.getUTCFullYear(), month: instant.getUTCMonth() + 1, day: instant.getUTCDate() };
}

const SEASON_MONTHS: Record<string, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  fall: [9, 11],
  winter: [12, 2],
};

/**
 * Seasons, northern-hemisphere months: "last summer" is the latest summer over before the
 * reference day, "this summer" the one of the reference year, "summer 2014" / "the summer of 2014"
 * the one named. A winter runs December to February and belongs to the year it ends in.
 */
export const seasonParser: Parser = {
  pattern: () => /\b(?:(last|this|past)\s+)?(summer|winter|spring|autumn|fall)\b(?:\s+(?:of\s+)?((?:1[89]|20)\d\d)\b)?/i,
  extract: (context, match) => {
    const relation = match[1]?.toLowerCase();
    if (!relation && !match[3]) return null;
    const season = match[2]!.toLowerCase();
    const [first, last] = SEASON_MONTHS[season]!;
    const ref = referenceDay(context);
    let endYear: number;
    if (match[3]) endYear = Number(match[3]) + (first > last ? 1 : 0);
    else {
      const thisYearEnd = first > last && ref.month === 12 ? ref.year + 1 : ref.year;
      const endsBeforeRef = ref.month > last && !(first > last && ref.month === 12);
      endYear = relation === "this" || endsBeforeRef ? thisYearEnd : thisYearEnd - 1;
    }
    const startYear = first > last ? endYear - 1 : endYear;
    const start = context.createParsingComponents({ year: startYear, month: first }).imply("day", 1);
    const end = context.createParsingComponents({ year: endYear, month: last }).imply("day", daysInMonth(endYear, last));
    const result = context.createParsingResult(match.index!, match[0], start, end);
    if (relation) result.addTag(TAG_RELATIVE);
    return result;
  },
};

/**
 * "the previous day", "the following day": a day next to the date the text spoke of last, which
 * the resolver finds; here the result only carries the shift, as a day next to the reference.
 */
export const neighbourDayParser: Parser = {
  pattern: () => /\bthe\s+(previous|following)\s+day\b/i,
  extract: (context, match) => {
    const shift = match[1]!.toLowerCase() === "previous" ? -1 : 1;
    // Assigned like chrono's own relative dates, so that no refiner takes it for a bare time.
    const day = addDays(referenceDay(context), shift);
    const result = context.createParsingResult(match.index!, match[0], { year: day.year, month: day.month, day: day.day });
    result.addTag(TAG_ANAPHORIC);
    result.addTag(`${TAG_ANAPHORIC}:${shift}`);
    return result;
  },
};
