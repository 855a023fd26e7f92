export type BinUnit = "day" | "month" | "year";

/** One bar of the timeline: the ISO dates it covers (inclusive) and how many events start in it. */
export interface Bin {
  start: string;
  end: string;
  count: number;
}

const DAY = 86_400_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A bar a day for a few months of events, a month for a few years, a year beyond. */
export function unitFor(first: string, last: string): BinUnit {
  const days = (Date.parse(last) - Date.parse(first)) / DAY;
  return days <= 120 ? "day" : days <= 366 * 6 ? "month" : "year";
}

function binStart(date: string, unit: BinUnit): string {
  return unit === "day" ? date : unit === "month" ? `${date.slice(0, 7)}-01` : `${date.slice(0, 4)}-01-01`;
}

function nextStart(start: string, unit: BinUnit): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (unit === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (unit === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return iso(d.getTime());
}

/** Counts dates (ISO, YYYY-MM-DD) into contiguous bins, empty ones included so gaps show. */
export function binDates(dates: readonly string[]): { unit: BinUnit; bins: Bin[] } {
  const sorted = dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  if (sorted.length === 0) return { unit: "day", bins: [] };
  const unit = unitFor(sorted[0]!, sorted[sorted.length - 1]!);
  const bins: Bin[] = [];
  let i = 0;
  for (let start = binStart(sorted[0]!, unit); i < sorted.length; ) {
    const next = nextStart(start, unit);
    let count = 0;
    while (i < sorted.length && sorted[i]! < next) {
      count++;
      i++;
    }
    bins.push({ start, end: iso(Date.parse(next) - DAY), count });
    start = next;
  }
  return { unit, bins };
}
