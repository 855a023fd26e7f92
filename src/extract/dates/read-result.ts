import type { ParsedComponents, ParsedResult } from "chrono-node";
import type { DatePrecision, DateValue, Provenance } from "../../model.js";
import { addDays, compareDays, daysInMonth, latestWeekday, weekStart, type Day } from "./calendar.js";
import type { DateWords } from "./book.js";
import { monthPart, partBefore, yearPart } from "./modifiers.js";
import { TAG_ANAPHORIC, TAG_RELATIVE } from "./parsers.js";

/** A date expression read off one chrono result, before anaphoric shifts are resolved. */
export interface DateCandidate {
  start: number;
  end: number;
  precision: DatePrecision;
  provenance: Provenance;
  /** First and last day; null when the year is unknown (no publication date to count from). */
  range: [Day, Day] | null;
  partial?: DateValue["partial"];
  /** Days from the date the text spoke of last ("the previous day": -1). */
  shift?: number;
}

// "now" is the moment of writing and "noon" a time: alone, neither dates an event.
const NOT_DATES = ["casualReference/now", "casualReference/noon", "casualReference/midnight"];

/**
 * In text with ordinary capitals, English always capitalises month and weekday names: a lower-case
 * "may" or "march" is a verb or a noun. Abbreviated weekdays alone ("Sun") are names of papers
 * more often than days in news prose.
 */
function misreadCalendarWord(r: ParsedResult, words: DateWords): boolean {
  for (const m of r.text.matchAll(words.calendarWord)) {
    if (m[0][0] !== m[0][0]!.toUpperCase()) return true;
    if (m[1] && m[0].length <= 4 && !r.start.isCertain("day")) return true;
  }
  return false;
}

const LEADING_WORD = /^(?:on|in|at|since|during|by|from|of|until)\s+/i;
const TRAILING = /[\s,.;:]+$/;

function dayOf(c: ParsedComponents): Day {
  return { year: c.get("year")!, month: c.get("month")!, day: c.get("day")! };
}

function monthRange(year: number, month: number): [Day, Day] {
  return [
    { year, month, day: 1 },
    { year, month, day: daysInMonth(year, month) },
  ];
}

function yearRange(year: number): [Day, Day] {
  return [
    { year, month: 1, day: 1 },
    { year, month: 12, day: 31 },
  ];
}

type Unit = "day" | "week" | "month" | "year";

function periodAround(d: Day, unit: Unit): [Day, Day] {
  if (unit === "day") return [d, d];
  if (unit === "week") return [weekStart(d), addDays(weekStart(d), 6)];
  if (unit === "month") return monthRange(d.year, d.month);
  return yearRange(d.year);
}

const WIDER: Record<Unit, Unit> = { day: "week", week: "month", month: "year", year: "year" };

/** "this week" runs up to the reference day: a report speaks of days already gone. */
function periodSoFar(ref: Day, unit: Exclude<Unit, "day">): [Day, Day] {
  return [periodAround(ref, unit)[0], ref];
}

function previousPeriod(ref: Day, unit: Exclude<Unit, "day">): [Day, Day] {
  if (unit === "week") return periodAround(addDays(ref, -7), "week");
  if (unit === "month") return periodAround(addDays({ ...ref, day: 1 }, -1), "month");
  return yearRange(ref.year - 1);
}

function latestWeekend(ref: Day): [Day, Day] {
  const saturday = latestWeekday(ref, 6);
  return [saturday, addDays(saturday, 1)];
}

/** Relative expressions read from their words, which say more than chrono keeps of them. */
function relativeRange(phrase: string, c: ParsedComponents, ref: Day): { range: [Day, Day]; precision: DatePrecision } | null {
  let m = /^(?:earlier\s+)?this\s+(week|month|year)$/.exec(phrase);
  if (m) return { range: periodSoFar(ref, m[1] as "week"), precision: m[1] as Unit };
  m = /^(?:the\s+)?(?:last|previous)\s+(week|month|year)$/.exec(phrase);
  if (m) return { range: previousPeriod(ref, m[1] as "week"), precision: m[1] as Unit };
  // The night before the report's day; chrono's answer depends on the machine's time zone.
  if (phrase === "last night") return { range: [addDays(ref, -1), addDays(ref, -1)], precision: "day" };
  if (/^(?:(?:the|last)\s+)?weekend$/.test(phrase)) return { range: latestWeekend(ref), precision: "week" };
  m = /\b(minute|hour|day|week|month|year)s?\s+ago$/.exec(phrase);
  if (m) {
    const withinDay = m[1] === "minute" || m[1] === "hour";
    const named: Unit = withinDay ? "day" : (m[1] as Unit);
    // "a few days ago" is vaguer than "three days ago": the week before, or one unit wider; "a few
    // minutes ago" is still the day of the report.
    const vague = !withinDay && /\b(?:few|several|some)\b/.test(phrase);
    if (vague && named === "day") return { range: [addDays(ref, -7), addDays(ref, -1)], precision: "week" };
    const unit = vague ? WIDER[named] : named;
    return { range: periodAround(dayOf(c), unit), precision: unit };
  }
  return null;
}

const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/;

/**
 * "12/02" is 12 February where days come first (much of the world's press) and 2 December in US
 * copy. A report tells of days just gone, so of the readings the calendar allows, the latest one
 * not after the report's day is meant; a year left out is the latest that keeps the day past.
 */
