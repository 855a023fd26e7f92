import { activeCodebook } from "../codebook/load.js";
import { prepareDocument } from "../document/prepare.js";
import type { Doc, Mention, SourceDocument } from "../model.js";
import type { AnnotatedDoc, ExtractOptions, Layers } from "./annotated.js";
import { assembleMentions } from "./assemble/index.js";
import type { Stage } from "./stage.js";
import { STAGES } from "./stages.js";

export interface Extraction {
  /** The document, with the publication date its date line gives when no other source gave one. */
  doc: Doc;
  mentions: Mention[];
}

/** The names of the stages, in the order they run. */
export const STAGE_NAMES: readonly string[] = STAGES.map((s) => s.name);

/** Reads one document and returns its clean form and the events it reports. */
export function extractDocument(src: SourceDocument, opts: ExtractOptions = {}): Extraction {
  return extractPrepared(prepareDocument(src, opts.codebook), opts);
}

/** The events of a document `prepareDocument` has read already. */
export function extractPrepared(doc: Doc, opts: ExtractOptions = {}): Extraction {
  const codebook = opts.codebook ?? activeCodebook();
  const a = annotate(doc, { ...opts, codebook }, { eventsOnly: true });
  const dated = a.dateline && !doc.published ? { ...doc, published: a.dateline.date, publishedFrom: "text" as const } : doc;
  return { doc: dated, mentions: a.triggers.length === 0 ? [] : assembleMentions(a, codebook) };
}

/**
 * Runs every stage that is on: the document with all its layers (a stage switched off leaves its
 * layer empty). With `eventsOnly`, extraction stops after a stage whose result says the document
 * reports no event (news feeds carry far more such articles than reports of violence).
 */
export function annotate(doc: Doc, opts: ExtractOptions = {}, { eventsOnly = false } = {}): AnnotatedDoc {
  const a: AnnotatedDoc = { doc, ...emptyLayers() };
  const codebook = opts.codebook ?? activeCodebook();
  for (const s of enabledStages(opts.disable ?? [])) {
    const layer = s.run(a, codebook, opts);
    (a as unknown as Record<string, unknown>)[s.assigns] = layer;
    if (eventsOnly && s.final?.(layer as never)) break;
  }
  return a;
}

function emptyLayers(): Layers {
  return { dateline: null, allCaps: false, words: [], sentences: [], dates: [], places: [], actors: [], triggers: [], targets: [], weapons: [], claims: [] };
}

const cache = new Map<string, readonly Stage[]>();

/** The stages that run when `disabled` are off; an unknown name, or one another stage needs, is an error. */
export function enabledStages(disabled: readonly string[]): readonly Stage[] {
  const key = disabled.join(",");
  let stages = cache.get(key);
  if (stages) return stages;
  const unknown = disabled.filter((n) => !STAGE_NAMES.includes(n));
  if (unknown.length) throw new Error(`unknown stage ${unknown.join(", ")}: the stages are ${STAGE_NAMES.join(", ")}`);
  stages = (STAGES as readonly Stage[]).filter((s) => !disabled.includes(s.name));
  const assigned = new Set(stages.map((s) => s.assigns));
  for (const s of stages) {
    const missing = s.requires.filter((l) => !assigned.has(l));
    if (missing.length) throw new Error(`stage ${s.name} needs ${missing.join(", ")}, which --disable switched off`);
  }
  cache.set(key, stages);
  return stages;
}
