import { perCodebook } from "../codebook/load.js";
import type { Place, PlacePrecision } from "../model.js";
import { placesCodebook, type PlacesCodebook, type SupplementPlace } from "./codebook.js";
import { addName, countryNames, countryPlace } from "./countries.js";
import { gazetteer } from "./gazetteer.js";
import { keyVariants, nameKey } from "./keys.js";

// The places a key may name: countries (by name or by their people), the codebook's reviewed
// places, and the GeoNames places of the index. A key that names a country names nothing else.

export type NameKind = "country" | "demonym" | "place";

export interface Candidate {
  country: string | null;
  lat: number;
  lon: number;
  population: number;
  /** GeoNames feature code, ADM1/ADM2 for regions, COUNTRY, or the precision of a codebook place. */
  kind: string;
  /** The key is the place's own name, not one of its alternate names. */
  own: boolean;
  /** From the reviewed codebook. */
  reviewed: boolean;
  toPlace(): Place;
}

export interface NameCandidates {
  kind: NameKind;
  candidates: Candidate[];
}

interface SideTable {
  entries: Map<string, { kind: NameKind; make: () => Candidate }[]>;
  /** Keys that begin a longer key of this table. */
  prefixes: Set<string>;
}

const regionKinds = new Set(["ADM1", "ADM2", "admin1", "district"]);
const settlementKinds = /^PPL/;

export const isRegionKind = (kind: string) => regionKinds.has(kind);
export const isSettlementKind = (kind: string) => settlementKinds.test(kind) || kind === "city" || kind === "point";

function precisionOf(kind: string): PlacePrecision {
  if (kind === "ADM1") return "admin1";
  if (kind === "ADM2" || kind === "PPLX") return "district";
  if (kind === "COUNTRY") return "country";
  return "city";
}

function countryCandidate(code: string): Candidate {
  const place = countryPlace(code, "stated")!;
  const area = countryNames().byCode.get(code)?.area ?? 0;
  return {
    country: code, lat: place.lat!, lon: place.lon!, population: area, kind: "COUNTRY", own: true, reviewed: true,
    toPlace: () => ({ ...place }),
  };
}

function supplementCandidate(p: SupplementPlace): Candidate {
  return {
    country: p.country, lat: p.lat, lon: p.lon, population: 0, kind: p.precision, own: true, reviewed: true,
    toPlace: () => ({
      name: p.name, country: p.country, admin1: p.admin1 ?? null, lat: p.lat, lon: p.lon, geonameId: null,
      precision: p.precision, provenance: "stated",
    }),
  };
}

function indexedCandidate(index: number, own: boolean, reviewed: boolean): Candidate {
  const g = gazetteer();
  const [lat, lon] = g.latLon(index);
  const kind = g.kind(index);
  return {
    country: g.country(index), lat, lon, population: g.population(index), kind, own, reviewed,
    toPlace: () => {
      const p = g.place(index);
      return {
        name: p.name, country: p.country, admin1: p.kind === "ADM1" ? p.name : p.admin1, lat: p.lat, lon: p.lon,
        geonameId: p.geonameId, precision: precisionOf(p.kind), provenance: "stated",
      };
    },
  };
}

function sideTable(book: PlacesCodebook): SideTable {
  const entries: SideTable["entries"] = new Map();
  const prefixes = new Set<string>();
  const put = (key: string, kind: NameKind, make: () => Candidate) => {
    if (!key) return;
    let list = entries.get(key);
    if (!list) entries.set(key, (list = []));
    list.push({ kind, make });
    for (let at = key.indexOf(" "); at > 0; at = key.indexOf(" ", at + 1)) prefixes.add(key.slice(0, at));
  };
  const { names } = countryNames();
  const demonyms = new Map([...countryNames().demonyms].map(([key, codes]) => [key, [...codes]]));
  for (const [word, code] of Object.entries(book.demonyms)) addName(demonyms, word, code);
  for (const [key, codes] of names) for (const code of codes) put(key, "country", () => countryCandidate(code));
  for (const [key, codes] of demonyms) for (const code of codes) put(key, "demonym", () => countryCandidate(code));
  for (const p of book.places) {
    for (const n of [p.name, ...(p.aliases ?? [])]) for (const key of keyVariants(nameKey(n))) put(key, "place", () => supplementCandidate(p));
  }
  for (const a of book.aliases) {
    const index = gazetteer().indexOfGeonameId(a.geonameId);
    if (index < 0) {
      console.error(`codebook/places.yaml: alias of GeoNames id ${a.geonameId}: no such place in the index`);
      continue;
    }
    for (const n of a.names) for (const key of keyVariants(nameKey(n))) put(key, "place", () => indexedCandidate(index, true, true));
  }
  return { entries, prefixes };
}

