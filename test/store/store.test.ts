import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { sql } from "kysely";
import type { Mention } from "../../src/model.js";
import { projectRoot } from "../../src/paths.js";
import { contentHash } from "../../src/store/content-hash.js";
import { openStore } from "../../src/store/open.js";
import { QueryError } from "../../src/store/text-query.js";
import { freshLocation, freshStore, rawConnection, testEngines } from "./engines.js";
import { doc, entry, mention, tempDir, ingestOne } from "./fixtures.js";

const MARKET = "A bomber blew himself up at a crowded market in Maiduguri on Sunday, killing four traders, police said.";
const MARKET_UPDATED = "A bomber blew himself up at a crowded market in Maiduguri on Sunday, killing six traders, police said on Monday.";

testEngines("the same text is stored once, under whatever id it comes again", async (t, engine) => {
  const path = await freshLocation(t, engine);
  const store = await openStore({ db: path });
  t.after(() => store.close());
  assert.deepEqual(await ingestOne(store, doc("a", MARKET), MARKET, [mention("a")]), { documentId: "a", status: "new", mentions: 1 });
  assert.deepEqual(await ingestOne(store, doc("a", MARKET), MARKET, [mention("a")]), { documentId: "a", status: "duplicate", mentions: 0 });
  // Spacing and line breaks do not make a text new.
  const respaced = MARKET.replace(/ /g, "  ").replace("Sunday,", "Sunday,\n");
  assert.equal((await ingestOne(store, doc("copy", respaced), respaced, [])).status, "duplicate");
  const stats = await store.stats();
  assert.equal(stats.documents, 1);
  assert.equal(stats.mentions, 1);
});

testEngines("new text at the same URL is a new version; the old mentions give way to the new", async (t, engine) => {
  const path = await freshLocation(t, engine);
  const store = await openStore({ db: path });
  t.after(() => store.close());
  const url = "https://news.example/borno-market";
  await ingestOne(store, doc("first-id", MARKET, { url }), `<p>${MARKET}</p>`, [mention("first-id", { killed: 4 })]);
  const outcome = await ingestOne(store, doc("other-id", MARKET_UPDATED, { url }), MARKET_UPDATED, [mention("other-id", { killed: 6 })]);
  assert.deepEqual(outcome, { documentId: "first-id", status: "version", mentions: 1 });

  const stored = await store.getDocument("first-id");
  assert.equal(stored?.version, 2);
  assert.equal(stored?.text, MARKET_UPDATED);
  assert.equal(await store.getDocument("other-id"), null);

  const mentions = (await store.listMentions({})).items;
  assert.deepEqual(mentions.map((m) => [m.id, m.contractId, m.documentId, m.killed?.value]), [["first-id@v2#0", "m1", "first-id", 6]]);
  const events = (await store.listEvents({})).items;
  assert.equal(events.length, 1);
  assert.deepEqual(events[0]!.sources.map((s) => s.mentionId), ["first-id@v2#0"]);
  assert.equal(events[0]!.killed, 6);

  // Only the current version stays filed for near-duplicate search.
  const { rows: filed } = await sql`SELECT DISTINCT documents.version FROM document_bands JOIN documents ON documents.seq = document_bands.document_seq`.execute(rawConnection(t, path));
  assert.deepEqual(filed, [{ version: 2 }]);
});

