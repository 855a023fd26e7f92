import type { Place } from "../model.js";
import { candidatesFor, isRegionKind, prior, type Candidate } from "./candidates.js";
import { regionNameKeys } from "./codebook.js";
import { keyVariants, nameKey } from "./keys.js";

// The places stage: the gazetteer and place recognition. Other stages call these.

export { findPlaces } from "./recognize.js";
export { countryName, countryCentroid } from "./countries.js";

/**
 * The place a name means, for stages that hold a name rather than a text ("the Libyan capital",
 * a location slot). `country` keeps only places of that country; `region` prefers them. A name
 * with a region's generic word ("San Miguel Department", "Provincia de La Mar") means the region.
 */
export function placeByName(name: string, opts: { country?: string; region?: string } = {}): Place | null {
  const key = nameKey(name);
  if (!key) return null;
  const regionKeys = regionNameKeys(name);
  const keys = [...new Set([...keyVariants(key), ...regionKeys.flatMap(keyVariants)])];
  const country = opts.country?.toUpperCase();
  const region = opts.region?.toUpperCase();
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  for (const k of keys) {
    const found = candidatesFor(k);
    if (!found) continue;
    for (const c of found.candidates) {
      if (country && c.country !== country) continue;
      const score = prior(c) + (region && c.country === region ? 6 : 0) + (regionKeys.includes(k) && isRegionKind(c.kind) ? 10 : 0);
      if (score > bestScore) [best, bestScore] = [c, score];
    }
  }
  return best ? best.toPlace() : null;
}
