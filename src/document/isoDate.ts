// Publication dates arrive as ISO 8601 dates or date-times (the contract), and from pages and feeds
// also as RFC 822 dates ("Mon, 13 Apr 2015 09:42:00 GMT").

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The calendar day (YYYY-MM-DD) of a date or date-time, or undefined when it is not one. An ISO
 * date-time keeps the day written in it: the publisher's local day, not UTC's.
 */
export function toIsoDay(value: string): string | undefined {
  const trimmed = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(trimmed);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return validDay(y, m, d) ? iso[0].slice(0, 10) : undefined;
  }
  // Anything else must at least name a year, so that Date's lenient parser cannot turn "5" into 2001.
  if (!/\b\d{4}\b/.test(trimmed)) return undefined;
  const time = Date.parse(trimmed);
  if (Number.isNaN(time)) return undefined;
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(trimmed);
  if (offset) {
    const minutes = (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
    return new Date(time + minutes * 60_000).toISOString().slice(0, 10);
  }
  if (/\b(?:GMT|UTC?|Z)$/i.test(trimmed)) return new Date(time).toISOString().slice(0, 10);
  // No zone: Date read it as the machine's local time, so the local calendar gives the written day.
  const local = new Date(time);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}