testEngines("a page another outlet claims is a document of its own: it never replaces the outlet's, and its own later text is its version", async (t, engine) => {
  const store = await freshStore(t, engine);
  const url = "https://news.example/borno-market";
  await ingestOne(store, doc(url, MARKET, { url, outlet: "Lake Chad Monitor" }), MARKET, [mention(url, { killed: 4 })]);
  // A feed elsewhere lists the same article under its own name, with other words and figures.
  const claimed = await ingestOne(store, doc(url, MARKET_UPDATED, { url, outlet: "Copy Farm" }), MARKET_UPDATED, [mention(url, { killed: 60 })]);
  assert.deepEqual(claimed, { documentId: `${url} (Copy Farm)`, status: "new", mentions: 1 });
  const original = await store.getDocument(url);
  assert.deepEqual([original?.version, original?.outlet, original?.text], [1, "Lake Chad Monitor", MARKET]);
  const again = `${MARKET_UPDATED} The toll is disputed.`;
  assert.deepEqual(await ingestOne(store, doc("copy-farm-2", again, { url, outlet: "Copy Farm" }), again, []), { documentId: `${url} (Copy Farm)`, status: "version", mentions: 0 });
  // The outlet's own new text is still its version.
  const own = `${MARKET} Police later said six had died.`;
  assert.equal((await ingestOne(store, doc(url, own, { url, outlet: "Lake Chad Monitor" }), own, [])).status, "version");
  assert.equal((await store.getDocument(url))?.version, 2);
  // Two dumps that number their reports alike keep both.
  await ingestOne(store, doc("17", "Gunmen burned a school in Bama on Friday.", { outlet: "Wire A" }), "", []);
  assert.deepEqual(await ingestOne(store, doc("17", "A convoy was ambushed near Dikwa on Saturday.", { outlet: "Wire B" }), "", []), { documentId: "17 (Wire B)", status: "new", mentions: 0 });
});

testEngines("new text under the same id is a new version too", async (t, engine) => {
  const store = await freshStore(t, engine);
  await ingestOne(store, doc("a", MARKET), MARKET, []);
  assert.equal((await ingestOne(store, doc("a", MARKET_UPDATED), MARKET_UPDATED, [])).status, "version");
  // The first text, seen again, is a duplicate of the version that held it.
  assert.equal((await ingestOne(store, doc("a", MARKET), MARKET, [])).status, "duplicate");
  assert.equal((await store.getDocument("a"))?.version, 2);
});

testEngines("mention ids are unique across documents and versions and keep the extractor's id", async (t, engine) => {
  const store = await freshStore(t, engine);
  const two = (d: string) => [mention(d, { id: "m1" }), mention(d, { id: "m2", date: "2021-01-02", place: "Bama" })];
  await ingestOne(store, doc("a", MARKET), MARKET, two("a"));
  await ingestOne(store, doc("b", MARKET_UPDATED), MARKET_UPDATED, two("b"));
  await ingestOne(store, doc("a", `${MARKET} More.`), MARKET, two("a"));
  const ids = (await store.listMentions({ sort: "date" })).items.map((m) => m.id).sort();
  assert.deepEqual(ids, ["a@v2#0", "a@v2#1", "b@v1#0", "b@v1#1"]);
  const contract = (await store.listMentions({})).items.map((m) => m.contractId).sort();
  assert.deepEqual(contract, ["m1", "m1", "m2", "m2"]);
});

test("a reopened file keeps documents, raw input, metadata and versions", async (t) => {
  const path = join(tempDir(t), "nested", "folder", "s.db");
  const first = await openStore({ db: path });
  const html = `<html><body><article>${MARKET}</article></body></html>`;
  await ingestOne(first, doc("a", MARKET, { title: "Market attack", outlet: "Lake Chad Monitor", url: "https://m.example/1", byline: "Staff" }), html, []);
  await first.close();

  const again = await openStore({ db: path });
  t.after(() => again.close());
  const stored = await again.getDocument("a");
  assert.ok(stored);
  assert.equal(stored.raw, html);
  assert.equal(stored.title, "Market attack");
  assert.equal(stored.outlet, "Lake Chad Monitor");
  assert.equal(stored.byline, "Staff");
  assert.equal(stored.published, "2021-03-08");
  assert.equal(stored.version, 1);
  assert.match(stored.contentHash, /^[0-9a-f]{64}$/);
  const sqlite = new Database(path, { readonly: true });
  t.after(() => sqlite.close());
  assert.equal(sqlite.pragma("journal_mode", { simple: true }), "wal");
});

