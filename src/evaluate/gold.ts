import { isCode, type Vocabulary } from "../export/labels.js";
import { asRecord, readJsonlValues, type JsonlValues } from "./jsonl-values.js";

/**
 * One event as an analyst coded it (README, "Evaluate"). A field left out is not scored; lists of
 * codes and names are the acceptable answers.
 */
export interface GoldEvent {
  documentId: string;
  id: string;
  /** The line of the gold file it was read from. */
  line: number;
  /** Events any coder records; the others (background mentions) are accepted when found, not demanded. */
  required: boolean;
  /** A null start means "on or before the end", a null end "on or after the start". */
  date?: { start: string | null; end: string | null };
  location?: GoldLocation;
  attackType?: string[];
  eventType?: string[];
  subEventType?: string[];
  targetType?: string[];
  weapon?: string[];
  perpetrators?: string[];
  killed?: number;
  wounded?: number;
  /** "implicit": a zero the text never states, which an absent count also matches. */
  killedZero?: string;
  woundedZero?: string;
  claimed?: boolean;
  suicide?: boolean;
}

export interface GoldLocation {
  names: string[];
  country?: string;
  lat?: number;
  lon?: number;
  radiusKm?: number;
}

const codeFields: [keyof GoldEvent & string, Vocabulary][] = [
  ["attackType", "gtd.attackType"],
  ["eventType", "acled.eventType"],
  ["subEventType", "acled.subEventType"],
  ["targetType", "gtd.targetType"],
  ["weapon", "gtd.weaponType"],
];

const isoDay = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The gold events of a JSONL file; each line refused says why, and the others are kept. */
export function readGold(path: string): JsonlValues<GoldEvent> {
  const values = readJsonlValues(path, asGoldEvent);
  const seen = new Map<string, number>();
  const errors = [...values.errors];
  const events = values.values.filter((g) => {
    const key = JSON.stringify([g.documentId, g.id]);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(`${path}:${g.line}: event ${JSON.stringify(g.id)} of ${JSON.stringify(g.documentId)} is coded already on line ${first}`);
      return false;
    }
    seen.set(key, g.line);
    return true;
  });
  return { values: events, errors };
}

/** A gold event from a parsed line; throws naming the first field that is wrong. */
export function asGoldEvent(value: unknown, line: number): GoldEvent {
  const r = asRecord(value);
  const g: GoldEvent = { documentId: text(r, "documentId"), id: text(r, "id"), line, required: optional(r, "required", bool) ?? true };
  const date = optional(r, "date", asRecord);
  if (date) g.date = { start: dateBound(date, "start"), end: dateBound(date, "end") };
  const location = optional(r, "location", asRecord);
  if (location) g.location = asLocation(location);
  for (const [field, vocabulary] of codeFields) {
    const codes = optional(r, field, strings);
    if (!codes) continue;
    const unknown = codes.find((c) => !isCode(vocabulary, c));
    if (unknown !== undefined) throw new Error(`${field}: ${JSON.stringify(unknown)} is not a code of the contract`);
    (g as unknown as Record<string, string[]>)[field] = codes;
  }
  assign(g, "perpetrators", optional(r, "perpetrators", strings));
  assign(g, "killed", optional(r, "killed", count));
  assign(g, "wounded", optional(r, "wounded", count));
  assign(g, "killedZero", optional(r, "killedZero", str));
  assign(g, "woundedZero", optional(r, "woundedZero", str));
  assign(g, "claimed", optional(r, "claimed", bool));
  assign(g, "suicide", optional(r, "suicide", bool));
  return g;
}

function asLocation(r: Record<string, unknown>): GoldLocation {
  const loc: GoldLocation = { names: optional(r, "names", strings) ?? [] };
  const country = optional(r, "country", str);
  if (country !== undefined) {
    if (!/^[A-Za-z]{2}$/.test(country)) throw new Error(`location.country: ${JSON.stringify(country)} is not an ISO alpha-2 code`);
    loc.country = country.toUpperCase();
  }
  const lat = optional(r, "lat", num);
  const lon = optional(r, "lon", num);
  if ((lat === undefined) !== (lon === undefined)) throw new Error("location: lat and lon go together");
  if (lat !== undefined && lon !== undefined) Object.assign(loc, { lat, lon });
  const radius = optional(r, "radiusKm", num);
  if (radius !== undefined) {
    if (radius <= 0) throw new Error("location.radiusKm must be above 0");
    loc.radiusKm = radius;
  }
  return loc;
}

function dateBound(r: Record<string, unknown>, key: "start" | "end"): string | null {
  const v = optional(r, key, str) ?? null;
  if (v !== null && !isoDay.test(v)) throw new Error(`date.${key}: ${JSON.stringify(v)} is not YYYY, YYYY-MM or YYYY-MM-DD`);
  return v;
}

function assign<K extends keyof GoldEvent>(g: GoldEvent, key: K, value: GoldEvent[K] | undefined): void {
  if (value !== undefined) g[key] = value;
}

/** The field's value read by `as`, undefined when absent or null; a wrong type names the field. */
function optional<T>(r: Record<string, unknown>, key: string, as: (v: unknown) => T): T | undefined {
  const v = r[key];
  if (v === undefined || v === null) return undefined;
  try {
    return as(v);
  } catch (err) {
    throw new Error(`${key}: ${(err as Error).message}`);
  }
}

function text(r: Record<string, unknown>, key: string): string {
  const v = optional(r, key, str);
  if (v === undefined || v.trim() === "") throw new Error(`missing ${key}`);
  return v;
}

function str(v: unknown): string {
  if (typeof v !== "string") throw new Error("must be a string");
  return v;
}

function bool(v: unknown): boolean {
  if (typeof v !== "boolean") throw new Error("must be true or false");
  return v;
}

function num(v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new Error("must be a number");
  return v;
}

function count(v: unknown): number {
  if (!Number.isInteger(v) || (v as number) < 0) throw new Error("must be a whole number, 0 or more");
  return v as number;
}

/** One string or a list of them (a list gives the acceptable answers). */
function strings(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  if (!list.every((s) => typeof s === "string")) throw new Error("must be a string or a list of strings");
  return list as string[];
}
