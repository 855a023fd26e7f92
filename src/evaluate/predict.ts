import { extractDocument } from "../extract/pipeline.js";
import type { ExtractOptions } from "../extract/annotated.js";
import { readJsonl } from "../ingest/jsonl.js";
import type { Mention } from "../model.js";

export interface Predicted {
  mentions: Mention[];
  /** The ids of the documents read, those that yielded no event included. */
  documentIds: Set<string>;
  /** `FILE:LINE: reason` for each document that could not be read or extracted. */
  errors: string[];
}

/** Extracts every document of a JSONL file, as `sitrep extract` would; a bad line is reported and skipped. */
export async function predict(input: string, opts: ExtractOptions = {}, onDocument: (ok: boolean) => void = () => {}): Promise<Predicted> {
  const out: Predicted = { mentions: [], documentIds: new Set(), errors: [] };
  for await (const item of readJsonl(input)) {
    if (!item.doc) {
      out.errors.push(`${input}:${item.line}: ${item.error ?? "no document"}`);
      onDocument(false);
      continue;
    }
    try {
      out.mentions.push(...extractDocument(item.doc, opts).mentions);
      out.documentIds.add(item.doc.id);
      onDocument(true);
    } catch (err) {
      out.errors.push(`${input}:${item.line}: ${(err as Error).message}`);
      onDocument(false);
    }
  }
  return out;
}
