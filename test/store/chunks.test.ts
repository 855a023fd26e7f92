import assert from "node:assert/strict";
import { test } from "node:test";
import { chunks } from "../../src/store/chunks.js";

test("a list in consecutive slices of at most the size asked, none empty", () => {
  assert.deepEqual([...chunks([1, 2, 3, 4, 5], 2)], [[1, 2], [3, 4], [5]]);
  assert.deepEqual([...chunks([1, 2], 2)], [[1, 2]]);
  assert.deepEqual([...chunks([], 2)], []);
});
