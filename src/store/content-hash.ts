import { createHash } from "node:crypto";

/**
 * The identity of a text for duplicate detection: the same words in the same order give the same
 * hash whatever the Unicode form, line breaks or spacing they came with.
 */
export function contentHash(text: string): string {
  // Only runs of spaces and other white space are rewritten: most of a text's spaces are single
  // already, and replacing each of them with itself cost more than the hash.
  const normalised = text.normalize("NFKC").replace(/\s{2,}|[^\S ]/g, " ").trim();
  return createHash("sha256").update(normalised).digest("hex");
}
