import assert from "node:assert/strict";
import { insertRows } from "../../src/store/insert-rows.js";
import { openStore } from "../../src/store/open.js";
import { freshLocation, rawConnection, testEngines } from "./engines.js";

testEngines("rows of one shape are inserted again and again with new values, in any number", async (t, engine) => {
  const path = await freshLocation(t, engine);
  await (await openStore({ db: path })).close();
  const db = rawConnection(t, path);
  const row = (n: number) => ({ kind: "merge", mention_ids: `["m${n}"]`, at: `2021-03-0${n}` });
  assert.deepEqual(await insertRows(db, "decisions", [row(1)], ["seq"]), [{ seq: 1 }]);
  assert.deepEqual(await insertRows(db, "decisions", [row(2), row(3)], ["seq"]), [{ seq: 2 }, { seq: 3 }]);
  assert.deepEqual(await insertRows(db, "decisions", [row(4)]), []);
  assert.deepEqual(await insertRows(db, "decisions", []), []);
  const stored = await db.selectFrom("decisions").select(["seq", "mention_ids", "at"]).orderBy("seq").execute();
  assert.deepEqual(stored.map((r) => [r.seq, r.mention_ids, r.at]), [1, 2, 3, 4].map((n) => [n, `["m${n}"]`, `2021-03-0${n}`]));
});

testEngines("more values than one statement binds are inserted in several, all of them returned in order", async (t, engine) => {
  const path = await freshLocation(t, engine);
  await (await openStore({ db: path })).close();
  const db = rawConnection(t, path);
  // 40,000 rows of three values: 120,000 values, beyond what either engine binds in one statement.
  const rows = Array.from({ length: 40_000 }, (_, n) => ({ kind: "merge", mention_ids: `["m${n}"]`, at: "2021-03-01" }));
  const returned = await insertRows(db, "decisions", rows, ["seq"]);
  assert.deepEqual(returned.map((r) => r.seq), rows.map((_, n) => n + 1));
  const { count } = await db.selectFrom("decisions").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  assert.equal(Number(count), 40_000);
});
