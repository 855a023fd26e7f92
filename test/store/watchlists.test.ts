import assert from "node:assert/strict";
import { test } from "node:test";
import { watchlistInput, WatchlistError, type WatchFilter } from "../../src/alerts/watchlist.js";
import { matchesColumns } from "../../src/alerts/match.js";
import { parseArea } from "../../src/geo/area.js";
import { eventColumns } from "../../src/store/rows.js";
import type { SqlStore } from "../../src/store/sql-store.js";
import { openStore } from "../../src/store/open.js";
import { freshLocation, freshStore, testEngines } from "./engines.js";
import { doc, ingestOne, mention } from "./fixtures.js";

// Reports written for these tests. Maiduguri (NG) and Kano (NG) are 500 km apart; Tripoli is LY.
const MAIDUGURI = "A bomber blew himself up at a market in Maiduguri on Sunday, killing four traders, police said.";
const MAIDUGURI_AGAIN = "Four traders died when a suicide bomber struck a Maiduguri market on Sunday, witnesses said.";
const KANO = "Gunmen attacked a checkpoint in Kano on Sunday, killing two soldiers.";
const TRIPOLI = "A car bomb exploded outside a ministry in Tripoli on Sunday, killing nine people.";

const add = (store: SqlStore, name: string, filter: WatchFilter, webhook: string | null = null) =>
  store.watchlists.add(watchlistInput({ name, filter, webhook }));

async function seed(store: SqlStore): Promise<void> {
  await ingestOne(store, doc("maiduguri", MAIDUGURI), MAIDUGURI, [mention("maiduguri", { killed: 4, perpetrator: "Boko Haram" })]);
  await ingestOne(store, doc("kano", KANO), KANO, [mention("kano", { place: "Kano", lat: 12.0, lon: 8.52, attackTypes: ["ARMED_ASSAULT"], eventType: "BATTLES", subEventType: "ARMED_CLASH", killed: 2 })]);
  await ingestOne(store, doc("tripoli", TRIPOLI), TRIPOLI, [mention("tripoli", { country: "LY", place: "Tripoli", lat: 32.89, lon: 13.19, killed: 9 })]);
}

const around = (lat: number, lon: number, d: number) => [
  [lon - d, lat - d],
  [lon + d, lat - d],
  [lon + d, lat + d],
  [lon - d, lat + d],
  [lon - d, lat - d],
];

testEngines("a watchlist fires when an event starts to match, again for a new source, never twice for one version", async (t, engine) => {
  const store = await freshStore(t, engine);
  const { watchlist } = await add(store, "Borno", { country: "NG", near: { lat: 11.85, lon: 13.16, km: 50 } });
  await ingestOne(store, doc("maiduguri", MAIDUGURI), MAIDUGURI, [mention("maiduguri", { killed: 4 })]);
  await ingestOne(store, doc("kano", KANO), KANO, [mention("kano", { place: "Kano", lat: 12.0, lon: 8.52 })]);
  let alerts = await store.watchlists.alerts({ watchlistId: watchlist.id });
  assert.deepEqual(alerts.map((a) => [a.eventId, a.change.kind, a.state]), [["ev-maiduguri@v1#0", "new", "listed"]]);

  // The same report again is a duplicate: nothing is written, nothing fires.
  await ingestOne(store, doc("maiduguri", MAIDUGURI), MAIDUGURI, [mention("maiduguri", { killed: 4 })]);
  // A second report of the same event: the event gains a source and a new version.
  await ingestOne(store, doc("other", MAIDUGURI_AGAIN), MAIDUGURI_AGAIN, [mention("other", { killed: 4 })]);
  alerts = await store.watchlists.alerts({ watchlistId: watchlist.id });
  assert.equal(alerts.length, 2);
  const [second, first] = alerts;
  assert.equal(second!.eventId, first!.eventId);
  assert.notEqual(second!.version, first!.version);
  assert.deepEqual(second!.change, { kind: "changed", previousVersion: first!.version, fields: ["sources"], newSources: ["other"] });

  // Re-resolving everything rewrites every event unchanged: no version is new.
  await store.reresolve();
  assert.equal((await store.watchlists.alerts({ watchlistId: watchlist.id })).length, 2);
});

