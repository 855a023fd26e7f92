import { perCodebook } from "../codebook/load.js";
import type { BoilerplateFile } from "../codebook/schema.js";

// The boilerplate codebook (codebook/boilerplate.yaml) as the cleaner uses it: patterns compiled
// once, and every entry checked so that a typo in the YAML names the entry instead of failing later.

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

const source = "codebook/boilerplate.yaml";

const unicode = (pattern: string) => /\\[pP]\{|\\u\{/.test(pattern);

// Unicode mode only where a pattern needs it (\p{...}): case-insensitive matching is several times
// slower in it, and the cleaner runs every pattern over every line.
function flagsOf(entry: PatternEntry, global: boolean): string {
  return (unicode(entry.pattern) ? "u" : "") + (entry.caseSensitive ? "" : "i") + (global ? "g" : "");
}

function compile(entry: PatternEntry, section: string, global: boolean): RegExp {
  if (typeof entry?.name !== "string" || typeof entry.pattern !== "string" || typeof entry.comment !== "string") {
    throw new Error(`${source}: every entry of ${section} needs a name, a comment and a pattern (${JSON.stringify(entry)})`);
  }
  try {
    return new RegExp(entry.pattern, flagsOf(entry, global));
  } catch (err) {
    throw new Error(`${source}: ${section} "${entry.name}": ${(err as Error).message}`);
  }
}

/** The entries joined into one alternation per case mode: one scan of a line instead of one per pattern. */
function alternations(entries: PatternEntry[], section: string): RegExp[] {
  // Each entry is compiled alone first, so that an error names the entry.
  for (const entry of entries) compile(entry, section, true);
  return [false, true].flatMap((caseSensitive) => {
    const group = entries.filter((entry) => (entry.caseSensitive === true) === caseSensitive);
    if (group.length === 0) return [];
    const joined = group.map((entry) => `(?:${entry.pattern})`).join("|");
    return [new RegExp(joined, (unicode(joined) ? "u" : "") + (caseSensitive ? "" : "i") + "g")];
  });
}

/** The entries joined into one alternation per flags and Latin-only mark, each pattern's flags kept. */
function lineRules(entries: PatternEntry[], section: string): LineRule[] {
  // Each entry is compiled alone first, so that an error names the entry.
  for (const entry of entries) compile(entry, section, false);
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
  for (const [plain, variants] of Object.entries(map)) {
    // One UTF-16 unit in, one out: anything else would shift every offset after it.
    if (plain.length !== 1) throw new Error(`${source}: normalise key ${JSON.stringify(plain)} must be one character`);
    for (const variant of variants) {
      if (variant.length !== 1) throw new Error(`${source}: normalise ${JSON.stringify(variant)} is not one UTF-16 character`);
      normalised.set(variant, plain);
    }
  }
  return { normalised, normaliseChars: new RegExp(`[${escapeClass([...normalised.keys()].join(""))}]`, "g") };
}

function compileRules(book: BoilerplateFile): BoilerplateRules {
  const proseMinWords = book.teasers?.proseMinWords;
  const duplicateMinLength = book.duplicateLines?.minLength;
  if (!Number.isInteger(proseMinWords) || !Number.isInteger(duplicateMinLength)) {
    throw new Error(`${source}: teasers.proseMinWords and duplicateLines.minLength must be whole numbers`);
  }
  return {
    ...normalisation(book.normalise ?? {}),
    lines: lineRules(book.lines ?? [], "lines"),
    blocks: lineRules(book.blocks ?? [], "blocks"),
    proseMinWords,
    duplicateMinLength,
    inline: alternations(book.inline ?? [], "inline"),
    markup: (book.markup ?? []).map((entry) => {
      if (typeof entry.blank !== "string" || entry.blank === "") {
        throw new Error(`${source}: markup "${entry.name}" needs the characters to blank`);
      }
      return { name: entry.name, regex: compile(entry, "markup", true), blank: new RegExp(`[${escapeClass(entry.blank)}]`, "g") };
    }),
  };
}

export const boilerplateRules: () => BoilerplateRules = perCodebook((book) => compileRules(book.boilerplate));
