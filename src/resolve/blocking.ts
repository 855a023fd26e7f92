import { yearOf } from "./days.js";
import { isUndated, type Features } from "./features.js";

/** Dated intervals longer than this are filed under their years rather than day by day. */
const DAY_BY_DAY_LIMIT = 62;

/**
 * Finds the mentions that `linkScore` could link to a given one, without comparing every pair.
 * It returns a superset of them, by the rule the store's `ResolvePort.candidates` follows too:
 * - a dated mention: every mention dated within a day of it whose country is the same or unknown,
 *   and every year-unknown mention of its country;
 * - a year-unknown mention: every mention of its country (none without a country);
 * - a mention that says nothing of when: none (`linkScore` never links it).
 */
export class MentionIndex {
  private readonly byDay = new Map<number, Features[]>();
  private readonly byYear = new Map<number, Features[]>();
  private readonly byCountry = new Map<string, Features[]>();
  private readonly undatedByCountry = new Map<string, Features[]>();

  add(f: Features): void {
    if (isUndated(f.mention)) return;
    if (f.country) file(this.byCountry, f.country, f);
    if (f.from === null) {
      if (f.country) file(this.undatedByCountry, f.country, f);
    } else if (f.to! - f.from <= DAY_BY_DAY_LIMIT) {
      for (let d = f.from; d <= f.to!; d++) file(this.byDay, d, f);
    } else {
      for (let y = yearOf(f.from); y <= yearOf(f.to!); y++) file(this.byYear, y, f);
    }
  }

  candidates(f: Features): Features[] {
    if (isUndated(f.mention)) return [];
    if (f.from === null) return f.country ? (this.byCountry.get(f.country) ?? []).filter((g) => g !== f) : [];
    const found = new Set<Features>();
    const sameOrUnknownCountry = (g: Features) => g !== f && (!f.country || !g.country || g.country === f.country);
    const from = f.from - 1;
    const to = f.to! + 1;
    if (to - from <= DAY_BY_DAY_LIMIT + 2) {
      for (let d = from; d <= to; d++) for (const g of this.byDay.get(d) ?? []) if (sameOrUnknownCountry(g)) found.add(g);
    } else {
      for (const [d, list] of this.byDay) if (d >= from && d <= to) for (const g of list) if (sameOrUnknownCountry(g)) found.add(g);
    }
    for (let y = yearOf(from); y <= yearOf(to); y++) for (const g of this.byYear.get(y) ?? []) if (sameOrUnknownCountry(g)) found.add(g);
    if (f.country) for (const g of this.undatedByCountry.get(f.country) ?? []) if (g !== f) found.add(g);
    return [...found];
  }
}

function file<K>(map: Map<K, Features[]>, key: K, f: Features): void {
  const list = map.get(key);
  if (list) list.push(f);
  else map.set(key, [f]);
}
