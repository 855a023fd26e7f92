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

test("more values than one statement binds are inserted in several, all of them returned in order", async (t) => {
  const path = join(tempDir(t), "s.db");
  await (await openStore({ path })).close();
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: new Database(path) }) });
  t.after(() => db.destroy());
  // 40,000 rows of three values: 120,000 values, beyond what SQLite binds in one statement.
  const rows = Array.from({ length: 40_000 }, (_, n) => ({ kind: "merge", mention_ids: `["m${n}"]`, at: "2021-03-01" }));
  const returned = await insertRows(db, "decisions", rows, ["seq"]);
  assert.deepEqual(returned.map((r) => r.seq), rows.map((_, n) => n + 1));
  const { count } = await db.selectFrom("decisions").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  assert.equal(Number(count), 40_000);
});