testEngines("a changed figure fires; a watchlist made later fires only for what is written after it", async (t, engine) => {
  const store = await freshStore(t, engine);
  const url = "https://news.example/maiduguri";
  await ingestOne(store, doc("maiduguri", MAIDUGURI, { url }), MAIDUGURI, [mention("maiduguri", { killed: 4 })]);
  const { watchlist } = await add(store, "deadly", { minKilled: 3 });
  assert.deepEqual(await store.watchlists.alerts({ watchlistId: watchlist.id }), []);
  const updated = MAIDUGURI.replace("four", "six");
  await ingestOne(store, doc("maiduguri", updated, { url }), updated, [mention("maiduguri", { killed: 6 })]);
  const alerts = await store.watchlists.alerts({ watchlistId: watchlist.id });
  assert.equal(alerts.length, 1);
  assert.equal(alerts[0]!.event.killed, 6);
  // The report's new version gave its mention, and so the event, a new id: the change says which it was.
  assert.equal(alerts[0]!.eventId, "ev-maiduguri@v2#0");
  const change = alerts[0]!.change;
  assert.ok(change.kind === "changed");
  assert.equal(change.previousEventId, "ev-maiduguri@v1#0");
  assert.deepEqual(change.fields, ["killed", "sources"]);
});

testEngines("matching in memory agrees with the listing's SQL, polygon and text included", async (t, engine) => {
  const store = await freshStore(t, engine);
  await seed(store);
  const nigeria = parseArea({ type: "Polygon", coordinates: [around(10, 10, 5)] }, "nigeria");
  // Maiduguri inside, Kano in a hole cut round it.
  const holed = parseArea({ type: "Polygon", coordinates: [around(11, 11, 3), around(12, 8.5, 0.5)] }, "holed");
  const filters: WatchFilter[] = [
    { country: "NG" },
    { country: "LY" },
    { near: { lat: 12, lon: 8.5, km: 20 } },
    { area: nigeria },
    { area: holed },
    { type: "BATTLES" },
    { type: "BOMBING_EXPLOSION", country: "NG" },
    { actor: "boko" },
    { minKilled: 4 },
    { text: "checkpoint" },
    { text: "ministry", minKilled: 10 },
  ];
  const { items: events } = await store.listEvents({});
  assert.equal(events.length, 3);
  for (const filter of filters) {
    const listed = (await store.listEvents(filter)).items.map((e) => e.id).sort();
    if (filter.text === undefined) {
      const matched = events.filter((e) => matchesColumns(filter, eventColumns(e))).map((e) => e.id).sort();
      assert.deepEqual(matched, listed, JSON.stringify(filter));
    }
    await add(store, `w${filters.indexOf(filter)}`, filter);
  }
  assert.deepEqual((await store.listEvents({ area: holed })).items.map((e) => e.id), ["ev-maiduguri@v1#0"]);

  // Saved after the events, the watchlists fire for none of them when they are rewritten unchanged.
  await store.reresolve();
  assert.deepEqual(await store.watchlists.alerts(), []);
  // Saved before, each fires for what its listing shows.
  const fresh = await freshStore(t, engine);
  for (const [i, filter] of filters.entries()) await add(fresh, `w${i}`, filter);
  await seed(fresh);
  const watchlists = await fresh.watchlists.list();
  for (const w of watchlists) {
    const fired = (await fresh.watchlists.alerts({ watchlistId: w.id })).map((a) => a.eventId).sort();
    const listed = (await fresh.listEvents(w.filter)).items.map((e) => e.id).sort();
    assert.deepEqual(fired, listed, `${w.name}: ${JSON.stringify(w.filter)}`);
  }
});

