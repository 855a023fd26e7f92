import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDuration, parseDuration } from "../../src/watch/duration.js";

test("durations are read in seconds, minutes and hours, whole or not", () => {
  assert.equal(parseDuration("30s"), 30_000);
  assert.equal(parseDuration("15m"), 900_000);
  assert.equal(parseDuration("1.5h"), 5_400_000);
  assert.equal(parseDuration("0s"), 0);
});

test("anything else is refused, naming it", () => {
  for (const bad of ["15", "15 minutes", "m", "-5m", "2d", ""]) {
    assert.throws(() => parseDuration(bad), { message: `expected a duration such as 30s, 15m or 2h, got "${bad}"` });
  }
});

test("durations are written in the largest unit that writes them whole", () => {
  assert.deepEqual([3_600_000, 900_000, 90_000, 1500, 0].map(formatDuration), ["1h", "15m", "90s", "1.5s", "0s"]);
});