const RAID =
  "Gunmen on motorcycles raided the village of Kwari late on Tuesday, burning homes and granaries and " +
  "killing at least eleven farmers, a local councillor told reporters. Residents said the attackers " +
  "arrived shortly after dusk and stayed for nearly two hours before troops reached the area.";

testEngines("a light rewrite of one story is linked as a near-duplicate; another story is not", async (t, engine) => {
  const store = await freshStore(t, engine);
  const wire = `${RAID} The army said it had deployed additional units to the district and was pursuing the gunmen into the forest.`;
  const rewrite = wire.replace("told reporters", "said").replace("nearly two hours", "almost two hours") + " No group has claimed the raid.";
  const other =
    "Protesters blocked the main highway into the capital on Wednesday to demand the release of detained " +
    "students, and police fired tear gas to disperse them, witnesses said. Shops along the route stayed shut.";
  await ingestOne(store, doc("wire", wire), wire, []);
  await ingestOne(store, doc("rewrite", rewrite), rewrite, []);
  await ingestOne(store, doc("other", other), other, []);
  assert.deepEqual((await store.getDocument("rewrite"))?.nearDuplicates, ["wire"]);
  assert.deepEqual((await store.getDocument("wire"))?.nearDuplicates, ["rewrite"]);
  assert.deepEqual((await store.getDocument("other"))?.nearDuplicates, []);
});

testEngines("a story run by many outlets: each new copy is linked to ten of the others", async (t, engine) => {
  const store = await freshStore(t, engine);
  const outlets = ["Lantern", "Kestrel", "Meridian", "Savanna", "Orbis", "Tigris", "Indus", "Horn", "Sahel", "Orontes"];
  // Sixty copies, each with a credit line of its own: far more than a band gives (its latest few).
  const copies = Array.from({ length: 60 }, (_, i) => `${RAID} Reported for the ${outlets[i % 10]} desk, edition ${i + 1}.`);
  for (const [i, text] of copies.entries()) await ingestOne(store, doc(`copy-${i + 1}`, text), text, []);
  const last = await store.getDocument("copy-60");
  assert.equal(last?.nearDuplicates.length, 10);
  // The same outlet's earlier copies share its credit line too: they are the closest.
  for (const same of ["copy-10", "copy-20", "copy-30", "copy-40", "copy-50"]) assert.ok(last!.nearDuplicates.includes(same), same);
  assert.equal((await store.getDocument("copy-2"))?.nearDuplicates.includes("copy-1"), true);
});

testEngines("a batch stores what the same documents stored one by one store: duplicates, versions and near-duplicates within it too", async (t, engine) => {
  const outlets = ["Lantern", "Kestrel", "Meridian", "Savanna"];
  const copies = outlets.map((o, i) => `${RAID} Reported for the ${o} desk, edition ${i + 1}.`);
  const url = "https://news.example/kwari";
  const batch = () => [
    entry(doc("copy-1", copies[0]!), copies[0]!, [mention("copy-1", { place: "Kwari" })]),
    entry(doc("copy-2", copies[1]!), copies[1]!, [mention("copy-2", { place: "Kwari" })]),
    entry(doc("market", MARKET, { url }), MARKET, [mention("market")]),
    // The batch's own text again, then the batch's URL and id with new texts: a duplicate and two versions.
    entry(doc("market-again", MARKET), MARKET, []),
    entry(doc("market-2", MARKET_UPDATED, { url }), MARKET_UPDATED, [mention("market-2", { killed: 6 })]),
    entry(doc("copy-1", copies[2]!), copies[2]!, [mention("copy-1", { place: "Kwari" })]),
    entry(doc("copy-4", copies[3]!), copies[3]!, [mention("copy-4", { place: "Kwari" })]),
  ];
  const stored = async (store: Awaited<ReturnType<typeof freshStore>>) => ({
    documents: (await store.listDocuments({})).items.map((d) => [d.id, d.version, [...d.nearDuplicates].sort()]).sort(),
    events: (await store.listEvents({})).items.map((e) => e.sources.map((s) => s.mentionId).sort().join(" ")).sort(),
  });
  const together = await freshStore(t, engine);
  const outcomes = await together.ingest(batch());
  assert.deepEqual(outcomes.map((o) => [o.documentId, o.status]), [
    ["copy-1", "new"],
    ["copy-2", "new"],
    ["market", "new"],
    ["market", "duplicate"],
    ["market", "version"],
    ["copy-1", "version"],
    ["copy-4", "new"],
  ]);
  const alone = await freshStore(t, engine);
  for (const e of batch()) await alone.ingest([e]);
  assert.deepEqual(await stored(together), await stored(alone));
  assert.deepEqual((await together.getDocument("copy-4"))?.nearDuplicates.sort(), ["copy-1", "copy-2"]);
});

