import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Place, Provenance } from "../model.js";
import { projectRoot } from "../paths.js";
import { nameKey } from "./keys.js";

// Countries: English names and their variants from i18n-iso-countries (MIT), the short names,
// alternative spellings, demonyms and centroids from world-countries (ODbL, read from its own
// package and never copied into our index, so that data stays separate and attributed).

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { f: string; m: string } };
  latlng: number[];
  area: number;
}

export interface Country {
  code: string;
  name: string;
  lat: number;
  lon: number;
  area: number;
}

export interface CountryNames {
  byCode: Map<string, Country>;
  /** Key -> countries it names. */
  names: Map<string, string[]>;
  /** Key -> countries whose people it names ("Libyan", "Egyptians"); the codebook adds its own. */
  demonyms: Map<string, string[]>;
}

const modules = join(projectRoot, "node_modules");
const latinName = /^[\p{Script=Latin}\p{M}\s'’.,()-]+$/u;
const codeLike = /^[A-Z]{2,3}$/;

/** Files `code` under the key of `name`, once. */
export function addName(map: Map<string, string[]>, name: string, code: string): void {
  const key = nameKey(name);
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [code]);
  else if (!list.includes(code)) list.push(code);
}

let cached: CountryNames | undefined;

export function countryNames(): CountryNames {
  if (cached) return cached;
  const world = JSON.parse(readFileSync(join(modules, "world-countries/countries.json"), "utf8")) as WorldCountry[];
  const english = JSON.parse(readFileSync(join(modules, "i18n-iso-countries/langs/en.json"), "utf8")) as {
    countries: Record<string, string | string[]>;
  };
  const byCode = new Map<string, Country>();
  const names = new Map<string, string[]>();
  const demonyms = new Map<string, string[]>();
  for (const c of world) {
    byCode.set(c.cca2, { code: c.cca2, name: c.name.common, lat: c.latlng[0], lon: c.latlng[1], area: c.area });
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) {
      if (!codeLike.test(n) && latinName.test(n) && n.length > 3) addName(names, n, c.cca2);
    }
    const eng = c.demonyms?.eng;
    for (const d of eng ? new Set([eng.m, eng.f]) : []) {
      addName(demonyms, d, c.cca2);
      // English plurals of -an and -i demonyms ("Libyans", "Iraqis"); "Chinese" and "French" have none.
      if (/[ni]$/.test(d)) addName(demonyms, `${d}s`, c.cca2);
    }
  }
  for (const [code, value] of Object.entries(english.countries)) {
    // Both official-style names and the short forms news prose uses ("USA", "U.S.", "UK").
    for (const n of Array.isArray(value) ? value : [value]) if (byCode.has(code)) addName(names, n, code);
  }
  cached = { byCode, names, demonyms };
  return cached;
}

/** The English short name of an ISO 3166-1 alpha-2 code ("LY" -> "Libya"), or null. */
export function countryName(code: string): string | null {
  return countryNames().byCode.get(code.toUpperCase())?.name ?? null;
}

/**
 * A country as a place, at its centroid with country precision. `provenance` says whether the
 * country was named ("stated") or stands in for a place the text does not give ("defaulted").
 */
export function countryPlace(code: string, provenance: Provenance = "defaulted"): Place | null {
  const c = countryNames().byCode.get(code.toUpperCase());
  if (!c) return null;
  return { name: c.name, country: c.code, admin1: null, lat: c.lat, lon: c.lon, geonameId: null, precision: "country", provenance };
}

/** A country's centroid as a fallback place: precision "country", provenance "defaulted". */
export function countryCentroid(code: string): Place | null {
  return countryPlace(code, "defaulted");
}