function slashDay(phrase: string, ref: Day): Day | null {
  const m = SLASH_DATE.exec(phrase);
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  const stated = m[3] === undefined ? null : m[3].length === 2 ? 1900 + Number(m[3]) + (Number(m[3]) < 50 ? 100 : 0) : Number(m[3]);
  let best: Day | null = null;
  for (const [month, day] of [[a, b], [b, a]] as const) {
    if (month < 1 || month > 12 || day < 1) continue;
    let year = stated ?? ref.year;
    if (day > daysInMonth(year, month)) continue;
    if (stated === null && compareDays({ year, month, day }, ref) > 0) year--;
    const reading = { year, month, day };
    if (day > daysInMonth(year, month) || compareDays(reading, ref) > 0) continue;
    if (!best || compareDays(reading, best) > 0) best = reading;
  }
  return best;
}

const RELATIVE_WORDS = /^(?:(?:earlier\s+)?this|(?:the\s+)?(?:last|previous))\s+(?:week|month|year)$|^last night$|weekend$|\bago$/;

/**
 * Reads one chrono result, found at `index` of `text`, into a candidate, or null for what dates no
 * event: times alone, "now", durations and spans counted forward ("for three years", "a year
 * after"), a lower-case "may".
 */
export function readResult(r: ParsedResult, index: number, text: string, ref: Day | null, caseSignificant: boolean, words: DateWords): DateCandidate | null {
  const tags = r.tags();
  // "Tuesday noon" is still Tuesday.
  if (NOT_DATES.some((t) => tags.has(t)) && !r.start.isCertain("weekday")) return null;
  if (caseSignificant && misreadCalendarWord(r, words)) return null;

  let start = index;
  let end = index + r.text.replace(TRAILING, "").length;
  start += LEADING_WORD.exec(text.slice(start, end))?.[0].length ?? 0;
  const phrase = text.slice(start, end).toLowerCase().replace(/\s+/g, " ");
  const c = r.start;
  // "in the morning" says the time of a day the text names elsewhere, not which day.
  if (/^(?:the\s+)?(?:morning|afternoon|evening|night)$/.test(phrase)) return null;

  if (tags.has(TAG_ANAPHORIC)) {
    const shiftTag = [...tags].find((t) => t.startsWith(`${TAG_ANAPHORIC}:`))!;
    const shift = Number(shiftTag.slice(TAG_ANAPHORIC.length + 1));
    return { start, end, precision: "day", provenance: "inferred", range: null, partial: {}, shift };
  }

  if (RELATIVE_WORDS.test(phrase)) {
    const read = ref ? relativeRange(phrase, c, ref) : null;
    const precision = read?.precision ?? (/week/.test(phrase) ? "week" : /month/.test(phrase) ? "month" : /year/.test(phrase) ? "year" : "day");
    let range = read?.range ?? null;
    const part = precision === "month" || precision === "year" ? partBefore(words, text, index) : null;
    if (part) {
      start = part.start;
      if (range) range = precision === "month" ? monthPart(words, range[0].year, range[0].month, part.part) : yearPart(words, range[0].year, part.part);
    }
    return { start, end, precision, provenance: "inferred", range, partial: {} };
  }
  if (tags.has("result/relativeDate")) return null;

  const casualDay = [...tags].some((t) => t.startsWith("casualReference/") || t === "parser/ENCasualDateParser");
  const relative = casualDay || tags.has(TAG_RELATIVE);
  let precision: DatePrecision;
  let range: [Day, Day];
  let stated: boolean;
  if (r.end) {
    const e = r.end;
    precision = c.isCertain("day") && e.isCertain("day") ? "day" : c.isCertain("month") ? "month" : "year";
    const first = dayOf(c);
    const last = dayOf(e);
    range =
      precision === "day" ? [first, last] : precision === "month" ? [monthRange(first.year, first.month)[0], monthRange(last.year, last.month)[1]] : [yearRange(first.year)[0], yearRange(last.year)[1]];
    stated = !relative && c.isCertain("year");
  } else if (c.isCertain("day") || c.isCertain("weekday") || casualDay) {
    precision = "day";
    const day = (ref && slashDay(phrase, ref)) || dayOf(c);
    range = [day, day];
    stated = !relative && c.isCertain("year") && c.isCertain("month") && c.isCertain("day");
  } else if (c.isCertain("month") || c.isCertain("year")) {
    precision = c.isCertain("month") ? "month" : "year";
    const year = c.get("year")!;
    const part = partBefore(words, text, index);
    if (part) start = part.start;
    range =
      precision === "month"
        ? part
          ? monthPart(words, year, c.get("month")!, part.part)
          : monthRange(year, c.get("month")!)
        : part
          ? yearPart(words, year, part.part)
          : yearRange(year);
    stated = !relative && c.isCertain("year");
  } else return null;

  if (stated) return { start, end, precision, provenance: "stated", range };
  if (ref) return { start, end, precision, provenance: "inferred", range };
  // A casual word ("yesterday") has its month and day from the placeholder reference: not words.
  const partial: NonNullable<DateValue["partial"]> = {};
  if (!casualDay && c.isCertain("month")) partial.month = c.get("month")!;
  if (!casualDay && c.isCertain("day")) partial.day = c.get("day")!;
  if (c.isCertain("weekday")) partial.weekday = c.get("weekday")!;
  return { start, end, precision, provenance: "inferred", range: null, partial };
}
