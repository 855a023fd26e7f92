import assert from "node:assert/strict";
import { test } from "node:test";
import type { Source } from "../../src/store/sources.js";
import { healthOf, retryDelay, UNHEALTHY_AFTER_MS } from "../../src/watch/backoff.js";

const least = () => 0;
const most = () => 0.99999999;

test("each failure doubles the wait, up to an hour, and jitter takes off at most half", () => {
  assert.deepEqual([1, 2, 3, 4].map((n) => retryDelay(n, 60_000, most)), [120_000, 240_000, 480_000, 960_000]);
  assert.equal(retryDelay(20, 60_000, most), 3_600_000);
  assert.equal(retryDelay(3, 60_000, least), 240_000);
});

test("a source is never tried again sooner than its interval, nor held to an hour when its interval is longer", () => {
  assert.equal(retryDelay(1, 60_000, least), 60_000);
  assert.equal(retryDelay(5, 6 * 3_600_000, most), 6 * 3_600_000);
});

const source = (extra: Partial<Source>): Source => ({ id: 1, url: "https://a.example/feed", everyMs: 60_000, follow: false, paused: false, addedAt: "", nextDue: "", seen: {}, failures: 0, ...extra });

test("a source failing for a day is unhealthy; before that it is failing", () => {
  const now = new Date("2026-01-02T12:00:00Z");
  const since = (ms: number) => new Date(now.getTime() - ms).toISOString();
  assert.equal(healthOf(source({}), now), "new");
  assert.equal(healthOf(source({ lastPolledAt: since(1000) }), now), "ok");
  assert.equal(healthOf(source({ failingSince: since(UNHEALTHY_AFTER_MS - 1000), failures: 40 }), now), "failing");
  assert.equal(healthOf(source({ failingSince: since(UNHEALTHY_AFTER_MS), failures: 41 }), now), "unhealthy");
  assert.equal(healthOf(source({ paused: true, failingSince: since(UNHEALTHY_AFTER_MS) }), now), "paused");
});
