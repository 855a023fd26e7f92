import { loadCodebook } from "../codebook/load.js";
import type { PlacePrecision } from "../model.js";
import { nameKey } from "./keys.js";

export interface SupplementPlace {
  name: string;
  aliases?: string[];
  country: string;
  admin1?: string;
  lat: number;
  lon: number;
  precision: PlacePrecision;
  note?: string;
}

interface PlacesFile {
  places: SupplementPlace[];
  aliases: { geonameId: number; names: string[] }[];
  demonyms: Record<string, string>;
  notPlaces: string[];
  locativeCues: string[];
  capitalsLocativeCues: string[];
  settlementCues: string[];
  regionCues: string[];
  regionAffixes: { prefixes: string[]; suffixes: string[] };
  nameFollowers: string[];
  givenNames: string[];
  personTitles: string[];
  qualifiers: string[];
  connectors: string[];
  thresholds: { strongPopulation: number; unsupportedPopulation: number; nearKm: number };
  priors: { kinds: Record<string, number>; reviewedSize: number; ownName: number; reviewed: number };
}

/** codebook/places.yaml with its word lists as sets of keys. */
export interface PlacesCodebook extends PlacesFile {
  notPlaceKeys: Set<string>;
  locative: Set<string>;
  capitalsLocative: Set<string>;
  settlement: Set<string>;
  region: Set<string>;
  followers: Set<string>;
  given: Set<string>;
  titles: Set<string>;
  qualifierSet: Set<string>;
  connectorSet: Set<string>;
}

let cached: PlacesCodebook | undefined;

export function placesCodebook(): PlacesCodebook {
  if (!cached) {
    const file = loadCodebook<PlacesFile>("places");
    const keys = (words: string[] | undefined) => new Set((words ?? []).map((w) => nameKey(w)));
    cached = {
      ...file,
      places: file.places ?? [],
      aliases: file.aliases ?? [],
      demonyms: file.demonyms ?? {},
      notPlaceKeys: keys(file.notPlaces),
      locative: keys(file.locativeCues),
      capitalsLocative: keys(file.capitalsLocativeCues),
      settlement: keys(file.settlementCues),
      region: keys(file.regionCues),
      followers: keys(file.nameFollowers),
      given: keys(file.givenNames),
      titles: keys(file.personTitles),
      qualifierSet: keys(file.qualifiers),
      // Connectors stay as written: "el" and "al" must not fold to one another here.
      connectorSet: new Set((file.connectors ?? []).map((w) => w.toLowerCase())),
    };
  }
  return cached;
}

/** Keys of a region's name without the generic words around it ("Provincia de La Mar" -> "la mar"). */
export function regionNameKeys(name: string): string[] {
  const { prefixes, suffixes } = placesCodebook().regionAffixes;
  const key = nameKey(name);
  const out = new Set<string>();
  for (const p of prefixes.map(nameKey)) if (key.startsWith(`${p} `)) out.add(key.slice(p.length + 1));
  for (const s of suffixes.map(nameKey)) if (key.endsWith(` ${s}`)) out.add(key.slice(0, -s.length - 1));
  return [...out];
}
