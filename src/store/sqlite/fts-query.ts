/**
 * Turns what a user typed into an FTS5 query that cannot be a syntax error: every word becomes a
 * quoted term and all must match ("al-Qubbah bomb" finds documents with al, qubbah and bomb).
 * Returns null when the input holds no word at all.
 */
export function ftsQuery(input: string): string | null {
  const words = input.match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((w) => `"${w}"`).join(" ") : null;
}
