import { createHash } from "node:crypto";

/**
 * The identity of a text for duplicate detection: the same words in the same order give the same
 * hash whatever the Unicode form, line breaks or spacing they came with.
 */
export function contentHash(text: string): string {
  const normalised = text.normalize("NFKC").replace(/\s+/gu, " ").trim();
  return createHash("sha256").update(normalised).digest("hex");
}
