import type { ActorSpan, DateSpan, Doc, PlaceSpan, Sentence } from "../model.js";

/**
 * A document with the layers the extraction stages add, one stage a layer. Stages never change a
 * layer another stage wrote; the assembler reads them all and writes mentions.
 */
export interface AnnotatedDoc {
  doc: Doc;
  sentences: Sentence[];
  dates: DateSpan[];
  places: PlaceSpan[];
  actors: ActorSpan[];
}

export interface ExtractOptions {
  /** ISO alpha-2 country that a deployment watches: ambiguous places prefer it. */
  region?: string;
}
