import { test } from "node:test";
import assert from "node:assert/strict";
import { segment } from "../../src/web/highlight.js";

const text = "Gunmen killed seven traders in Maiduguri on Sunday.";
const ev = (field: string, words: string, from = 0) => {
  const start = text.indexOf(words, from);
  return { field, start, end: start + words.length, text: words };
};
const pieces = (segs: ReturnType<typeof segment>) => segs.map((s) => [text.slice(s.start, s.end), s.fields.join(",")]);

test("cuts the text at evidence spans and keeps the rest plain", () => {
  assert.deepEqual(pieces(segment(text, [ev("killed", "killed seven traders"), ev("location", "Maiduguri")])), [
    ["Gunmen ", ""],
    ["killed seven traders", "killed"],
    [" in ", ""],
    ["Maiduguri", "location"],
    [" on Sunday.", ""],
  ]);
});

test("overlapping spans give each stretch every field that covers it", () => {
  assert.deepEqual(pieces(segment(text, [ev("sentence", text), ev("date", "on Sunday")])), [
    ["Gunmen killed seven traders in Maiduguri ", "sentence"],
    ["on Sunday", "date,sentence"],
    [".", "sentence"],
  ]);
});

test("spans that do not point at their words in this text are left out", () => {
  const stale = { field: "killed", start: 0, end: 6, text: "Police" };
  const outside = { field: "date", start: 40, end: 400, text: "x" };
  assert.deepEqual(pieces(segment(text, [stale, outside])), [[text, ""]]);
});

test("text with no evidence is one plain segment; empty text none", () => {
  assert.deepEqual(pieces(segment(text, [])), [[text, ""]]);
  assert.deepEqual(segment("", []), []);
});
