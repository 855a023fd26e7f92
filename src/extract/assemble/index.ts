import type { Codebook } from "../../codebook/schema.js";
import type { Mention, PlaceSpan } from "../../model.js";
import type { AnnotatedDoc } from "../annotated.js";
import { assembleCues } from "./cues.js";
import { buildFrames, filedAbroad } from "./frames.js";
import { mergeFrames } from "./merge.js";
import { toMention } from "./mention.js";

/** The last stage: reads every layer and writes the document's event mentions. */
export function assembleMentions(a: AnnotatedDoc, codebook: Codebook): Mention[] {
  const cues = assembleCues(codebook);
  const drafts = mergeFrames(buildFrames(a, codebook), cues);
  const abroad = filedAbroad(a);
  const defaultPlace = mainPlace(a.places.filter((p) => p !== abroad)) ?? mainPlace(a.places);
  return drafts.map((d, i) => toMention(a, d, i + 1, { defaultPlace, main: i === 0, cues, codebook }));
}

/**
 * Where the report is set: the town it names most (the earliest on a tie), else the country it
 * names most; the dateline's city of a report set elsewhere only when it names no other place. Events whose own
 * sentences name no place are placed there, marked defaulted.
 */
function mainPlace(places: PlaceSpan[]): PlaceSpan | null {
  const tally = (fine: boolean) => {
    const counts = new Map<string, { span: PlaceSpan; n: number }>();
    for (const p of places) {
      if (p.role !== "location") continue;
      if (fine !== (p.place.precision !== "country" && p.place.precision !== "admin1")) continue;
      const key = `${p.place.geonameId ?? p.place.name}`;
      const c = counts.get(key);
      if (c) c.n++;
      else counts.set(key, { span: p, n: 1 });
    }
    let best: { span: PlaceSpan; n: number } | null = null;
    for (const c of counts.values()) if (!best || c.n > best.n) best = c;
    return best?.span ?? null;
  };
  return tally(true) ?? tally(false);
}
