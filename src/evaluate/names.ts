// Names compare after folding what spelling varies on: case, Latin accents, Arabic diacritics,
// tatweel and the forms of alif, punctuation, and a leading article ("the", "al", "el", "ال").
// Letters of every script are kept, so Arabic names compare with Arabic names.
export function foldName(s: string | null | undefined): string {
  return String(s ?? "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "")
    .replace(/[أإآ]/g, "ا")
    .replace(/ة/g, "ه")
    .replace(/ى/g, "ي")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^(the|al|el) /, "")
    .replace(/^ال(?=\S{2})/, "");
}

/** The folded forms a name can be matched by: "Army of X (AX)" is also "Army of X" and "AX". */
export function nameVariants(s: string | null | undefined): Set<string> {
  const out = new Set([foldName(s)]);
  const parts = /^(.*?)\s*\((.*)\)\s*$/.exec(String(s ?? ""));
  if (parts) {
    out.add(foldName(parts[1]));
    out.add(foldName(parts[2]));
  }
  out.delete("");
  return out;
}
