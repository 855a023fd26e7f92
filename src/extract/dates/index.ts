import type { Codebook } from "../../codebook/schema.js";
import type { DateSpan, Doc, Sentence } from "../../model.js";
import { sentenceAt } from "../patterns.js";
import { isAllCaps } from "../words.js";
import { dateWords } from "./book.js";
import { addDays, daysInMonth, isoDay, parseIsoDay, type Day } from "./calendar.js";
import { parseCasual } from "./chrono.js";
import { dateExcerpt, sourceOffset } from "./excerpt.js";
import { readResult, type DateCandidate } from "./read-result.js";

export { findPublicationDate } from "./publication.js";

/**
 * chrono reads "the night of 12 April" as tonight and drops the date; with the time-of-day words
 * blanked (same length, so offsets hold) it finds "12 April".
 */
function blankTimeOfDayOf(text: string): string {
  return text.replace(/\b(?:morning|afternoon|evening|night)\s+of\b/gi, (m) => " ".repeat(m.length));
}

/**
 * Every date expression in `doc.clean`, resolved against the day it was published: "on Sunday" is the last
 * Sunday up to that day, "in late August" the 21st to the 31st of the August just gone. Without a
 * publication date, dates that need one keep their year unknown (start and end null, `partial`
 * holding what the words give). Durations, clock times and "now" are not returned; "the previous
 * day" counts from the date the text spoke of last.
 */
export function findDates(doc: Doc, sentences: Sentence[], published: string | undefined, codebook: Codebook): DateSpan[] {
  const ref = parseIsoDay(published);
  const excerpt = dateExcerpt(doc.clean);
  const parsed = blankTimeOfDayOf(excerpt.text);
  // The words blanked are date words, so they lie in the excerpt: where it has none, neither has the text.
  const text = parsed === excerpt.text ? doc.clean : blankTimeOfDayOf(doc.clean);
  const caseSignificant = !isAllCaps(text);
  const words = dateWords(codebook);
  const found: DateCandidate[] = [];
  let lastDay: Day | null = null;
  for (const r of parseCasual(parsed, ref, codebook)) {
    const candidate = readResult(r, sourceOffset(excerpt, r.index), text, ref, caseSignificant, words);
    if (!candidate) continue;
    const resolved: DateCandidate = candidate.shift === undefined ? candidate : shifted(candidate, lastDay ?? ref);
    if (resolved.precision === "day" && resolved.range) lastDay = resolved.range[0];
    found.push(resolved);
  }
  return (ref ? found : inTheOneYear(found)).map((c) => toSpan(doc, sentences, c));
}

/**
 * Without a publication date, a day or month the text gives without a year ("on December 25") is
 * in the one year its stated dates name: undated incident summaries say the year once ("in 2013",
 * "on 3 May 2013") and the days after it without. With several years named it stays unknown.
 */
function inTheOneYear(found: DateCandidate[]): DateCandidate[] {
  const years = new Set(found.filter((c) => c.provenance === "stated" && c.range).flatMap((c) => [c.range![0].year, c.range![1].year]));
  if (years.size !== 1) return found;
  const year = years.values().next().value!;
  return found.map((c) => {
    const month = c.partial?.month;
    if (c.range || month === undefined) return c;
    const day = c.partial?.day;
    const range: [Day, Day] = day !== undefined ? [{ year, month, day }, { year, month, day }] : [{ year, month, day: 1 }, { year, month, day: daysInMonth(year, month) }];
    return { ...c, range, partial: undefined };
  });
}

function shifted(candidate: DateCandidate, anchor: Day | null): DateCandidate {
  if (!anchor) return candidate;
  const day = addDays(anchor, candidate.shift!);
  return { ...candidate, range: [day, day], partial: undefined };
}

function toSpan(doc: Doc, sentences: Sentence[], c: DateCandidate): DateSpan {
  const text = doc.text.slice(c.start, c.end);
  return {
    start: c.start,
    end: c.end,
    text,
    sentence: sentenceAt(sentences, c.start),
    value: {
      start: c.range ? isoDay(c.range[0]) : null,
      end: c.range ? isoDay(c.range[1]) : null,
      precision: c.precision,
      text,
      provenance: c.provenance,
      ...(c.range ? {} : { partial: c.partial ?? {} }),
    },
  };
}