testEngines("in the demo corpus, the rewrite of a wire story is found and separate reports are not", async (t, engine) => {
  const store = await freshStore(t, engine);
  const lines = readFileSync(join(projectRoot, "demo/articles.jsonl"), "utf8").trim().split("\n");
  for (const line of lines) {
    const { id, text } = JSON.parse(line) as { id: string; text: string };
    await ingestOne(store, doc(id, text), text, []);
  }
  const linked = (await store.listDocuments({})).items.filter((d) => d.nearDuplicates.length > 0).map((d) => [d.id, d.nearDuplicates]);
  assert.deepEqual(linked.sort(), [["demo-014", ["demo-015"]], ["demo-015", ["demo-014"]]]);
});

testEngines("full-text search finds the current version of documents only", async (t, engine) => {
  const store = await freshStore(t, engine);
  await ingestOne(store, doc("a", MARKET, { title: "Borno" }), MARKET, []);
  await ingestOne(store, doc("a", MARKET_UPDATED, { title: "Borno" }), MARKET_UPDATED, []);
  await ingestOne(store, doc("b", "Floods closed schools across the valley."), "", []);
  assert.deepEqual((await store.listDocuments({ text: "Monday traders" })).items.map((d) => [d.id, d.version]), [["a", 2]]);
  assert.equal((await store.listDocuments({ text: "four" })).total, 0);
  assert.deepEqual((await store.listDocuments({ text: "borno" })).items.map((d) => d.id), ["a"]);
  // The web-search syntax: quoted words in order, or, a leading - excludes.
  assert.equal((await store.listDocuments({ text: "schools valley" })).total, 1);
  assert.equal((await store.listDocuments({ text: '"valley schools"' })).total, 0);
  assert.equal((await store.listDocuments({ text: '"schools across the valley"' })).total, 1);
  assert.equal((await store.listDocuments({ text: "floods or traders" })).total, 2);
  assert.deepEqual((await store.listDocuments({ text: "traders or schools -valley" })).items.map((d) => d.id), ["a"]);
  assert.deepEqual((await store.listDocuments({ text: "traders -market or schools" })).items.map((d) => d.id), ["b"]);
  // Other query syntax is read as words, never as an engine's syntax error.
  assert.equal((await store.listDocuments({ text: "schools* (valley) ^NEAR" })).total, 0);
  assert.equal((await store.listDocuments({ text: "schools* (valley):" })).total, 1);
  // What cannot be a query is refused, saying why.
  await assert.rejects(store.listDocuments({ text: 'schools" OR (NEAR' }), (err) => err instanceof QueryError && /unclosed quote/.test(err.message));
  await assert.rejects(store.listDocuments({ text: "---" }), /has no word to search for/);
  await assert.rejects(store.listDocuments({ text: "-floods" }), /has no word to search for/);
  // A pasted article is no search: bounded in words and characters, whatever the engine.
  await assert.rejects(store.listDocuments({ text: Array.from({ length: 33 }, (_, i) => `word${i}`).join(" ") }), /33 words; a search takes at most 32/);
  await assert.rejects(store.listDocuments({ text: `"${"floods ".repeat(80)}"` }), /characters; a search takes at most 500/);
  assert.equal((await store.listDocuments({ text: Array.from({ length: 32 }, () => "traders").join(" ") })).total, 1);
  assert.equal((await store.listDocuments({})).total, 2);
});

