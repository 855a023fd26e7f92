import { perCodebook } from "../codebook/load.js";
import type { BoilerplateFile, Codebook } from "../codebook/schema.js";

// The boilerplate codebook (codebook/boilerplate.yaml) as the cleaner uses it: patterns compiled
// once a codebook.

interface PatternEntry {
  name: string;
  comment: string;
  pattern: string;
  caseSensitive?: boolean;
  onlyInLatinText?: boolean;
  blank?: string;
}


/** Line patterns joined into one alternation: a line matches when one of them does. */
export interface LineRule {
  regex: RegExp;
  onlyInLatinText: boolean;
}

export interface MarkupRule {
  name: string;
  regex: RegExp;
  /** The characters blanked inside each match. */
  blank: RegExp;
}

export interface BoilerplateRules {
  /** Matches every character that `normalised` maps to its plain form. */
  normaliseChars: RegExp;
  normalised: Map<string, string>;
  lines: LineRule[];
  blocks: LineRule[];
  proseMinWords: number;
  duplicateMinLength: number;
  inline: RegExp[];
  markup: MarkupRule[];
}

const unicode = (pattern: string) => /\\[pP]\{|\\u\{/.test(pattern);

// Unicode mode only where a pattern needs it (\p{...}): case-insensitive matching is several times
// slower in it, and the cleaner runs every pattern over every line.
function flagsOf(entry: PatternEntry, global: boolean): string {
  return (unicode(entry.pattern) ? "u" : "") + (entry.caseSensitive ? "" : "i") + (global ? "g" : "");
}

function compile(entry: PatternEntry, global: boolean): RegExp {
  return new RegExp(entry.pattern, flagsOf(entry, global));
}

/** The entries joined into one alternation per case mode: one scan of a line instead of one per pattern. */
function alternations(entries: PatternEntry[]): RegExp[] {
  return [false, true].flatMap((caseSensitive) => {
    const group = entries.filter((entry) => (entry.caseSensitive === true) === caseSensitive);
    if (group.length === 0) return [];
    const joined = group.map((entry) => `(?:${entry.pattern})`).join("|");
    return [new RegExp(joined, (unicode(joined) ? "u" : "") + (caseSensitive ? "" : "i") + "g")];
  });
}

/** The entries joined into one alternation per flags and Latin-only mark, each pattern's flags kept. */
function lineRules(entries: PatternEntry[]): LineRule[] {
  const groups = new Map<string, PatternEntry[]>();
  for (const entry of entries) {
    const key = `${flagsOf(entry, false)} ${entry.onlyInLatinText === true}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.values()].map((group) => ({
    regex: new RegExp(group.map((entry) => `(?:${entry.pattern})`).join("|"), flagsOf(group[0]!, false)),
    onlyInLatinText: group[0]!.onlyInLatinText === true,
  }));
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, "\\$&");
}

function normalisation(map: Record<string, string>): Pick<BoilerplateRules, "normaliseChars" | "normalised"> {
  const normalised = new Map<string, string>();
  for (const [plain, variants] of Object.entries(map)) for (const variant of variants) normalised.set(variant, plain);
  return { normalised, normaliseChars: new RegExp(`[${escapeClass([...normalised.keys()].join(""))}]`, "g") };
}

// The schema (src/codebook/schema.ts) has checked every entry at load, naming the file, the line and
// the entry: a pattern compiles, a normalised character is one UTF-16 unit, the numbers are whole.
function compileRules(book: BoilerplateFile): BoilerplateRules {
  return {
    ...normalisation(book.normalise ?? {}),
    lines: lineRules(book.lines ?? []),
    blocks: lineRules(book.blocks ?? []),
    proseMinWords: book.teasers.proseMinWords,
    duplicateMinLength: book.duplicateLines.minLength,
    inline: alternations(book.inline ?? []),
    markup: (book.markup ?? []).map((entry) => ({ name: entry.name, regex: compile(entry, true), blank: new RegExp(`[${escapeClass(entry.blank)}]`, "g") })),
  };
}

export const boilerplateRules: (book: Codebook) => BoilerplateRules = perCodebook((book) => compileRules(book.boilerplate));
