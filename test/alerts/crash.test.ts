import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { watchlistInput } from "../../src/alerts/watchlist.js";
import { openStore } from "../../src/store/open.js";
import { sitrepBin } from "../cli/run.js";
import { freshLocation, testEngines } from "../store/engines.js";
import { doc, ingestOne, mention } from "../store/fixtures.js";
import { receiver } from "./receiver.js";

// The deliverer as a user runs it, in a child process killed with SIGKILL mid-delivery and run
// again: every alert arrives, and a repeat is only of an alert that was being sent when the
// process died (its idempotency key lets the receiver drop it).

const EVENTS = 8;

function deliverer(db: string): ChildProcess {
  return spawn(process.execPath, [sitrepBin, "alerts", "deliver", "--db", db, "--allow-private", "--interval", "0.05", "--webhook-timeout", "0.5"], { stdio: ["ignore", "ignore", "pipe"] });
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

testEngines("a deliverer killed with SIGKILL and started again loses no alert and repeats only what was in flight", async (t, engine) => {
  const db = await freshLocation(t, engine);
  const hook = await receiver(t);
  const store = await openStore({ db });
  t.after(() => store.close());
  await store.watchlists.add(watchlistInput({ name: "Borno", filter: { country: "NG" }, webhook: hook.url, secret: "s" }));
  for (let i = 0; i < EVENTS; i++) {
    const text = `Report ${i}: a bomb went off in Maiduguri in the month ${i + 1}, killing ${i + 1} people.`;
    await ingestOne(store, doc(`report-${i}`, text), text, [mention(`report-${i}`, { date: `2021-${String(i + 1).padStart(2, "0")}-07`, killed: i + 1 })]);
  }
  const expected = new Set((await store.watchlists.alerts()).map((a) => `${a.watchlistId}:${a.eventId}:${a.version}`));
  assert.equal(expected.size, EVENTS);

  const first = deliverer(db);
  await until(() => hook.received.length >= 1, "the first delivery");
  first.kill("SIGKILL");
  const [, signal] = await once(first, "exit");
  assert.equal(signal, "SIGKILL");
  const beforeKill = new Set(hook.received.map((r) => String(r.headers["idempotency-key"])));

  const second = deliverer(db);
  let stderr = "";
  second.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  t.after(() => second.kill("SIGKILL"));
  await until(async () => (await store.watchlists.alerts()).every((a) => a.state === "delivered"), "every alert delivered");
  second.kill("SIGTERM");
  await once(second, "exit");

  const keys = hook.received.map((r) => String(r.headers["idempotency-key"]));
  assert.deepEqual(new Set(keys), expected, `no alert lost (${stderr})`);
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const [key, n] of counts) {
    assert.ok(n <= 2, `${key} sent ${n} times`);
    if (n === 2) assert.ok(beforeKill.has(key), `${key} repeated, but it was not being sent when the deliverer died`);
  }
  assert.equal((await store.watchlists.alerts()).length, EVENTS, "the outbox holds each alert once");
});
