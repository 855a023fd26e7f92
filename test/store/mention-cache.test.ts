import assert from "node:assert/strict";
import { test } from "node:test";
import type { SourcedMention } from "../../src/model.js";
import { MentionCache } from "../../src/store/mention-cache.js";

const stored = (id: string) => ({ id }) as SourcedMention;

test("keeps the latest mentions up to its limit, the oldest leaving first", () => {
  const cache = new MentionCache(2);
  const [a, b, c] = [stored("a"), stored("b"), stored("c")];
  cache.set(a);
  cache.set(b);
  assert.equal(cache.get("a"), a);
  cache.set(c);
  assert.equal(cache.get("a"), undefined);
  assert.equal(cache.get("b"), b);
  assert.equal(cache.get("c"), c);
});

test("clear forgets everything", () => {
  const cache = new MentionCache();
  cache.set(stored("a"));
  cache.clear();
  assert.equal(cache.get("a"), undefined);
});
