import { nameKey } from "../geo/keys.js";
import type { Place } from "../model.js";
import { resolveConfig } from "./config.js";
import { dayOfMonth, monthOf, weekdayOf } from "./days.js";
import type { Features, PartialDate } from "./features.js";
import { jaccard } from "./similarity.js";
import { isUndated } from "./features.js";
import { distanceKm } from "../geo/candidates.js";

// Each agreement function returns null when the two reports cannot be of one happening, 0 when
// one of them does not say, and a positive weight for how strongly they agree.

/** Wider than this (in days) a date says little more than its year. */
const COARSE_DAYS = 62;
/** Narrower than this (in days) an interval can be told apart by the weekday of a report. */
const WEEKDAY_DAYS = 3;

export function dateAgreement(a: Features, b: Features): number | null {
  if (a.from !== null && b.from !== null) return intervalAgreement(a.from, a.to!, b.from, b.to!);
  if (a.from !== null && b.partial) return partialFit(b.partial, a.from, a.to!);
  if (b.from !== null && a.partial) return partialFit(a.partial, b.from, b.to!);
  if (a.partial && b.partial) return partialsAgreement(a.partial, b.partial);
  return 0;
}

/** Reports a day apart agree (one outlet's Sunday is another's Monday for an attack near midnight). */
function intervalAgreement(aFrom: number, aTo: number, bFrom: number, bTo: number): number | null {
  const gap = Math.max(aFrom, bFrom) - Math.min(aTo, bTo);
  if (gap > 1) return null;
  const width = Math.max(aTo - aFrom, bTo - bFrom) + 1;
  if (gap === 1) return width <= 2 ? 1 : 0.5;
  if (width <= 2) return 2;
  if (width <= 8) return 1.5;
  if (width <= 32) return 1;
  return 0.5;
}

/**
 * Whether a year-unknown date fits a dated interval, a day's slack either side. A month and day
 * fit firmly; a month alone weakly; a bare weekday says something only beside a date of a few
 * days (any month has four Sundays).
 */
function partialFit(p: PartialDate, from: number, to: number): number | null {
  if (to - from > COARSE_DAYS) return 0;
  const bareWeekday = p.month == null && p.day == null;
  if (bareWeekday && to - from >= WEEKDAY_DAYS) return 0;
  for (let d = from - 1; d <= to + 1; d++) {
    if (p.month != null && monthOf(d) !== p.month) continue;
    if (p.day != null && dayOfMonth(d) !== p.day) continue;
    if (p.weekday != null && weekdayOf(d) !== p.weekday) continue;
    return p.day != null || bareWeekday ? 1 : 0.5;
  }
  return null;
}

export function partialsAgreement(a: PartialDate, b: PartialDate): number | null {
  let compared = 0;
  // The same month is as firm as two dated reports within one month.
  if (a.month != null && b.month != null) {
    if (a.month !== b.month) return null;
    compared += 1;
  }
  if (a.day != null && b.day != null) {
    if (Math.abs(a.day - b.day) > 1) return null;
    compared += 0.5;
  }
  if (a.weekday != null && b.weekday != null) {
    const apart = Math.abs(a.weekday - b.weekday);
    if (Math.min(apart, 7 - apart) > 1) return null;
    compared += 0.5;
  }
  return Math.min(compared, 1);
}

const finePrecisions = new Set(["point", "city", "district"]);

/** Same town, or within the radius; a country or region is compatible with a town in it. */
export function placeAgreement(a: Place | null, b: Place | null): number | null {
  if (!a?.country || !b?.country) return 0;
  if (a.country !== b.country) return null;
  const { sameKm, radiusKm } = resolveConfig().place;
  if (finePrecisions.has(a.precision) && finePrecisions.has(b.precision)) {
    if (a.geonameId !== null && a.geonameId === b.geonameId) return 2;
    if (a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null) {
      const km = distanceKm(a.lat, a.lon, b.lat, b.lon);
      if (km <= sameKm) return 2;
      return km <= radiusKm ? 1 : null;
    }
    return nameKey(a.name) === nameKey(b.name) ? 2 : null;
  }
  if (a.precision === "admin1" || b.precision === "admin1") {
    if (a.precision === "country" || b.precision === "country") return 0.5;
    if (a.admin1 && b.admin1) return a.admin1 === b.admin1 ? 1 : null;
  }
  return 0.5;
}