testEngines("a document that fails half-way leaves nothing behind and the store goes on", async (t, engine) => {
  const store = await freshStore(t, engine);
  const broken = mention("a") as Mention & { self?: unknown };
  broken.self = broken; // cannot be serialised: fails after the document row is written
  const failed = await ingestOne(store, doc("a", MARKET), MARKET, [broken]);
  assert.equal(failed.status, "failed");
  assert.match(failed.error ?? "", /circular/i);
  assert.equal(await store.getDocument("a"), null);
  assert.equal((await store.listDocuments({ text: "market" })).total, 0);
  assert.equal((await ingestOne(store, doc("a", MARKET), MARKET, [mention("a")])).status, "new");
  assert.equal((await store.stats()).mentions, 1);
});

testEngines("in a batch, a document that fails is the only one not stored", async (t, engine) => {
  const store = await freshStore(t, engine);
  const broken = mention("b") as Mention & { self?: unknown };
  broken.self = broken;
  const outcomes = await store.ingest([
    entry(doc("a", MARKET), MARKET, [mention("a")]),
    entry(doc("b", MARKET_UPDATED), MARKET_UPDATED, [broken]),
    entry(doc("c", "Gunmen shot dead a village head near Gwoza on Sunday."), "", []),
    entry(doc("a-again", MARKET), MARKET, []),
  ]);
  assert.deepEqual(outcomes.map((o) => o.status), ["new", "failed", "new", "duplicate"]);
  assert.equal(outcomes[3]!.documentId, "a");
  assert.deepEqual((await store.listDocuments({})).items.map((d) => d.id).sort(), ["a", "c"]);
  assert.equal((await store.stats()).mentions, 1);
  assert.deepEqual(await store.knownContent([contentHash(MARKET), contentHash(MARKET_UPDATED)]), new Map([[contentHash(MARKET), "a"]]));
});

testEngines("a document the resolver cannot read fails alone; the rest of its batch is stored and resolved", async (t, engine) => {
  const store = await freshStore(t, engine);
  // Stored as written (it serialises), but no resolver can compare a mention without targets.
  const unreadable = { ...mention("b"), targets: null } as unknown as Mention;
  const outcomes = await store.ingest([
    entry(doc("a", MARKET), MARKET, [mention("a")]),
    entry(doc("b", MARKET_UPDATED), MARKET_UPDATED, [unreadable]),
    entry(doc("c", "Gunmen shot dead a village head near Gwoza on Sunday."), "", [mention("c", { place: "Gwoza", lat: 11.08, lon: 13.69 })]),
  ]);
  assert.deepEqual(outcomes.map((o) => o.status), ["new", "failed", "new"]);
  assert.deepEqual((await store.listDocuments({})).items.map((d) => d.id).sort(), ["a", "c"]);
  const stats = await store.stats();
  assert.deepEqual([stats.mentions, stats.events > 0], [2, true]);
  assert.equal((await store.listMentions({})).items.length, 2);
});

testEngines("mentions are resolved into events with their sources as they are stored", async (t, engine) => {
  const store = await freshStore(t, engine);
  await ingestOne(store, doc("a", MARKET, { outlet: "Outlet A" }), MARKET, [mention("a", { killed: 4 })]);
  await ingestOne(store, doc("b", MARKET_UPDATED, { outlet: "Outlet B" }), MARKET_UPDATED, [mention("b", { killed: 6 })]);
  await ingestOne(store, doc("c", "Troops clashed with fighters near Gwoza in May."), "", [mention("c", { date: "2021-05-02", place: "Gwoza", lat: 11.08, lon: 13.69 })]);
  const events = (await store.listEvents({ sort: "date" })).items;
  assert.equal(events.length, 2);
  assert.deepEqual(events[0]!.sources.map((s) => s.outlet).sort(), ["Outlet A", "Outlet B"]);
  assert.equal(await store.getEvent("no-such-event"), null);
  assert.deepEqual(await store.getEvent(events[1]!.id), events[1]);
  const stats = await store.stats();
  assert.deepEqual([stats.documents, stats.mentions, stats.events], [3, 3, 2]);
  assert.deepEqual(stats.byCountry, [{ country: "NG", events: 2 }]);
  assert.deepEqual(stats.byType, [{ type: "BOMBING_EXPLOSION", events: 2 }]);
  assert.deepEqual(stats.byYear, [{ year: 2021, events: 2 }]);
});

