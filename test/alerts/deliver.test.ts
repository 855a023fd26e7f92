import assert from "node:assert/strict";
import { deliverAlerts, type DeliverOptions } from "../../src/alerts/deliver.js";
import { verifySignature } from "../../src/alerts/signature.js";
import { watchlistInput } from "../../src/alerts/watchlist.js";
import type { SqlStore } from "../../src/store/sql-store.js";
import { freshStore, testEngines } from "../store/engines.js";
import { doc, ingestOne, mention } from "../store/fixtures.js";
import { receiver } from "./receiver.js";

// Reports written for these tests.
const MARKET = "A bomber blew himself up at a market in Maiduguri on Sunday, killing four traders, police said.";
const MARKET_AGAIN = "Four traders died when a suicide bomber struck a Maiduguri market on Sunday, witnesses said.";
const SECRET = "a shared secret";

const fast = (lines: string[]): DeliverOptions => ({
  pageUrl: "http://sitrep.example",
  allowPrivate: true,
  timeoutMs: 2000,
  retry: { baseBackoffMs: 1, maxBackoffMs: 1, retryForMs: 60_000 },
  log: (line) => lines.push(line),
});

/** Passes until nothing is due or pending any more (the backoff is a millisecond). */
async function deliverAll(store: SqlStore, opts: DeliverOptions): Promise<void> {
  for (let pass = 0; pass < 20; pass++) {
    await deliverAlerts(store, opts);
    const pending = (await store.watchlists.alerts()).filter((a) => a.state === "pending");
    if (pending.length === 0) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  assert.fail("alerts still pending after 20 passes");
}

testEngines("a webhook that fails twice gets the alert on the third try, signed, once per event version", async (t, engine) => {
  const store = await freshStore(t, engine);
  const hook = await receiver(t, (n) => (n < 2 ? 500 : 200));
  const { watchlist } = await store.watchlists.add(watchlistInput({ name: "Borno", filter: { country: "NG" }, webhook: hook.url, secret: SECRET }));
  await ingestOne(store, doc("market", MARKET), MARKET, [mention("market", { killed: 4 })]);
  const lines: string[] = [];
  await deliverAll(store, fast(lines));

  assert.deepEqual(hook.received.map((r) => r.status), [500, 500, 200]);
  const keys = hook.received.map((r) => r.headers["idempotency-key"]);
  assert.equal(new Set(keys).size, 1, "every retry carries the same idempotency key");
  for (const r of hook.received) {
    assert.ok(verifySignature(SECRET, String(r.headers["sitrep-signature"]), r.body, Math.floor(Date.now() / 1000)), "the signature verifies");
    assert.ok(!verifySignature("another secret", String(r.headers["sitrep-signature"]), r.body, Math.floor(Date.now() / 1000)));
  }
  const payload = JSON.parse(hook.received[2]!.body);
  assert.equal(payload.idempotencyKey, keys[0]);
  assert.equal(payload.type, "event.matched");
  assert.equal(payload.event.id, "ev-market@v1#0");
  assert.equal(payload.url, "http://sitrep.example/#event/ev-market%40v1%230");
  assert.equal(lines.filter((l) => /answered HTTP 500.*will retry/.test(l)).length, 2);

  const [alert] = await store.watchlists.alerts({ watchlistId: watchlist.id });
  assert.equal(alert!.state, "delivered");
  const attempts = await store.watchlists.attempts(alert!.seq);
  assert.deepEqual(attempts.map((a) => [a.ok, a.status]), [[false, 500], [false, 500], [true, 200]]);
  assert.match(attempts[0]!.error!, /answered HTTP 500/);

  // The same report again changes nothing; a second report of the event is a new version.
  await ingestOne(store, doc("market", MARKET), MARKET, [mention("market", { killed: 4 })]);
  await deliverAll(store, fast(lines));
  assert.equal(hook.received.length, 3);
  await ingestOne(store, doc("second", MARKET_AGAIN), MARKET_AGAIN, [mention("second", { killed: 4 })]);
  await deliverAll(store, fast(lines));
  assert.equal(hook.received.length, 4);
  const changed = JSON.parse(hook.received[3]!.body);
  assert.equal(changed.type, "event.changed");
  assert.equal(changed.event.id, "ev-market@v1#0");
  assert.notEqual(changed.idempotencyKey, payload.idempotencyKey);
  assert.deepEqual(changed.change.newSources, ["second"]);
  const accepted = hook.received.filter((r) => r.status === 200).map((r) => r.headers["idempotency-key"]);
  assert.equal(new Set(accepted).size, accepted.length, "one accepted delivery per event version");
});

testEngines("a webhook that hangs times out with a clear error; the others are delivered; a day later it is failed", async (t, engine) => {
  const store = await freshStore(t, engine);
  const hanging = await receiver(t, () => null);
  const good = await receiver(t);
  await store.watchlists.add(watchlistInput({ name: "hangs", filter: { country: "NG" }, webhook: hanging.url }));
  await store.watchlists.add(watchlistInput({ name: "answers", filter: { minKilled: 1 }, webhook: good.url }));
  await ingestOne(store, doc("market", MARKET), MARKET, [mention("market", { killed: 4 })]);
  const lines: string[] = [];
  // Retried for no time at all: the first failure is the last.
  const report = await deliverAlerts(store, { ...fast(lines), timeoutMs: 300, retry: { retryForMs: 0 } });
  assert.deepEqual(report, { delivered: 1, retrying: 0, failed: 1 });
  assert.equal(good.received.length, 1);
  assert.equal(hanging.received.length, 1);
  assert.match(lines.join("\n"), new RegExp(`alert \\d+ \\(hangs, ev-market@v1#0\\) attempt 1: ${hanging.url}: no answer within 0.3 s; given up`));
  const failed = await store.watchlists.alerts({ failed: true });
  assert.deepEqual(failed.map((a) => [a.watchlistName, a.state]), [["hangs", "failed"]]);
  assert.match(failed[0]!.lastError!, /no answer within 0.3 s/);
});

testEngines("a webhook on a private address is refused without --allow-private, logged, and retried", async (t, engine) => {
  const store = await freshStore(t, engine);
  const hook = await receiver(t);
  await store.watchlists.add(watchlistInput({ name: "local", filter: { country: "NG" }, webhook: hook.url }));
  await ingestOne(store, doc("market", MARKET), MARKET, [mention("market")]);
  const lines: string[] = [];
  const report = await deliverAlerts(store, { ...fast(lines), allowPrivate: false });
  assert.deepEqual(report, { delivered: 0, retrying: 1, failed: 0 });
  assert.equal(hook.received.length, 0);
  assert.match(lines[0]!, /refused: 127\.0\.0\.1 is a loopback address; pass --allow-private to allow it; will retry/);
});

testEngines("a webhook named by a host name is judged by the address its connection resolves it to", async (t, engine) => {
  const store = await freshStore(t, engine);
  const hook = await receiver(t);
  const port = Number(new URL(hook.url).port);
  await store.watchlists.add(watchlistInput({ name: "local", filter: { country: "NG" }, webhook: hook.url.replace("127.0.0.1", "localhost") }));
  await ingestOne(store, doc("market", MARKET), MARKET, [mention("market")]);
  const lines: string[] = [];
  const report = await deliverAlerts(store, { ...fast(lines), allowPrivate: false, allowPorts: [port] });
  assert.deepEqual(report, { delivered: 0, retrying: 1, failed: 0 });
  assert.equal(hook.received.length, 0);
  assert.match(lines[0]!, /refused: (127\.0\.0\.1|::1) is a loopback address; pass --allow-private to allow it; will retry/);
});
