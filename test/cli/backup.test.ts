import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { openStore } from "../../src/store/open.js";
import { freshLocation } from "../store/engines.js";
import { tempDir } from "../store/fixtures.js";
import { REPORTS } from "./articles.js";
import { sitrep } from "./run.js";

test("backup writes a copy that opens as the same store, while the store stays open to a writer", async (t) => {
  const dir = tempDir(t);
  const db = join(dir, "s.db");
  const input = join(dir, "docs.jsonl");
  writeFileSync(input, REPORTS.map((text, i) => JSON.stringify({ id: `r${i}`, text, published: "2021-03-08" })).join("\n") + "\n");
  assert.equal((await sitrep(["ingest", input, "--db", db])).code, 0);
  // Another process holds the store open, as a server would.
  const inUse = await openStore({ db });
  t.after(() => inUse.close());
  const copy = join(dir, "backups", "s-copy.db");
  const run = await sitrep(["backup", copy, "--db", db]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /backed up to .*s-copy\.db/);
  const restored = await openStore({ db: copy });
  t.after(() => restored.close());
  assert.deepEqual(await restored.stats(), await inUse.stats());
  assert.deepEqual((await restored.listEvents({})).items, (await inUse.listEvents({})).items);
});

test("backup refuses to overwrite a file, a store that is not there, and a PostgreSQL store (pg_dump's job)", async (t) => {
  const dir = tempDir(t);
  const db = join(dir, "s.db");
  writeFileSync(join(dir, "taken.db"), "");
  await (await openStore({ db })).close();
  const overwrite = await sitrep(["backup", join(dir, "taken.db"), "--db", db]);
  assert.equal(overwrite.code, 2);
  assert.match(overwrite.stderr, /taken\.db exists: a backup is written to a new file/);
  assert.match((await sitrep(["backup", join(dir, "b.db"), "--db", join(dir, "missing.db")])).stderr, /no store at .*missing\.db/);
  const pg = await sitrep(["backup", join(dir, "b.db"), "--db", await freshLocation(t, "postgres")]);
  assert.equal(pg.code, 2);
  assert.match(pg.stderr, /pg_dump/);
});
