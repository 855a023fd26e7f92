import { prepareDocument } from "../document/prepare.js";
import type { Doc, Mention, SourceDocument } from "../model.js";
import type { ExtractOptions } from "./annotated.js";

export interface Extraction {
  doc: Doc;
  mentions: Mention[];
}

// STUB: the lead fills the stages in.
export function extractDocument(src: SourceDocument, _opts: ExtractOptions = {}): Extraction {
  const doc = prepareDocument(src);
  return { doc, mentions: [] };
}
