import assert from "node:assert/strict";
import { test } from "node:test";
import { setTimeout as pause } from "node:timers/promises";
import { OneAtATime } from "../../src/watch/one-at-a-time.js";

test("functions run one after another in the order given, and one that fails does not stop the next", async () => {
  const turns = new OneAtATime();
  const events: string[] = [];
  const job = (name: string, ms: number, fail = false) =>
    turns.run(async () => {
      events.push(`${name} starts`);
      await pause(ms);
      events.push(`${name} ends`);
      if (fail) throw new Error(`${name} failed`);
      return name;
    });
  const results = await Promise.allSettled([job("slow", 60), job("failing", 1, true), job("quick", 1)]);
  assert.deepEqual(events, ["slow starts", "slow ends", "failing starts", "failing ends", "quick starts", "quick ends"]);
  assert.deepEqual(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message)), ["slow", "failing failed", "quick"]);
});
