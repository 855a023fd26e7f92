import type { Doc, SourceDocument } from "../model.js";

/** A document that cannot be read; `reason` says why in words a user can act on. */
export class InputError extends Error {}

// STUB: the document helper replaces this file.
export function prepareDocument(src: SourceDocument): Doc {
  if (!src.id) throw new InputError("missing id");
  const text = src.text ?? "";
  return { id: src.id, text, clean: text, published: src.published, publishedFrom: src.published ? "given" : undefined };
}
