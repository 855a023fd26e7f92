import { test } from "node:test";
import assert from "node:assert/strict";
import { looksBinary } from "../../src/document/binary.js";

test("NUL characters or many control characters mean binary data", () => {
  assert.equal(looksBinary("GIF89a\u0000\u0001"), true);
  assert.equal(looksBinary("\u0001\u0002\u0003abc\uFFFD\uFFFD"), true);
});

test("prose, tabs and line breaks are text", () => {
  assert.equal(looksBinary("Gunmen attacked\ta checkpoint.\r\nThree were killed.\f"), false);
  assert.equal(looksBinary(""), false);
});
