import type { DateValue, FieldClaim, SourcedMention } from "../model.js";
import { chooseDate } from "./date-rule.js";
import { dayNumber, dayOf, isoDay, monthEnd, weekdayOf, yearOf } from "./days.js";
import type { PartialDate } from "./features.js";

/**
 * The date each report of one event ends up with: a report whose year (or whole date) was
 * unknown takes it from the dated reports it was clustered with, marked inferred and naming
 * them. An undated "Sunday" beside a report dated Monday 13 April 2015 becomes 12 April 2015.
 */
export function propagateDates(members: SourcedMention[]): Map<string, DateValue | null> {
  const anchor = chooseDate(
    members.flatMap((m) => (m.date?.start ? [dateClaim(m, m.date)] : [])),
  );
  const out = new Map<string, DateValue | null>();
  for (const m of members) {
    out.set(m.id, m.date?.start || !anchor.value ? m.date : inherit(m.date, anchor.value, anchor.supporters));
  }
  return out;
}

function dateClaim(m: SourcedMention, value: DateValue): FieldClaim<DateValue> {
  return { mentionId: m.id, documentId: m.documentId, outlet: m.outlet, published: m.published, value };
}

function inherit(own: DateValue | null, anchor: DateValue, from: string[]): DateValue | null {
  const anchorFrom = dayNumber(anchor.start!)!;
  const anchorTo = (anchor.end ? dayNumber(anchor.end) : null) ?? anchorFrom;
  const partial = own?.partial;
  const base = { text: own?.text ?? "", provenance: "inferred" as const, inheritedFrom: from };
  if (!partial || (partial.month == null && partial.day == null && partial.weekday == null)) {
    return { ...base, start: anchor.start, end: anchor.end, precision: anchor.precision };
  }
  const fitted = fit(partial, anchorFrom, anchorTo);
  if (!fitted) return own;
  return { ...base, partial, start: isoDay(fitted.from), end: isoDay(fitted.to), precision: fitted.from === fitted.to ? "day" : "month" };
}

/** Places a year-unknown date in the year (or week) that brings it nearest the anchor interval. */
function fit(p: PartialDate, anchorFrom: number, anchorTo: number): { from: number; to: number } | null {
  if (p.month != null) {
    const year = yearOf(anchorFrom);
    let best: { from: number; to: number; distance: number } | null = null;
    for (const y of [year - 1, year, year + 1]) {
      const from = p.day != null ? dayOf(y, p.month, p.day) : dayOf(y, p.month, 1);
      const to = p.day != null ? from : monthEnd(y, p.month);
      const distance = Math.max(0, from - anchorTo, anchorFrom - to);
      if (!best || distance < best.distance) best = { from, to, distance };
    }
    return best;
  }
  if (p.weekday != null && anchorTo - anchorFrom <= 6) {
    // A bare weekday names a day of the week around the anchor: of the seven days centred on it,
    // exactly one is that weekday.
    for (let d = anchorFrom - 3; d <= anchorFrom + 3; d++) if (weekdayOf(d) === p.weekday) return { from: d, to: d };
  }
  return null;
}
