import type { Codebook } from "../codebook/schema.js";
import type { AnnotatedDoc, ExtractOptions, Layers } from "./annotated.js";

/**
 * One extraction stage: a named, pure component over the annotated document (spaCy's pipeline
 * components, chrono's parsers and refiners). It reads the document and the layers it requires and
 * returns the one layer it assigns; the pipeline stores it. No stage writes the document or another
 * stage's layer, so each can be run, tested and switched off alone.
 */
export interface Stage<K extends keyof Layers = keyof Layers> {
  readonly name: string;
  readonly requires: readonly (keyof Layers)[];
  readonly assigns: K;
  run(a: Readonly<AnnotatedDoc>, codebook: Codebook, options: ExtractOptions): Layers[K];
  /**
   * True when the layer it returned means the document reports no event: every mention grows from
   * a trigger, so a document without one need not be read further.
   */
  final?(layer: Layers[K]): boolean;
}

/** Declares a stage with its layer's type checked against what `run` returns. */
export function stage<K extends keyof Layers>(s: Stage<K>): Stage<K> {
  return s;
}
