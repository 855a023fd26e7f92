import { test } from "node:test";
import assert from "node:assert/strict";
import { activeCodebook } from "../../../src/codebook/load.js";
import { numbersOf, quantityAt } from "../../../src/extract/casualties/quantity.js";
import { tokenize } from "../../../src/extract/casualties/tokens.js";
import { tokenizeWords } from "../../../src/extract/words.js";

function quantityIn(text: string) {
  const tokens = tokenize(text, tokenizeWords(text), 0, text.length);
  const q = quantityAt(tokens, 0, numbersOf(activeCodebook()));
  return q && { value: q.value, min: q.min, max: q.max, words: text.slice(tokens[q.first]!.start, tokens[q.end - 1]!.end), needsNoun: q.needsNoun };
}

test("digits, number words and exact phrases", () => {
  assert.deepEqual(quantityIn("31 people"), { value: 31, min: undefined, max: undefined, words: "31", needsNoun: false });
  assert.equal(quantityIn("2,450 homes")?.value, 2450);
  assert.equal(quantityIn("forty-two guards")?.value, 42);
  assert.equal(quantityIn("three hundred and twelve men")?.value, 312);
  assert.equal(quantityIn("half a dozen men")?.value, 6);
  assert.equal(quantityIn("both drivers")?.value, 2);
  assert.equal(quantityIn("another")?.value, 1);
});

test("an article counts one only before a noun; with an ordinal it counts one", () => {
  assert.deepEqual(quantityIn("a guard")?.needsNoun, true);
  assert.deepEqual(quantityIn("a fifth victim")?.needsNoun, false);
  assert.equal(quantityIn("a fifth victim")?.value, 1);
});

test("vague words keep the value unknown and bound it", () => {
  assert.deepEqual(quantityIn("dozens of people"), { value: null, min: 24, max: 99, words: "dozens of", needsNoun: false });
  assert.deepEqual([quantityIn("a few")?.min, quantityIn("a few")?.max], [2, 5]);
  assert.deepEqual([quantityIn("many")?.value, quantityIn("many")?.min], [null, 2]);
});

test("bounds and ranges keep the written number as the value", () => {
  assert.deepEqual([quantityIn("at least 9")?.value, quantityIn("at least 9")?.min], [9, 9]);
  assert.deepEqual([quantityIn("as many as 40")?.value, quantityIn("as many as 40")?.max], [40, 40]);
  assert.deepEqual([quantityIn("fewer than 10")?.value, quantityIn("fewer than 10")?.max], [9, 9]);
  assert.deepEqual([quantityIn("10-15 people")?.value, quantityIn("10-15 people")?.max], [10, 15]);
  assert.deepEqual([quantityIn("three or four")?.value, quantityIn("three or four")?.max], [3, 4]);
});

test("years, clock times, decimals, days of a month and labels are not quantities", () => {
  for (const text of ["2011 uprising", "1:20 a.m.", "3.5 tonnes", "23 August", "5 Sept", "7 a.m."]) assert.equal(quantityIn(text), null, text);
});
