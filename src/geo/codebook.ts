import { perCodebook } from "../codebook/load.js";
import type { Codebook, PlacesFile, SupplementPlace } from "../codebook/schema.js";
import { nameKey } from "./keys.js";

export type { SupplementPlace };

/** codebook/places.yaml with its word lists as sets of keys. */
export interface PlacesCodebook extends PlacesFile {
  places: SupplementPlace[];
  aliases: NonNullable<PlacesFile["aliases"]>;
  demonyms: Record<string, string>;
  notPlaceKeys: Set<string>;
  locative: Set<string>;
  /** Cue words after which a name the gazetteer lacks is still a place ("in Gopalpur"). */
  unknownCue: Set<string>;
  capitalsLocative: Set<string>;
  settlement: Set<string>;
  region: Set<string>;
  firstLevel: Set<string>;
  containers: Set<string>;
  /** Key of a unit word ("upazila", "ds division") -> the countries that use it. */
  units: Phrases<string[]>;
  /** Words for a settlement or a part of one ("village", "police station"). */
  localities: Phrases<true>;
  /** What a distance ends with, before the place it is measured from ("130 km southwest of "), and its unit in km. */
  distanceBefore: RegExp | null;
  followers: Set<string>;
  given: Set<string>;
  titles: Set<string>;
  qualifierSet: Set<string>;
  connectorSet: Set<string>;
}

/** Words of one or more keys looked up at each word of a text. */
export interface Phrases<T> {
  byKey: Map<string, T>;
  /** First words of the keys: the scan asks about longer keys only after one. */
  starts: Set<string>;
  /** The most words a key has. */
  words: number;
}

function phrases<T>(entries: [string, T][]): Phrases<T> {
  const byKey = new Map(entries.map(([w, v]) => [nameKey(w), v]));
  const keys = [...byKey.keys()];
  return { byKey, starts: new Set(keys.map((k) => k.split(" ")[0])), words: Math.max(0, ...keys.map((k) => k.split(" ").length)) };
}

/**
 * A distance just before a name: a number, a unit, at most two words ("away", "southwest"),
 * "of" or "from", and at most "the" and two words ("the State capital").
 */
function distancePattern(units: string[]): RegExp | null {
  if (!units.length) return null;
  const unit = units.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  return new RegExp(`(\\d+(?:[.,]\\d+)?)\\s*-?\\s*(${unit})\\b(?:\\s+\\p{L}+){0,2}?\\s+(?:of|from)\\s+(?:the\\s+|this\\s+)?(?:\\p{L}+\\s+){0,2}$`, "iu");
}

export const placesCodebook: (book: Codebook) => PlacesCodebook = perCodebook((book): PlacesCodebook => {
  const file = book.places;
  const keys = (words: string[] | undefined) => new Set((words ?? []).map((w) => nameKey(w)));
  return {
    ...file,
    places: file.places ?? [],
    aliases: file.aliases ?? [],
    demonyms: file.demonyms ?? {},
    notPlaceKeys: keys(file.notPlaces),
    locative: keys(file.locativeCues),
    unknownCue: keys(file.unknownPlaceCues),
    capitalsLocative: keys(file.capitalsLocativeCues),
    settlement: keys(file.settlementCues),
    region: keys(file.regionCues),
    firstLevel: keys(file.firstLevelCues),
    containers: keys(file.containerCues),
    units: phrases(Object.entries(file.unitCountries ?? {})),
    localities: phrases((file.localityCues ?? []).map((w) => [w, true as const])),
    distanceBefore: distancePattern(Object.keys(file.distanceUnits ?? {})),
    followers: keys(file.nameFollowers),
    given: keys(file.givenNames),
    titles: keys(file.personTitles),
    qualifierSet: keys(file.qualifiers),
    // Connectors stay as written: "el" and "al" must not fold to one another here.
    connectorSet: new Set((file.connectors ?? []).map((w) => w.toLowerCase())),
  };
});

/** Keys of a region's name without the generic words around it ("Provincia de La Mar" -> "la mar"). */
export function regionNameKeys(name: string, { regionAffixes: { prefixes, suffixes } }: PlacesFile): string[] {
  const key = nameKey(name);
  const out = new Set<string>();
  for (const p of prefixes.map(nameKey)) if (key.startsWith(`${p} `)) out.add(key.slice(p.length + 1));
  for (const s of suffixes.map(nameKey)) if (key.endsWith(` ${s}`)) out.add(key.slice(0, -s.length - 1));
  return [...out];
}
