import type { Doc, PlaceSpan, Sentence } from "../../src/model.js";
import { findPlaces } from "../../src/geo/index.js";

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
  return findPlaces(doc, sentencesOf(doc.clean), { region: opts.region });
}

/** The span whose text is `words`. */
export function spanOf(spans: PlaceSpan[], words: string): PlaceSpan | undefined {
  return spans.find((s) => s.text === words);
}
