import { test } from "node:test";
import assert from "node:assert/strict";
import { ParsingContext, type ParsedResult } from "chrono-node";
import { activeCodebook } from "../../../src/codebook/load.js";
import { chronoParsers, parseCasual } from "../../../src/extract/dates/chrono.js";
import { dateExcerpt, sourceOffset } from "../../../src/extract/dates/excerpt.js";

/**
 * The words a regular expression spells out, its runs of letters outside escapes and lookarounds
 * (what it only looks at, it never takes; a run ending in an optional letter, "an?", counts with and
 * without it), and its wildcards: what else may take a letter (".", "\\w", a class with letters or a
 * negated class that lets word characters through).
 */
function spelledOut(source: string): { words: string[]; wildcards: string[] } {
  const words: string[] = [];
  const wildcards: string[] = [];
  let run = "";
  const end = () => {
    if (run) words.push(run.toLowerCase());
    run = "";
  };
  const lookarounds: boolean[] = [];
  const looking = () => lookarounds.includes(true);
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") {
      end();
      const escape = source.slice(i, i + 2);
      if (!looking() && /\\[wSDpP]/.test(escape)) wildcards.push(escape);
      i++;
    } else if (c === "[") {
      end();
      let j = i + 1;
      for (; source[j] !== "]"; j++) if (source[j] === "\\") j++;
      const body = source.slice(i + 1, j);
      const letters = body.startsWith("^") ? !body.includes("\\w") : /[a-z]/i.test(body.replace(/\\./g, "")) || /\\[wSDpP]/.test(body);
      if (!looking() && letters) wildcards.push(`[${body}]`);
      i = j;
    } else if (c === "(") {
      end();
      lookarounds.push(/^\(\?<?[=!]/.test(source.slice(i, i + 4)));
    } else if (c === ")") {
      end();
      lookarounds.pop();
    } else if (/[a-z]/i.test(c)) {
      if (!looking()) run += c;
    } else {
      if ((c === "?" || c === "*") && run.length > 1) words.push(run.slice(0, -1).toLowerCase());
      if (c === "." && !looking()) wildcards.push(c);
      end();
    }
  }
  end();
  return { words, wildcards };
}

test("spelledOut reads the words out of an expression", () => {
  assert.deepEqual(spelledOut("(\\W|^)(an?\\s+)?(last\\s*night|mon\\.)(?!\\s*am)[0-9]"), { words: ["a", "an", "last", "night", "mon"], wildcards: [] });
  assert.deepEqual(spelledOut("([^\\d]|^)x.[a-z][^\\s\\w]\\w").wildcards, ["[^\\d]", ".", "[a-z]", "\\w"]);
});

/** True when `word` is no barrier: a stretch around a cue next to it runs on past it. */
function isDateWord(word: string): boolean {
  const text = `killed 5 ${word} killed`;
  return dateExcerpt(text).text === text;
}

test("the configured parsers take no letter but those of date words", () => {
  assert.ok(isDateWord("lastnight") && isDateWord("they") && !isDateWord("people"));
  const context = new ParsingContext("", new Date(0), {});
  const stray = new Set<string>();
  const wildcards: string[] = [];
  for (const parser of chronoParsers(activeCodebook()).casual.parsers) {
    const spelled = spelledOut(parser.pattern(context).source);
    for (const word of spelled.words) if (!isDateWord(word)) stray.add(word);
    wildcards.push(...spelled.wildcards);
  }
  assert.deepEqual([...stray], []);
  // SlashDateFormatParser's "([^\d]|^)" before a number: the letter it may take is in a word with a
  // digit, never a barrier.
  assert.deepEqual(wildcards, ["[^\\d]"]);
});

test("a stretch runs from the barrier before a cue to the word after the barrier after it", () => {
  const text = "Gunmen killed five people on the first of May, police said on Monday.";
  const excerpt = dateExcerpt(text);
  assert.equal(excerpt.text, "people on the first of May, police said on Monday.");
  assert.equal(sourceOffset(excerpt, excerpt.text.indexOf("Monday")), text.indexOf("Monday"));
});

