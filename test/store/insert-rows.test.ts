import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { insertRows } from "../../src/store/insert-rows.js";
import { openStore } from "../../src/store/open.js";
import type { Schema } from "../../src/store/schema.js";
import { tempDir } from "./fixtures.js";

test("rows of one shape are inserted again and again with new values, in any number", async (t) => {
  const path = join(tempDir(t), "s.db");
  await (await openStore({ path })).close();
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: new Database(path) }) });
  t.after(() => db.destroy());
  const row = (n: number) => ({ kind: "merge", mention_ids: `["m${n}"]`, at: `2021-03-0${n}` });
  assert.deepEqual(await insertRows(db, "decisions", [row(1)], ["seq"]), [{ seq: 1 }]);
  assert.deepEqual(await insertRows(db, "decisions", [row(2), row(3)], ["seq"]), [{ seq: 2 }, { seq: 3 }]);
  assert.deepEqual(await insertRows(db, "decisions", [row(4)]), []);
  assert.deepEqual(await insertRows(db, "decisions", []), []);
  const stored = await db.selectFrom("decisions").select(["seq", "mention_ids", "at"]).orderBy("seq").execute();
  assert.deepEqual(stored.map((r) => [r.seq, r.mention_ids, r.at]), [1, 2, 3, 4].map((n) => [n, `["m${n}"]`, `2021-03-0${n}`]));
});
