import { findCasualties, type CasualtyFigures } from "../../../src/extract/casualties/index.js";

/** The figures of `text` read as one sentence. */
export function figuresIn(text: string): CasualtyFigures {
  return findCasualties({ id: "t", text, clean: text }, { index: 0, start: 0, end: text.length, text });
}

/** [killed value, wounded value], undefined where the sentence gives none. */
export function counts(text: string): [number | null | undefined, number | null | undefined] {
  const f = figuresIn(text);
  return [f.killed?.value, f.wounded?.value];
}