/**
 * The names one codebook's places read: its reviewed places and aliases beside the index, and the
 * answers kept. The scan asks about every word of a text, and the words of news repeat; the index
 * never changes while the process runs, so what a key names can be kept ("SAN SALVADOR" in every
 * wire report), and each cache is dropped when it grows large.
 */
export interface PlaceNames {
  book: PlacesCodebook;
  side: SideTable;
  probes: Map<string, number>;
  found: Map<string, NameCandidates | null>;
}

export const placeNames = perCodebook((codebook): PlaceNames => {
  const book = placesCodebook(codebook);
  return { book, side: sideTable(book), probes: new Map(), found: new Map() };
});

export const KEY_NAMES = 1;
export const KEY_CONTINUES = 2;

const probeLimit = 100000;

/** What a key is, as bits: KEY_NAMES when it names something, KEY_CONTINUES when longer names start with it. */
export function probeKey(key: string, names: PlaceNames): number {
  const { probes } = names;
  let bits = probes.get(key);
  if (bits === undefined) {
    const t = names.side;
    const g = gazetteer();
    const slot = g.slot(key);
    bits = 0;
    if (t.entries.has(key) || (slot >= 0 && g.names(slot))) bits |= KEY_NAMES;
    if (t.prefixes.has(key) || (slot >= 0 && g.continues(slot))) bits |= KEY_CONTINUES;
    if (probes.size >= probeLimit) probes.clear();
    probes.set(key, bits);
  }
  return bits;
}

const cacheLimit = 20000;

/** Every candidate a key names, countries first: a country name never resolves to a town. */
export function candidatesFor(key: string, names: PlaceNames): NameCandidates | null {
  const cache = names.found;
  let found = cache.get(key);
  if (found === undefined) {
    if (cache.size >= cacheLimit) cache.clear();
    found = lookupCandidates(key, names.side);
    cache.set(key, found);
  }
  return found;
}

function lookupCandidates(key: string, side: SideTable): NameCandidates | null {
  const listed = side.entries.get(key) ?? [];
  for (const kind of ["country", "demonym"] as const) {
    const named = listed.filter((e) => e.kind === kind);
    if (named.length) return { kind, candidates: named.map((e) => e.make()) };
  }
  const candidates = listed.map((e) => e.make());
  const hit = gazetteer().lookup(key);
  if (hit) {
    const seen = new Set<string>();
    for (const c of candidates) seen.add(`${c.country}:${c.lat.toFixed(2)}:${c.lon.toFixed(2)}`);
    for (const posting of hit.postings) {
      const c = indexedCandidate(posting >>> 1, (posting & 1) === 1, false);
      // A codebook alias and the index can name the same place; keep the reviewed one.
      if (!seen.has(`${c.country}:${c.lat.toFixed(2)}:${c.lon.toFixed(2)}`)) candidates.push(c);
    }
  }
  return candidates.length ? { kind: "place", candidates } : null;
}

/** What a candidate is worth before the article's context: size, rank, and the name's standing. */
export function prior(c: Candidate, { priors }: PlacesCodebook): number {
  const size = c.reviewed && c.population === 0 ? priors.reviewedSize : Math.log10(c.population + 10);
  return size + (priors.kinds[c.kind] ?? 0) + (c.own ? priors.ownName : 0) + (c.reviewed ? priors.reviewed : 0);
}

/** True when a candidate is notable enough to be taken on its name alone. */
export function isStrong(c: Candidate, { thresholds: { strongPopulation } }: PlacesCodebook): boolean {
  // A region's population is its largest town's: it says nothing of how well known its name is.
  if (isRegionKind(c.kind)) return c.reviewed;
  return c.reviewed || (c.own && (c.population >= strongPopulation || c.kind === "PPLC"));
}

/** True when two points lie within `km` of each other (a cheap latitude test first). */
export function withinKm(aLat: number, aLon: number, bLat: number, bLon: number, km: number): boolean {
  return Math.abs(aLat - bLat) * 111.2 <= km && distanceKm(aLat, aLon, bLat, bLon) <= km;
}

export function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}
