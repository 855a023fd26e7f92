import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { openStore } from "../../src/store/open.js";
import { freshDatabase } from "../store/engines.js";
import { doc, mention, tempDir, ingestOne } from "../store/fixtures.js";
import { sitrep } from "./run.js";

test("copy from the command line says what the PostgreSQL store now holds; a missing SQLite file is refused", async (t) => {
  const path = join(tempDir(t), "s.db");
  const store = await openStore({ db: path });
  await ingestOne(store, doc("kano", "A car bomb went off in Kano."), "", [mention("kano", { place: "Kano", lat: 12.0, lon: 8.52 })]);
  await store.close();
  const url = await freshDatabase(t);
  const run = await sitrep(["copy", "--from", path, "--to", url]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /holds what .*s\.db holds \(1 documents, \d+ document_bands, 0 near_duplicates, 1 mentions, 1 events, 1 event_sources, 0 decisions, 0 watchlists, 0 alerts, 0 alert_events, 0 alert_documents, 0 alert_attempts\); \d+ rows copied now/);
  const events = await sitrep(["events", "--db", url, "--format", "json"]);
  assert.equal(JSON.parse(events.stdout).length, 1);
  const missing = await sitrep(["copy", "--from", join(tempDir(t), "none.db"), "--to", url]);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /no store at .*none\.db/);
});