testEngines("watchlists are named once, edited, removed; bad ones are refused naming the field", async (t, engine) => {
  const store = await freshStore(t, engine);
  const { watchlist, secret } = await add(store, "Libya", { country: "LY" }, "https://hooks.example/sitrep");
  assert.match(secret!, /^[0-9a-f]{48}$/, "a webhook without a secret gets one made");
  assert.equal(watchlist.signed, true);
  await assert.rejects(add(store, "Libya", { country: "NG" }), /a watchlist named "Libya" exists already/);
  const { watchlist: edited, secret: kept } = await store.watchlists.update(watchlist.id, watchlistInput({ name: "Libya", filter: { country: "LY", minKilled: 1 }, webhook: "https://hooks.example/sitrep" }));
  assert.equal(kept, null, "editing keeps the secret and does not show it");
  assert.deepEqual(edited.filter, { country: "LY", minKilled: 1 });
  assert.equal((await store.watchlists.get("Libya"))?.id, watchlist.id);
  await store.watchlists.remove(watchlist.id);
  assert.deepEqual(await store.watchlists.list(), []);
  await assert.rejects(store.watchlists.remove(watchlist.id), /no watchlist/);
  // The name is free again once removed.
  await add(store, "Libya", { country: "LY" });
});

test("a watchlist's input is checked, each error naming what is wrong", () => {
  const refused = (value: unknown, pattern: RegExp) => assert.throws(() => watchlistInput(value), (err: Error) => err instanceof WatchlistError && pattern.test(err.message));
  refused({ name: "all", filter: {} }, /needs at least one of .* with none it would match every event/);
  refused({ name: "x", filter: { country: "XX" } }, /country: "XX" is not an ISO 3166-1 alpha-2/);
  refused({ name: "x", filter: { type: "PICNIC" } }, /type: "PICNIC" is not an attack type/);
  refused({ name: "x", filter: { contry: "LY" } }, /filter: unknown "contry"/);
  refused({ name: "x", filter: { country: "LY" }, webhook: "not a url" }, /webhook: "not a url" is not a URL/);
  refused({ name: "x", filter: { country: "LY" }, webhook: "file:///etc/passwd" }, /not an http or https URL/);
  refused({ name: "x", filter: { country: "LY" }, secret: "s" }, /secret: signs webhook deliveries; give a webhook/);
  refused({ name: "x", filter: { near: { lat: 10, lon: 10, km: 5 }, area: { type: "Polygon", coordinates: [around(1, 1, 1)] } } }, /give one of them/);
  refused({ name: "x", filter: { minKilled: -1 } }, /minKilled: expected a whole number/);
  assert.throws(() => watchlistInput({ name: "x", filter: { area: { type: "Polygon", coordinates: [[[0, 0], [1, 1], [0, 0]]] } } }), /area: coordinates\[0\]: a ring needs at least 4 positions/);
});

testEngines("two deliverers claiming at once never take the same alert", async (t, engine) => {
  const location = await freshLocation(t, engine);
  const a = await openStore({ db: location });
  t.after(() => a.close());
  await add(a, "all of Nigeria", { country: "NG" }, "https://hooks.example/ng");
  for (let i = 0; i < 12; i++) {
    const text = `Report ${i} of a bombing in Maiduguri.`;
    await ingestOne(a, doc(`r${i}`, text), text, [mention(`r${i}`, { date: `2021-${String(i + 1).padStart(2, "0")}-07` })]);
  }
  const b = await openStore({ db: location });
  t.after(() => b.close());
  const now = new Date(Date.now() + 1000);
  const [one, two] = await Promise.all([a.watchlists.claim(now, 8, 60_000), b.watchlists.claim(now, 8, 60_000)]);
  const seqs = [...one, ...two].map((c) => c.seq);
  assert.equal(new Set(seqs).size, seqs.length, "no alert claimed twice");
  assert.equal(seqs.length, 12, "between them they took every alert due");
  assert.deepEqual(await a.watchlists.claim(now, 8, 60_000), [], "claimed alerts are held for the lease");
});
