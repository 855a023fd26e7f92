import { casual, strict, type Chrono, type ParsedResult } from "chrono-node";
import { perCodebook } from "../../codebook/load.js";
import type { Codebook } from "../../codebook/schema.js";
import { dateWords, type DateWords } from "./book.js";
import { isoDay, type Day } from "./calendar.js";
import { neighbourDayParser, seasonParser } from "./parsers.js";
import { anaphoricShiftRefiner, bareYearRefiner, monthOfRelativeYearRefiner, pastRefiner } from "./refiners.js";

// Parsers of what dates no event in a report: clock times alone, spans counted forward ("within
// three days", "the next two weeks"), "the end of the month". Each costs a regular expression run
// over every document, so they are left out rather than filtered after.
const UNUSED_PARSERS = new Set([
  "ENTimeExpressionParser",
  "ENTimeUnitWithinFormatParser",
  "ENTimeUnitCasualRelativeFormatParser",
  "ENEndOfCurrentMonthParser",
]);

function configured(base: Chrono, words: DateWords): Chrono {
  const parser = base.clone();
  parser.parsers = parser.parsers.filter((p) => !UNUSED_PARSERS.has(p.constructor.name));
  parser.parsers.push(seasonParser, neighbourDayParser);
  // "the end of last year" is read as late in that year (see modifiers.ts), not its last day.
  parser.refiners = parser.refiners.filter((r) => r.constructor.name !== "ENEndOfPeriodRefiner");
  parser.refiners.push(bareYearRefiner(words), anaphoricShiftRefiner, monthOfRelativeYearRefiner, pastRefiner);
  return parser;
}

/**
 * The parsers, with the codebook's date words: `casual` is the one findDates runs, whose expressions
 * decide what excerpt.ts may leave out; `strict` reads date lines.
 */
export const chronoParsers = perCodebook((book) => {
  const words = dateWords(book);
  return { casual: configured(casual, words), strict: configured(strict, words) };
});

/**
 * Without a publication date chrono still needs some reference; every value that depends on it is
 * discarded later (its year stays unknown), so any fixed day does, and the clock is never read.
 */
const PLACEHOLDER_REFERENCE: Day = { year: 2000, month: 1, day: 1 };

function reference(ref: Day | null) {
  return { instant: new Date(`${isoDay(ref ?? PLACEHOLDER_REFERENCE)}T12:00:00Z`), timezone: 0 };
}

/** Every date expression of `text` (casual English: weekdays, "yesterday", "last week" too). */
export function parseCasual(text: string, ref: Day | null, codebook: Codebook): ParsedResult[] {
  return chronoParsers(codebook).casual.parse(text, reference(ref), { forwardDate: false });
}

/** Only written-out dates ("13 April 2015", "3 JAN 90", ISO): for date lines. */
export function parseStrict(text: string, codebook: Codebook): ParsedResult[] {
  return chronoParsers(codebook).strict.parse(text, reference(null), { forwardDate: false });
}
