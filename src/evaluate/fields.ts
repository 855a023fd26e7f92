import { distanceKm } from "../geo/candidates.js";
import type { GoldEvent } from "./gold.js";
import { foldName, nameVariants } from "./names.js";
import type { Prediction } from "./prediction.js";

/** The fields scored, in the order reports list them. */
export const FIELDS = [
  "date",
  "location",
  "attackType",
  "perpetrator",
  "eventType",
  "subEventType",
  "targetType",
  "weapon",
  "killed",
  "wounded",
  "claimed",
  "suicide",
] as const;

export type Field = (typeof FIELDS)[number];

/** Right, wrong, or null when the gold does not say (the field is not scored for that event). */
export type Verdict = boolean | null;

const DEFAULT_RADIUS_KM = 25;

/** The first or last day a date of the form YYYY, YYYY-MM or YYYY-MM-DD can mean, in ms since 1970. */
export function dayBound(s: string | null | undefined, end: boolean): number | null {
  if (!s) return null;
  const [y, m, d] = s.split("-").map(Number);
  if (!y) return null;
  if (!m) return end ? Date.UTC(y, 11, 31) : Date.UTC(y, 0, 1);
  if (!d) return end ? Date.UTC(y, m, 0) : Date.UTC(y, m - 1, 1);
  return Date.UTC(y, m - 1, d);
}

/** A count's best single figure: the contract's `{value}`, or a bare number. */
export function countValue(c: Prediction["killed"]): number | null {
  return c !== null && typeof c === "object" ? (c.value ?? null) : (c ?? null);
}

// Codes are judged by the first one given (the contract lists them most important first), as the
// exports' attacktype1, targtype1 and weaptype1 columns show them.
function firstCode(accepted: string[] | undefined, given: (string | null | undefined)[] | undefined): Verdict {
  if (!accepted) return null;
  const first = given?.[0];
  return first != null && accepted.includes(first);
}

const oneOf = (accepted: string[] | undefined, given: string | null | undefined): Verdict =>
  accepted ? given != null && accepted.includes(given) : null;

function count(gold: number | undefined, zero: string | undefined, given: Prediction["killed"]): Verdict {
  if (gold === undefined) return null;
  const value = countValue(given);
  // A zero the text never states is a coder's convention (no death reported): saying nothing is right too.
  return value === gold || (zero === "implicit" && value === null);
}

/** How each field of a prediction is judged against the gold event (contract, Scoring). */
export const checks: Record<Field, (g: GoldEvent, p: Prediction) => Verdict> = {
  date(g, p) {
    if (!g.date) return null;
    const start = dayBound(p.date?.start, false);
    const end = dayBound(p.date?.end ?? p.date?.start, true);
    if (start === null) return false;
    const from = dayBound(g.date.start, false) ?? -Infinity;
    const to = dayBound(g.date.end, true) ?? Infinity;
    return start >= from && end !== null && end <= to;
  },
  location(g, p) {
    const gl = g.location;
    if (!gl) return null;
    const pl = p.location;
    if (!pl) return false;
    const country = pl.country ? pl.country.toUpperCase() : null;
    if (gl.country && country && country !== gl.country) return false;
    if (typeof pl.lat === "number" && typeof pl.lon === "number" && gl.lat !== undefined && gl.lon !== undefined) {
      return distanceKm(gl.lat, gl.lon, pl.lat, pl.lon) <= (gl.radiusKm ?? DEFAULT_RADIUS_KM);
    }
    if (gl.names.length === 0) return !!gl.country && country === gl.country;
    return gl.names.map(foldName).includes(foldName(pl.name));
  },
  attackType: (g, p) => firstCode(g.attackType, p.attackTypes),
  perpetrator(g, p) {
    if (!g.perpetrators) return null;
    const aliases = new Set(g.perpetrators.map(foldName));
    return (p.perpetrators ?? []).some((x) => [...nameVariants(x.name), ...nameVariants(x.text)].some((v) => aliases.has(v)));
  },
  eventType: (g, p) => oneOf(g.eventType, p.eventType),
  subEventType: (g, p) => oneOf(g.subEventType, p.subEventType),
  targetType: (g, p) => firstCode(g.targetType, p.targets?.map((t) => t.type)),
  weapon: (g, p) => firstCode(g.weapon, p.weapons?.map((w) => w.type)),
  killed: (g, p) => count(g.killed, g.killedZero, p.killed),
  wounded: (g, p) => count(g.wounded, g.woundedZero, p.wounded),
  claimed: (g, p) => (g.claimed === undefined ? null : (p.claimed ?? false) === g.claimed),
  suicide: (g, p) => (g.suicide === undefined ? null : (p.suicide ?? false) === g.suicide),
};
