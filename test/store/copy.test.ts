import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { watchlistInput } from "../../src/alerts/watchlist.js";
import { copyStore } from "../../src/store/copy.js";
import { openStore } from "../../src/store/open.js";
import { freshDatabase, rawConnection } from "./engines.js";
import { doc, entry, mention, tempDir, ingestOne } from "./fixtures.js";

const MARKET = "A bomber blew himself up at a crowded market in Maiduguri on Sunday, killing four traders, police said.";

test("copy moves a SQLite store into PostgreSQL whole, resumes where it stopped, and the copy goes on as a store", async (t) => {
  const path = join(tempDir(t), "s.db");
  const sqlite = await openStore({ db: path });
  t.after(() => sqlite.close());
  await sqlite.watchlists.add(watchlistInput({ name: "Borno", filter: { country: "NG" }, webhook: "https://desk.example/hook", secret: "s" }));
  const url = "https://news.example/market";
  await ingestOne(sqlite, doc("a", MARKET, { url, title: "Market" }), `<p>${MARKET}</p>`, [mention("a", { killed: 4 })]);
  await ingestOne(sqlite, doc("a", `${MARKET} Six died later.`, { url }), "", [mention("a", { killed: 6 })]);
  await ingestOne(sqlite, doc("b", "Gunmen raided a village near Bama on Sunday."), "", [mention("b", { date: "2021-05-02", place: "Bama", lat: 11.52, lon: 13.69 })]);
  await ingestOne(sqlite, doc("c", "Another bomber struck the Maiduguri market on Sunday."), "", [mention("c", { date: "2021-05-09" })]);
  const [first, second] = (await sqlite.listEvents({ sort: "date" })).items;
  await sqlite.mergeEvents([first!.id, second!.id]);

  const target = await freshDatabase(t);
  const report = await copyStore(path, target);
  const alerts = (await sqlite.watchlists.alerts()).length;
  assert.ok(alerts > 0);
  assert.deepEqual(report.rows, {
    documents: 4,
    document_bands: report.rows.document_bands,
    near_duplicates: report.rows.near_duplicates,
    mentions: 4,
    events: 2,
    event_sources: 3,
    decisions: 1,
    watchlists: 1,
    alerts,
    alert_events: report.rows.alert_events,
    alert_documents: report.rows.alert_documents,
    alert_attempts: 0,
  });
  // A second run, as after a copy that stopped, finds everything there and writes nothing.
  assert.equal((await copyStore(path, target)).copied, 0);

  const copy = await openStore({ db: target });
  t.after(() => copy.close());
  for (const read of [
    (s: typeof copy) => s.listEvents({}),
    (s: typeof copy) => s.listMentions({}),
    (s: typeof copy) => s.stats(),
    (s: typeof copy) => s.getDocument("a"),
    (s: typeof copy) => s.watchlists.list(),
    (s: typeof copy) => s.watchlists.alerts(),
  ]) {
    assert.deepEqual(await read(copy), await read(sqlite));
  }
  assert.deepEqual((await copy.listDocuments({ text: "market" })).items.map((d) => [d.id, d.version]).sort(), [["a", 2], ["c", 1]]);
  // New rows take numbers after the copied ones, and the analyst's merge still holds.
  assert.equal((await copy.ingest([entry(doc("d", "Fighters shelled Gwoza on Tuesday."), "", [])]))[0]!.status, "new");
  assert.equal(await copy.reresolve(), 2);
  const { rows } = await rawConnection(t, target).selectFrom("documents").select(["id", "seq"]).orderBy("seq").execute().then((r) => ({ rows: r }));
  assert.deepEqual(rows.map((r) => r.id), ["a", "a", "b", "c", "d"]);
  await assert.rejects(copyStore(target, path), /--from is a SQLite file and --to a postgres:\/\/ URL/);
});