testEngines("merge and split are kept as decisions and respected by re-resolution", async (t, engine) => {
  const store = await freshStore(t, engine);
  await ingestOne(store, doc("a", MARKET), MARKET, [mention("a", { date: "2021-03-07" })]);
  await ingestOne(store, doc("b", MARKET_UPDATED), MARKET_UPDATED, [mention("b", { date: "2021-03-20" })]);
  const before = (await store.listEvents({})).items;
  assert.equal(before.length, 2);

  const merged = await store.mergeEvents(before.map((e) => e.id));
  assert.deepEqual(merged.sources.map((s) => s.mentionId).sort(), ["a@v1#0", "b@v1#0"]);
  assert.equal((await store.listEvents({})).total, 1);
  assert.equal(await store.reresolve(), 1);

  const parts = await store.splitEvent(merged.id, ["b@v1#0"]);
  assert.equal(parts.length, 2);
  assert.equal(await store.reresolve("latest"), 2);
  // Setting apart every mention of an event leaves it as it was: it is returned as it stands.
  const whole = parts[0]!;
  const stored = await store.getEvent(whole.id);
  assert.deepEqual(await store.splitEvent(whole.id, whole.sources.map((s) => s.mentionId)), [stored]);
  await assert.rejects(store.mergeEvents(["no-such-event"]), /no event no-such-event/);
  await assert.rejects(store.splitEvent(parts[0]!.id, ["zz@v1#0"]), /has no mention zz@v1#0/);
});

testEngines("events resolved as reports come equal re-resolution, across new versions and events from before components", async (t, engine) => {
  const path = await freshLocation(t, engine);
  const store = await openStore({ db: path });
  t.after(() => store.close());
  const snapshot = async () => (await store.listEvents({ sort: "date" })).items.map((e) => e.sources.map((s) => s.mentionId).sort().join(" ")).sort();
  const agreesWithReresolution = async (step: string) => {
    const incremental = await snapshot();
    await store.reresolve();
    assert.deepEqual(incremental, await snapshot(), step);
  };
  // A report dated only "in March" links to a bombing early in the month and to one late in it;
  // the two cannot be one event, so one of those links is refused and all three are one component.
  const march = { ...mention("m", {}), date: { start: "2021-03-01", end: "2021-03-31", precision: "month" as const, text: "in March", provenance: "stated" as const } };
  await ingestOne(store, doc("early", "Early in March a bomber struck the market."), "", [mention("early", { date: "2021-03-07" })]);
  await ingestOne(store, doc("late", "Late in March a bomber struck the market."), "", [mention("late", { date: "2021-03-20" })]);
  await ingestOne(store, doc("m", "In March a bomber struck the market."), "", [march]);
  await agreesWithReresolution("three reports");
  assert.equal((await snapshot()).length, 2);

  // Events written before their components were recorded (migration 0005) count as one component.
  const raw = rawConnection(t, path);
  await raw.updateTable("events").set({ component: "" }).execute();
  await ingestOne(store, doc("again", "A bomber struck the market early in March."), "", [mention("again", { date: "2021-03-08" })]);
  assert.deepEqual(await raw.selectFrom("events").select("id").where("component", "=", "").execute(), []);
  await agreesWithReresolution("over events from before components");

  // A new version of the vague report, now dated to the day, gives way to its own mentions.
  await ingestOne(store, doc("m", "On 20 March a bomber struck the market."), "", [mention("m", { date: "2021-03-20" })]);
  await agreesWithReresolution("after a new version");
  assert.equal((await store.listMentions({})).items.length, 4);
});
