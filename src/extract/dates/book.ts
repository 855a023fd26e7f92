import { perCodebook } from "../../codebook/load.js";
import type { DatesFile } from "../../codebook/schema.js";

// codebook/dates.yaml compiled once a codebook: the words the date stage reads around chrono's
// results, and the month names every stage that meets a date reads (the number next to one is a
// day, not a count; "Jan." does not end a sentence).

export type Part = string;

export interface DateWords {
  book: DatesFile;
  /** A part's words right before `index` (`partBefore`), at the end of a window. */
  partBefore: RegExp;
  partOf: Map<string, Part>;
  /** A month's or a weekday's name, written out or cut short; group 1 is a weekday's short form. */
  calendarWord: RegExp;
  /** Right before a bare year that is a time, and right after one that is not. */
  yearCues: { before: RegExp; notAfter: RegExp };
}

/** Every month name of the codebook, written out or cut short, in lower case. */
export function monthNames(book: DatesFile): string[] {
  return book.months.flat();
}

/** The months' short forms ("jan", "sept"): written with a full stop that ends no sentence. */
export function monthAbbreviations(book: DatesFile): string[] {
  return book.months.flatMap((names) => names.slice(1));
}

const longestFirst = (words: string[]) => [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

export const dateWords = perCodebook((codebook): DateWords => {
  const book = codebook.dates;
  const partOf = new Map<string, Part>();
  for (const [part, words] of Object.entries(book.parts)) for (const w of [...words.before, ...words.of]) partOf.set(w.toLowerCase(), part);
  const alt = (key: "before" | "of") => Object.values(book.parts).flatMap((p) => p[key]).join("|");
  return {
    book,
    partOf,
    partBefore: new RegExp(`(?:\\b(${alt("before")})(?:\\s+|\\s*-\\s*)|\\b(?:the\\s+)?(${alt("of")})\\s+of\\s+(?:the\\s+)?)$`, "i"),
    calendarWord: new RegExp(`\\b(?:${longestFirst(monthNames(book)).join("|")}|(mon|tues?|wed|thu(?:rs?)?|fri|sat|sun))(?:day|nesday|urday|sday)?\\b`, "gi"),
    yearCues: {
      // The words that name a part of a year are cues too ("late 2011", "mid-2014").
      before: new RegExp(`(?:\\b(?:${book.yearBefore.join("|")})\\s+|\\b(?:${alt("before")})(?:\\s+|\\s*-\\s*))$`, "i"),
      // Digits or letters run on ("20115", "2011s"), a range or a possessive follows, or people are counted.
      notAfter: new RegExp(`^(?:[\\d,.]\\d|\\s*[-–]|['’]?s\\b|[\\p{L}\\d]|\\s+(?:${book.countedNouns.join("|")})\\b)`, "iu"),
    },
  };
});
