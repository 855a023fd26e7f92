// Calendar arithmetic on plain year-month-day triples. Dates here are days on a calendar, not
// instants, so everything runs in UTC and no machine time zone can shift a day.

export interface Day {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function isoDay(d: Day): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** The day of a YYYY-MM-DD string (a longer date-time keeps its written day), or null. */
export function parseIsoDay(value: string | undefined): Day | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!m) return null;
  const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isoDay(fromUtc(toUtc(day))) === isoDay(day) ? day : null;
}

function toUtc(d: Day): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromUtc(ms: number): Day {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: Day, days: number): Day {
  return fromUtc(toUtc(d) + days * 86_400_000);
}

export function daysBetween(from: Day, to: Day): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

/** 0 = Sunday ... 6 = Saturday, as chrono and Date count them. */
export function weekdayOf(d: Day): number {
  return new Date(toUtc(d)).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function compareDays(a: Day, b: Day): number {
  return toUtc(a) - toUtc(b);
}

/** Monday of the week that holds `d`: news weeks run Monday to Sunday (ISO 8601). */
export function weekStart(d: Day): Day {
  return addDays(d, -((weekdayOf(d) + 6) % 7));
}

/** The latest day on or before `ref` that falls on `weekday`. */
export function latestWeekday(ref: Day, weekday: number): Day {
  return addDays(ref, -((weekdayOf(ref) - weekday + 7) % 7));
}

