import type { DateSpan, Doc, Sentence } from "../../../src/model.js";
import { activeCodebook } from "../../../src/codebook/load.js";
import { findDates } from "../../../src/extract/dates/index.js";

/** A document whose text is already clean, with a publication day or none. */
export function docOf(text: string, published?: string): Doc {
  return { id: "t", text, clean: text, ...(published ? { published } : {}) };
}

/** The whole text as one sentence: these tests are about dates, not sentence boundaries. */
export function wholeText(doc: Doc): Sentence[] {
  return [{ index: 0, start: 0, end: doc.text.length, text: doc.text }];
}

export function datesIn(text: string, published?: string): DateSpan[] {
  const doc = docOf(text, published);
  return findDates(doc, wholeText(doc), doc.published, activeCodebook());
}

/** The one date of `text`, as [start, end, precision, provenance]. */
export function onlyDate(text: string, published?: string): [string | null, string | null, string, string] {
  const spans = datesIn(text, published);
  if (spans.length !== 1) throw new Error(`expected one date in ${JSON.stringify(text)}, got ${spans.map((s) => s.text).join(" | ")}`);
  const v = spans[0]!.value;
  return [v.start, v.end, v.precision, v.provenance];
}