test("text with no cue leaves nothing to parse", () => {
  assert.equal(dateExcerpt("Gunmen opened fire on the convoy near the border.").text, "");
});

// A small deterministic generator of texts thick with date expressions, the joins chrono's
// refiners make between them, and plain words between.
function generator(seed: number) {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const phrases: (() => string)[] = [
    () => `${pick(["", "on ", "On "])}${pick(["first", "second", "twenty-first", "3rd", "12"])}${pick([" of ", " ", "of", "-"])}${pick(["January", "jan", "Sept.", "May", "march"])}${pick(["", " 2015", ", 1999", " 90"])}`,
    () => `${pick(["three", "a few", "several", "2", "a", "the", "half an", "couple of"])}${pick([" ", ""])}${pick(["days", "weeks", "d", "hours", "y"])}${pick([" ", ""])}${pick(["ago", "later", "earlier", "before", "after", "from now"])}`,
    () => `${pick(["last", "this", "next", "past", "on"])}${pick([" ", ""])}${pick(["Monday", "week", "month", "year", "night", "morning", "weekend", "Sun."])}`,
    () => `the ${pick(["previous", "following"])} day`,
    () => `${pick(["March 5", "5 March", "Tuesday", "May 2014", "2015-04-13", "4/5/2015", "13.4.2015"])}${pick([" to ", " - ", " until ", " at ", " T", ", ", " of "])}${pick(["March 9", "9", "Friday", "June", "2016", "noon"])}`,
    () => `${pick(["in", "since", "a", "mid-", "early", "by"])} ${pick(["2011", "1990"])} ${pick(["people", "soldiers", "", "'s", "-2012"])}`,
    () => `${pick(["May", "January", "the month"])} ${pick(["of ", ""])}${pick(["last year", "this year", "the previous year"])}`,
    () => `${pick(["last", "this", "the"])} ${pick(["summer", "winter", "fall"])}${pick(["", " of 2014"])}`,
    () => `${pick(["Monday", "Sat", "12 April", "today"])}${pick([" ", ", ", " ("])}${pick(["EST", "GMT+3", "UTC", "(EST)", "+0300", "PST)"])}`,
  ];
  const words = "the of on in to at and a an they that was has said killed police village attack Mayor Omar doctor EST CAT".split(" ");
  const gaps = [" ", " ", " ", ", ", ". ", "-", "/", ":", " - ", "\n", "(", ") ", "'s ", "        ", "_", "é", ""];
  return () => {
    let text = "";
    for (let n = 5 + Math.floor(random() * 40); n > 0; n--) {
      text += random() < 0.4 ? pick(phrases)() : random() < 0.2 ? String(Math.floor(random() * 3000)) : pick(words);
      text += pick(gaps);
    }
    return text;
  };
}

function described(r: ParsedResult, index: number) {
  return {
    index,
    text: r.text,
    tags: [...r.tags()].sort(),
    start: r.start.date().getTime(),
    end: r.end?.date().getTime(),
    certain: [r.start.isCertain("year"), r.start.isCertain("month"), r.start.isCertain("day"), r.start.isCertain("weekday")],
  };
}

test("chrono finds in the excerpt exactly what it finds in the whole text", () => {
  const next = generator(20150413);
  for (let i = 0; i < 1500; i++) {
    const text = next();
    const ref = i % 2 === 0 ? { year: 2015, month: 4, day: 13 } : null;
    const excerpt = dateExcerpt(text);
    const whole = parseCasual(text, ref, activeCodebook()).map((r) => described(r, r.index));
    const parts = parseCasual(excerpt.text, ref, activeCodebook()).map((r) => described(r, sourceOffset(excerpt, r.index)));
    assert.deepEqual(parts, whole, JSON.stringify(text));
  }
});