/**
 * What the other fields say: disjoint attack types, or targets of one kind with different
 * nationalities (the South Korean embassy against the Moroccan one; the Libyan guards of either
 * say nothing against it), rule a link out; shared values add weight; other disagreements (who
 * did it, what was hit) weigh against it.
 */
export function fieldAgreement(a: Features, b: Features): number | null {
  const { agreement, disagreement } = resolveConfig();
  if (disjoint(a.attackTypes, b.attackTypes)) return null;
  const nationality = nationalityAgreement(a.nationalities, b.nationalities);
  if (nationality === null) return null;
  let score = nationality * agreement.nationality;
  if (overlap(a.attackTypes, b.attackTypes)) score += agreement.attackTypes;
  if (overlap(a.targetTypes, b.targetTypes)) score += agreement.targetTypes;
  else if (disjoint(a.targetTypes, b.targetTypes)) score += disagreement.targetTypes;
  if (overlap(a.perpetrators, b.perpetrators)) score += agreement.perpetrators;
  else if (disjoint(a.perpetrators, b.perpetrators)) score += disagreement.perpetrators;
  if (overlap(a.weapons, b.weapons)) score += agreement.weapons;
  const typeA = a.mention.eventType;
  const typeB = b.mention.eventType;
  if (typeA && typeB) score += typeA === typeB ? agreement.eventType : disagreement.eventType;
  if (killedClose(a, b)) score += agreement.killed;
  return score;
}

/** 1 when targets of one kind share a nationality, null when they have none in common, else 0. */
function nationalityAgreement(a: Map<string, Set<string>>, b: Map<string, Set<string>>): number | null {
  let shared = 0;
  for (const [type, xs] of a) {
    const ys = b.get(type);
    if (!ys) continue;
    if (!overlap(xs, ys)) return null;
    shared = 1;
  }
  return shared;
}

function killedClose(a: Features, b: Features): boolean {
  const x = a.mention.killed?.value;
  const y = b.mention.killed?.value;
  if (x == null || y == null) return false;
  const { ratio, absolute } = resolveConfig().killedTolerance;
  return Math.abs(x - y) <= Math.max(absolute, ratio * Math.max(x, y));
}

function overlap(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function disjoint(a: Set<string>, b: Set<string>): boolean {
  return a.size > 0 && b.size > 0 && !overlap(a, b);
}

/**
 * How strongly two reports from different articles point at one happening, or null when they
 * cannot or when the evidence falls short. The date or the place must agree firmly (within a
 * day or a month, the same town or region); a year-unknown date is weak, so it needs a place too.
 * Unless both agree firmly, the other fields must carry more.
 * Symmetric in its arguments.
 */
export function linkScore(a: Features, b: Features): number | null {
  if (a.mention.documentId === b.mention.documentId) return null;
  // With no word of when, only the place and the kind could tie two reports: too little, and
  // comparing such reports with every other in their country does not scale.
  if (isUndated(a.mention) || isUndated(b.mention)) return null;
  const date = dateAgreement(a, b);
  if (date === null) return null;
  const place = placeAgreement(a.mention.location, b.mention.location);
  if (place === null) return null;
  const yearKnown = a.from !== null && b.from !== null;
  if (Math.max(date, place) < 1 || (place === 0 && !yearKnown)) return null;
  const fields = fieldAgreement(a, b);
  if (fields === null) return null;
  const { threshold, thresholdOneSided, textWeight } = resolveConfig().link;
  const score = date + place + fields + textWeight * jaccard(a.words, b.words);
  return score >= (date >= 1 && place >= 1 ? threshold : thresholdOneSided) ? score : null;
}
