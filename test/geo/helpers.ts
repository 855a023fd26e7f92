import { activeCodebook } from "../../src/codebook/load.js";
import { candidatesFor, isRegionKind, placeNames, prior, type Candidate } from "../../src/geo/candidates.js";
import { regionNameKeys } from "../../src/geo/codebook.js";
import { findPlaces } from "../../src/geo/index.js";
import { keyVariants, nameKey } from "../../src/geo/keys.js";
import type { Doc, Place, PlaceSpan, Sentence } from "../../src/model.js";

/** Sentences split at a full stop, question or exclamation mark, or a line break. */
export function sentencesOf(text: string): Sentence[] {
  return [...text.matchAll(/[^.!?\n]+[.!?]?/g)].map((m, index) => ({ start: m.index, end: m.index + m[0].length, text: m[0], index }));
}

/** A document whose clean text is given, or the text itself. */
export function docOf(text: string, clean = text): Doc {
  return { id: "test", text, clean };
}

export function placesIn(text: string, opts: { region?: string; clean?: string } = {}): PlaceSpan[] {
  const doc = docOf(text, opts.clean);
  return findPlaces(doc, sentencesOf(doc.clean), activeCodebook(), { region: opts.region });
}

/** The span whose text is `words`. */
export function spanOf(spans: PlaceSpan[], words: string): PlaceSpan | undefined {
  return spans.find((s) => s.text === words);
}

/**
 * The place a name means, by the gazetteer's priors alone: what the gazetteer offers for a name
 * before any context is read (the tests and the benchmark's geocoding of gold names). `country` keeps only places of that country; `region` prefers them. A name
 * with a region's generic word ("San Miguel Department", "Provincia de La Mar") means the region.
 */
export function placeByName(name: string, opts: { country?: string; region?: string } = {}): Place | null {
  const key = nameKey(name);
  if (!key) return null;
  const names = placeNames(activeCodebook());
  const regionKeys = regionNameKeys(name, names.book);
  const keys = [...new Set([...keyVariants(key), ...regionKeys.flatMap(keyVariants)])];
  const country = opts.country?.toUpperCase();
  const region = opts.region?.toUpperCase();
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  for (const k of keys) {
    const found = candidatesFor(k, names);
    if (!found) continue;
    for (const c of found.candidates) {
      if (country && c.country !== country) continue;
      const score = prior(c, names.book) + (region && c.country === region ? 6 : 0) + (regionKeys.includes(k) && isRegionKind(c.kind) ? 10 : 0);
      if (score > bestScore) [best, bestScore] = [c, score];
    }
  }
  return best ? best.toPlace() : null;
}
