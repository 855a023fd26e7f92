import type { SourceDocument } from "../model.js";
import { withoutNul } from "./binary.js";
import { InputError } from "./inputError.js";

// The contract's document fields; all optional strings but `id`.
const fields = ["id", "text", "html", "title", "url", "outlet", "published"] as const;

/**
 * The contract document in `value` (a parsed JSONL line, or an object an API caller built), with
 * only the contract's fields; null fields count as absent. Throws InputError naming what is wrong.
 */
export function asSourceDocument(value: unknown): SourceDocument {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new InputError("not a JSON object");
  const record = value as Record<string, unknown>;
  const doc: Record<string, string> = {};
  for (const field of fields) {
    const v = record[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== "string") throw new InputError(`${field} must be a string`);
    doc[field] = withoutNul(v);
  }
  if (doc.id === undefined || doc.id.trim() === "") throw new InputError("missing id");
  return doc as unknown as SourceDocument;
}
