import { test } from "node:test";
import assert from "node:assert/strict";
import { isAllCaps, tokenizeWords, wordKey } from "../../src/extract/words.js";

/** The words as the unicode expression finds them in the text itself, each keyed by wordKey. */
function reference(text: string) {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, key: wordKey(m[0]) }));
}

test("tokenizeWords finds the runs of letters and digits, keyed, in ASCII, Latin-1 and any other text", () => {
  const latin1 = Array.from({ length: 256 }, (_, c) => `a${String.fromCharCode(c)}B`).join(" ");
  const texts = [
    "Gunmen killed 12 people in Kabul's HQ-3 on Monday.",
    "Pérez, São Tomé, STRASSE Straße, µ-wave, ª º ² ½ × ÷ ÀÉÎÕÜ ÿ",
    "ΟΔΟΣ Αθηνών, İSTANBUL, 東京 3 ٣ 😀x",
    latin1,
    "",
    "_a_b_ 1.5",
  ];
  for (const text of texts) assert.deepEqual(tokenizeWords(text), reference(text), text);
});

test("isAllCaps tells old wire copy from ordinary text", () => {
  assert.equal(isAllCaps("SAN SALVADOR, 3 JAN 90 -- GUERRILLAS ATTACKED AN ARMY POST ON THE OUTSKIRTS."), true);
  assert.equal(isAllCaps("SAN SALVADOR, 3 JAN 90 -- Guerrillas attacked an army post on the outskirts."), false);
  assert.equal(isAllCaps("NATO AND UN"), false);
  assert.equal(isAllCaps(`${"A".repeat(100)}${"b".repeat(4)}`), true);
  assert.equal(isAllCaps(`${"A".repeat(100)}${"b".repeat(5)}`), false);
});
