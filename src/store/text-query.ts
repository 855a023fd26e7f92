/**
 * A full-text query as a user types it, in the web-search syntax both engines answer alike:
 * words must all match, "quoted words" must match in that order, a leading `-` excludes a term,
 * and `or` accepts what comes before it or what comes after (binding looser than the rest:
 * `a or b -c` is a, or b without c). Punctuation inside a word splits it into words that must
 * follow each other ("al-Qubbah" is the phrase "al qubbah").
 */
export interface TextQuery {
  /** What was typed, for the engines that parse the syntax themselves. */
  text: string;
  /** Any one of these matches; each is phrases (lists of words) that must all match and phrases that must not. */
  alternatives: { all: string[][]; none: string[][] }[];
}

/** A query that cannot be run as typed; the server answers 400 with the message. */
export class QueryError extends Error {}

const TOKEN = /(-?)("([^"]*)("|$)|[^\s"]+)/gu;

// What a person searching reports types, many times over. A query of thousands of words (one
// pasted article) took seconds of the index on every engine, and held up every other request.
export const MAX_QUERY_CHARS = 500;
export const MAX_QUERY_WORDS = 32;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Parses `input`; an unclosed quote, or a part with no word to find, is refused. */
export function parseTextQuery(input: string): TextQuery {
  if (input.length > MAX_QUERY_CHARS) throw new QueryError(`text: ${input.length} characters; a search takes at most ${MAX_QUERY_CHARS}`);
  const alternatives: TextQuery["alternatives"] = [{ all: [], none: [] }];
  for (const [, minus, token, quoted, close] of input.matchAll(TOKEN)) {
    if (quoted !== undefined && close === "") throw new QueryError(`text: unclosed quote in "${input}"`);
    if (quoted === undefined && minus === "" && token!.toLowerCase() === "or") {
      alternatives.push({ all: [], none: [] });
      continue;
    }
    const phrase = words(quoted ?? token!);
    if (phrase.length > 0) alternatives.at(-1)![minus === "-" ? "none" : "all"].push(phrase);
  }
  // An `or` with nothing on one side adds nothing; a part that only excludes cannot be searched.
  const parts = alternatives.filter((a) => a.all.length > 0 || a.none.length > 0);
  if (parts.length === 0 || parts.some((a) => a.all.length === 0)) throw new QueryError(`text: "${input}" has no word to search for`);
  const count = parts.reduce((n, a) => n + [...a.all, ...a.none].reduce((m, phrase) => m + phrase.length, 0), 0);
  if (count > MAX_QUERY_WORDS) throw new QueryError(`text: ${count} words; a search takes at most ${MAX_QUERY_WORDS}`);
  return { text: input, alternatives: parts };
}
