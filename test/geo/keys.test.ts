import { test } from "node:test";
import assert from "node:assert/strict";
import { hashKey, keyVariants, nameKey, tokenize } from "../../src/geo/keys.js";

test("article forms al-, el-, Al and El give one key", () => {
  assert.equal(nameKey("al-Qubbah"), "al qubbah");
  assert.equal(nameKey("El Qubbah"), "al qubbah");
  assert.equal(nameKey("Al-Qubbah"), "al qubbah");
});

test("a sun-letter article is an article only before its letter", () => {
  assert.equal(nameKey("Az Zawiyah"), "al zawiyah");
  assert.equal(nameKey("As Sidra"), "al sidra");
  assert.equal(nameKey("as well"), "as well");
});

test("diacritics, apostrophes and hyphens fold away", () => {
  assert.equal(nameKey("Şabrātah"), "sabratah");
  assert.equal(nameKey("Ra's Lanuf"), nameKey("Ra’s Lanuf"));
  assert.equal(nameKey("Usulután"), "usulutan");
});

test("a key without its leading article is a variant", () => {
  assert.deepEqual(keyVariants("al qubbah"), ["al qubbah", "qubbah"]);
  assert.deepEqual(keyVariants("sirte"), ["sirte"]);
});

test("tokens keep their offsets into the text", () => {
  const text = "Near al-Qoba, in Derna.";
  for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.raw);
  assert.deepEqual(tokenize(text).map((t) => t.key), ["near", "al", "qoba", "in", "derna"]);
});

test("words beyond ASCII are words of the Unicode classes, folded to ASCII", () => {
  // A mark after an ASCII letter, a letter outside the basic plane, quotes and dashes between words.
  const text = "“Şabrātah’s” Cafe\u0301—𝐀bc 😀 Ｔ 12";
  const words = [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => [m.index, m.index + m[0].length]);
  assert.deepEqual(tokenize(text).map((t) => [t.start, t.end]), words);
  assert.deepEqual(tokenize(text).map((t) => t.folded), ["sabratah", "s", "cafe", "abc", "t", "12"]);
});

test("equal keys hash equal and different keys differ", () => {
  assert.deepEqual(hashKey("tripoli"), hashKey("tripoli"));
  assert.notDeepEqual(hashKey("tripoli"), hashKey("tripolis"));
});
