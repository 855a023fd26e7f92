import type { TextQuery } from "../text-query.js";

const phrase = (words: string[]) => `"${words.join(" ")}"`;

/**
 * A parsed query as FTS5 syntax, every word quoted so that the result is never an FTS5 syntax
 * error. FTS5's NOT binds tighter than AND and AND than OR: `"a" "b" NOT "c" OR "d"` is
 * (a and b, without c) or d, as the web-search syntax reads `a b -c or d`.
 */
export function ftsQuery(query: TextQuery): string {
  return query.alternatives.map(({ all, none }) => [all.map(phrase).join(" "), ...none.map(phrase)].join(" NOT ")).join(" OR ");
}
