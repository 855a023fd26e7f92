import type { ParsingComponents, ParsingResult, Refiner } from "chrono-node";
import { compareDays, daysBetween, latestWeekday } from "./calendar.js";
import type { DateWords } from "./book.js";
import { referenceDay, TAG_ANAPHORIC, TAG_RELATIVE } from "./parsers.js";

// Refiners that fit chrono's results to news prose, which reports the past.

const FUTURE_WORDS = /\b(?:next|coming|tomorrow|following)\b/i;

function setDay(c: ParsingComponents, d: { year: number; month: number; day: number }): void {
  c.imply("year", d.year).imply("month", d.month).imply("day", d.day);
}

function dayOf(c: ParsingComponents) {
  return { year: c.get("year")!, month: c.get("month")!, day: c.get("day")! };
}

/**
 * chrono's `forwardDate: false` picks the nearest date; a report means the latest one not after
 * the reference: a bare weekday is the last such day (the reference day itself included, so
 * "Monday" in a Monday article is that day), a day or month without a year is the last one passed.
 */
export const pastRefiner: Refiner = {
  refine: (context, results) => {
    const ref = referenceDay(context);
    for (const r of results) {
      if (r.start.isCertain("year") || FUTURE_WORDS.test(r.text)) continue;
      const tags = r.tags();
      if (tags.has("result/relativeDate") || tags.has(TAG_ANAPHORIC)) continue;
      if (r.start.isCertain("weekday") && !r.start.isCertain("day") && !r.start.isCertain("month")) {
        if (!/\blast\b/i.test(r.text)) setDay(r.start, latestWeekday(ref, r.start.get("weekday")!));
        continue;
      }
      for (const c of [r.start, r.end]) {
        if (!c || !c.isCertain("month") || c.isCertain("year")) continue;
        const day = { year: ref.year, month: c.get("month")!, day: c.isCertain("day") ? c.get("day")! : 1 };
        c.imply("year", compareDays(day, ref) > 0 ? ref.year - 1 : ref.year);
      }
    }
    return results;
  },
};

const RELATIVE_YEAR = /^(?:last|this|the\s+previous)\s+year$/i;

/** "May last year", "January of this year": chrono finds the month and the year apart. */
export const monthOfRelativeYearRefiner: Refiner = {
  refine: (context, results) => {
    const merged: ParsingResult[] = [];
    for (let i = 0; i < results.length; i++) {
      const month = results[i]!;
      const year = results[i + 1];
      const gap = year ? context.text.slice(month.index + month.text.length, year.index) : "";
      if (
        year &&
        month.start.isCertain("month") &&
        !month.start.isCertain("year") &&
        !month.end &&
        RELATIVE_YEAR.test(year.text) &&
        /^\s+(?:of\s+)?$/i.test(gap)
      ) {
        month.start.assign("year", year.start.get("year")!);
        month.text = context.text.slice(month.index, year.index + year.text.length);
        month.addTag(TAG_RELATIVE);
        merged.push(month);
        i++;
      } else merged.push(month);
    }
    return merged;
  },
};

const DAY_SHIFT = /\b(?:days?\s+(?:earlier|later)|next\s+day)$/i;

/**
 * "a day earlier", "two days later", "the next day" count from the date the text spoke of last,
 * not from the publication day: keep the shift (chrono measured it from the reference) for the
 * resolver to apply.
 */
export const anaphoricShiftRefiner: Refiner = {
  refine: (context, results) => {
    const ref = referenceDay(context);
    for (const r of results) {
      if (!r.tags().has("result/relativeDate") || !DAY_SHIFT.test(r.text)) continue;
      const shift = daysBetween(ref, dayOf(r.start));
      r.addTag(TAG_ANAPHORIC);
      r.addTag(`${TAG_ANAPHORIC}:${shift}`);
    }
    return results;
  },
};

const YEAR = /\b(?:1[89]|20)\d\d\b/g;

/**
 * A bare year after a word that makes it a time ("in 2011", "since 2011", "a 2011 uprising",
 * "mid-2014"); a number that counts people ("the 2000 soldiers") is not one. A refiner, not a
 * parser: chrono's own filters drop any result that is digits alone.
 */
export function bareYearRefiner({ yearCues: cues }: DateWords): Refiner {
  return {
    refine: (context, results) => {
      const added: ParsingResult[] = [];
      for (const m of context.text.matchAll(YEAR)) {
        const start = m.index!;
        const end = start + m[0].length;
        if (!cues.before.test(context.text.slice(Math.max(0, start - 12), start))) continue;
        if (cues.notAfter.test(context.text.slice(end, end + 12))) continue;
        if (results.some((r) => r.index < end && start < r.index + r.text.length)) continue;
        const year = context.createParsingResult(start, m[0], { year: Number(m[0]) });
        year.addTag("sitrep/year");
        added.push(year);
      }
      return added.length === 0 ? results : [...results, ...added].sort((a, b) => a.index - b.index);
    },
  };
}
