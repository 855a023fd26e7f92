import { activeCodebook } from "../../../src/codebook/load.js";
import { findCasualties, type CasualtyFigures, type CasualtySource } from "../../../src/extract/casualties/index.js";
import { isAllCaps, tokenizeWords } from "../../../src/extract/words.js";

/** `text` as a document the reader can read. */
export function sourceOf(text: string): CasualtySource {
  return { doc: { id: "t", text, clean: text }, words: tokenizeWords(text), allCaps: isAllCaps(text) };
}

/** The figures of `text` read as one sentence. */
export function figuresIn(text: string): CasualtyFigures {
  return findCasualties(sourceOf(text), { start: 0, end: text.length }, activeCodebook());
}

/** [killed value, wounded value], undefined where the sentence gives none. */
export function counts(text: string): [number | null | undefined, number | null | undefined] {
  const f = figuresIn(text);
  return [f.killed?.value, f.wounded?.value];
}
