import { test } from "node:test";
import assert from "node:assert/strict";
import { foldName, nameVariants } from "../../src/evaluate/names.js";

test("names fold case, accents, punctuation and a leading article", () => {
  assert.equal(foldName("The Río-Verde Brigade"), "rio verde brigade");
  assert.equal(foldName("al-Suq"), "suq");
  assert.equal(foldName("El Suq"), "suq");
  assert.equal(foldName(null), "");
});

test("Arabic names keep their letters and fold diacritics, tatweel, the forms of alif and the article", () => {
  assert.equal(foldName("الجبهـة"), foldName("جبهة"));
  assert.equal(foldName("أحمد"), foldName("احمد"));
  assert.notEqual(foldName("جبهة"), "");
});

test("a name with a part in brackets matches by the whole, the part before and the part inside", () => {
  assert.deepEqual([...nameVariants("Hill Country Front (HCF)")].sort(), ["hcf", "hill country front", "hill country front hcf"]);
  assert.deepEqual([...nameVariants("")], []);
});
