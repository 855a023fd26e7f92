import assert from "node:assert/strict";
import { freshStore, testEngines } from "./engines.js";

// The source records on both engines: added, listed, paused, claimed under leases, finished.

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

testEngines("a source is added due now, listed, found by id or URL, paused, resumed and removed", async (t, engine) => {
  const { sources } = await freshStore(t, engine);
  const added = await sources.add({ url: "https://news.example/feed", everyMs: 900_000, region: "LY", follow: true }, at(0));
  assert.equal(added.nextDue, at(0).toISOString());
  assert.deepEqual(added.seen, {});
  await assert.rejects(sources.add({ url: "https://news.example/feed", everyMs: 60_000, follow: false }, at(1)), {
    message: `https://news.example/feed is watched already (source ${added.id})`,
  });
  assert.equal((await sources.get(String(added.id))).url, "https://news.example/feed");
  assert.equal((await sources.get("https://news.example/feed")).region, "LY");
  await assert.rejects(sources.get("99"), { message: "no source 99 (see: sitrep sources list)" });

  await sources.setPaused(added.id, true, at(5));
  assert.equal(await sources.nextDue(), null);
  assert.deepEqual(await sources.claimDue(at(10), 5, "w", at(40)), []);
  await sources.setPaused(added.id, false, at(20));
  assert.deepEqual(await sources.nextDue(), at(20));

  await sources.remove(added.id);
  assert.deepEqual(await sources.list(), []);
});

testEngines("a claimed source is leased: not claimed again until the lease ends or the poll is finished", async (t, engine) => {
  const { sources } = await freshStore(t, engine);
  const a = await sources.add({ url: "https://a.example/feed", everyMs: 60_000, follow: false }, at(0));
  const b = await sources.add({ url: "https://b.example/feed", everyMs: 60_000, follow: false }, at(1));
  assert.deepEqual((await sources.claimDue(at(2), 1, "one", at(32))).map((s) => s.id), [a.id]);
  assert.deepEqual((await sources.claimDue(at(3), 5, "two", at(33))).map((s) => s.id), [b.id]);
  assert.deepEqual(await sources.claimDue(at(4), 5, "three", at(34)), []);

  // The holder renews its lease; a stranger cannot.
  assert.equal(await sources.extendClaim(a.id, "one", at(60)), true);
  assert.equal(await sources.extendClaim(a.id, "two", at(90)), false);
  // b's watcher died: its lease ends and another takes it over; the dead one's late word is dropped.
  assert.deepEqual((await sources.claimDue(at(40), 5, "four", at(70))).map((s) => s.id), [b.id]);
  await sources.finish(b.id, "two", { at: at(41), nextDue: at(101), read: { etag: '"stale"', seen: {} } });
  assert.equal((await sources.get(String(b.id))).etag, undefined);
  await sources.finish(b.id, "four", { at: at(42), nextDue: at(200), read: { etag: '"b1"', seen: {} } });
  assert.equal((await sources.get(String(b.id))).etag, '"b1"');

  await sources.finish(a.id, "one", { at: at(45), nextDue: at(105), read: { etag: '"v1"', lastModified: "Thu, 01 Jan 2026 00:00:00 GMT", seen: { x: "d1" } } });
  const read = await sources.get(String(a.id));
  assert.deepEqual([read.etag, read.lastModified, read.seen, read.lastPolledAt, read.nextDue], ['"v1"', "Thu, 01 Jan 2026 00:00:00 GMT", { x: "d1" }, at(45).toISOString(), at(105).toISOString()]);
  assert.deepEqual(await sources.claimDue(at(104), 5, "five", at(134)), []);
  assert.deepEqual((await sources.claimDue(at(105), 5, "five", at(135))).map((s) => s.id), [a.id]);
  // Unchanged (304): what the last read left stays.
  await sources.finish(a.id, "five", { at: at(106), nextDue: at(166) });
  assert.deepEqual((await sources.get(String(a.id))).seen, { x: "d1" });
});

testEngines("failures are counted from the first of a streak with the last error, and a good poll clears them", async (t, engine) => {
  const { sources } = await freshStore(t, engine);
  const { id } = await sources.add({ url: "https://a.example/feed", everyMs: 1000, follow: false }, at(0));
  for (const [n, error] of ["HTTP 500", "HTTP 502"].entries()) {
    await sources.claimDue(at(10 * (n + 1)), 1, `w${n}`, at(10 * (n + 1) + 5));
    await sources.finish(id, `w${n}`, { at: at(10 * (n + 1) + 1), nextDue: at(10 * (n + 2)), error });
  }
  const failing = await sources.get(String(id));
  assert.deepEqual([failing.failures, failing.failingSince, failing.lastError], [2, at(11).toISOString(), "HTTP 502"]);
  await sources.claimDue(at(30), 1, "w", at(35));
  await sources.finish(id, "w", { at: at(31), nextDue: at(32), read: { seen: {} } });
  const healthy = await sources.get(String(id));
  assert.deepEqual([healthy.failures, healthy.failingSince, healthy.lastError], [0, undefined, undefined]);
});

testEngines("watchers claiming at once share the due sources without overlap", async (t, engine) => {
  const store = await freshStore(t, engine);
  for (let i = 0; i < 30; i++) await store.sources.add({ url: `https://s${i}.example/feed`, everyMs: 60_000, follow: false }, at(0));
  const claims = await Promise.all(["a", "b", "c"].map((token) => store.sources.claimDue(at(1), 30, token, at(31))));
  const ids = claims.flat().map((s) => s.id);
  assert.equal(ids.length, 30);
  assert.equal(new Set(ids).size, 30);
});
