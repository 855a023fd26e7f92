import { test } from "node:test";
import assert from "node:assert/strict";
import { looksBinary, withoutNul } from "../../src/document/binary.js";

test("many NUL or control characters mean binary data", () => {
  assert.equal(looksBinary("GIF89a\u0000\u0001"), true);
  assert.equal(looksBinary("\u0001\u0002\u0003abc\uFFFD\uFFFD"), true);
});

test("a stray NUL in prose is text, and is replaced one code unit for one", () => {
  const prose = "Gunmen attacked a checkpoint near the border on Sunday,\u0000 killing three soldiers, officials said.";
  assert.equal(looksBinary(prose), false);
  const kept = withoutNul(prose);
  assert.equal(kept.length, prose.length);
  assert.equal(kept.indexOf("killing"), prose.indexOf("killing"));
  assert.equal(kept.includes("\u0000"), false);
});

test("prose, tabs and line breaks are text", () => {
  assert.equal(looksBinary("Gunmen attacked\ta checkpoint.\r\nThree were killed.\f"), false);
  assert.equal(looksBinary(""), false);
});
