// Dates as whole days since 1970-01-01 (UTC), so that intervals compare with plain arithmetic.

const MS_PER_DAY = 86_400_000;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})/;

/** The day number of an ISO date or date-time (its date part), or null when it is not one. */
export function dayNumber(iso: string): number | null {
  const m = isoDate.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? null : ms / MS_PER_DAY;
}

export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** 0 = Sunday ... 6 = Saturday, as Date.getUTCDay counts; day 0 (1 January 1970) was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function monthOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

export function dayOfMonth(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCDate();
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** The last day of a month (day number). */
export function monthEnd(year: number, month: number): number {
  return dayOf(year, month + 1, 1) - 1;
}
