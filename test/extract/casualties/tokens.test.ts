import { test } from "node:test";
import assert from "node:assert/strict";
import { tokenize } from "../../../src/extract/casualties/tokens.js";
import { tokenizeWords } from "../../../src/extract/words.js";

/** The tokens of `text` from `start` to `end`, read as if that stretch were all the text there was. */
function alone(text: string, start: number, end: number) {
  const shifted = tokenize(text.slice(start, end), tokenizeWords(text.slice(start, end)), 0, end - start);
  return shifted.map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
}

test("a stretch's tokens come from the document's words, offsets and gaps as the stretch alone gives them", () => {
  const text = "Rebels said, on Monday, that 12 soldiers -- and two civilians -- were killed.";
  const words = tokenizeWords(text);
  for (const [start, end] of [[0, text.length], [13, 60], [7, 41], [0, 5]] as const) {
    assert.deepEqual(tokenize(text, words, start, end), alone(text, start, end), `${start}..${end}`);
  }
});

test("a word the stretch's edge cuts through keeps only its part inside, read as that part alone", () => {
  const text = "Bogotá: señores KILLED 12 in Medellín";
  const words = tokenizeWords(text);
  for (let start = 0; start < text.length; start++) {
    for (let end = start; end <= text.length; end++) assert.deepEqual(tokenize(text, words, start, end), alone(text, start, end), `${start}..${end}`);
  }
  assert.deepEqual(
    tokenize(text, words, 3, 14).map((t) => [t.key, t.capital]),
    [
      ["ota", false],
      ["senore", false],
    ],
  );
});
