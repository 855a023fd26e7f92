import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test, type TestContext } from "node:test";
import Database from "better-sqlite3";
import { sql } from "kysely";
import { openStore } from "../../src/store/open.js";
import { freshDatabase, rawConnection } from "../store/engines.js";
import { tempDir } from "../store/fixtures.js";
import { feedServer } from "../watch/feed-server.js";
import { waitFor } from "../watch/wait.js";
import { sitrep, sitrepBin } from "./run.js";

// `sitrep watch` as a user runs it: a child process, killed, restarted, or two at once.

interface Watcher {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWatch(t: TestContext, db: string): Watcher {
  const child = spawn(process.execPath, [sitrepBin, "watch", "--allow-private", "--host-delay", "0s", "--db", db], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  return { child, stderr: () => stderr, exited };
}

function documentIds(db: string): string[] {
  if (!existsSync(db)) return [];
  const sqlite = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (sqlite.prepare("SELECT id FROM documents").all() as { id: string }[]).map((r) => r.id);
  } catch {
    return []; // not migrated yet
  } finally {
    sqlite.close();
  }
}

test("a watcher killed with SIGKILL mid-run and started again loses no item and stores none twice", async (t) => {
  const ITEMS = 12;
  const server = await feedServer(t);
  const db = join(tempDir(t), "s.db");
  const added = await sitrep(["sources", "add", server.feed("/live", 1), "--every", "1s", "--allow-private", "--db", db]);
  assert.equal(added.code, 0, added.stderr);
  let items = 1;
  const adding = setInterval(() => items < ITEMS && (server.add("/live"), items++), 250);
  t.after(() => clearInterval(adding));

  const first = startWatch(t, db);
  await waitFor("a few items stored", () => documentIds(db).length >= 3);
  first.child.kill("SIGKILL");
  assert.equal((await first.exited).signal, "SIGKILL");
  const atKill = documentIds(db).length;
  assert.ok(atKill < ITEMS, `killed part-way (${atKill} stored)`);

  const second = startWatch(t, db);
  await waitFor("every item stored", () => items === ITEMS && documentIds(db).length >= ITEMS, 60_000);
  second.child.kill("SIGTERM");
  assert.deepEqual(await second.exited, { code: 0, signal: null });
  assert.match(second.stderr(), /sitrep: stopped watching /);
  const ids = documentIds(db);
  assert.equal(ids.length, ITEMS);
  assert.equal(new Set(ids).size, ITEMS);
});

test("two watchers on PostgreSQL poll each source once per due time", async (t) => {
  const SOURCES = 20;
  const server = await feedServer(t);
  const db = await freshDatabase(t);
  const store = await openStore({ db });
  const paths = Array.from({ length: SOURCES }, (_, i) => `/feed-${i}`);
  try {
    for (const path of paths) await store.sources.add({ url: server.feed(path, 1), everyMs: 3_600_000, follow: false }, new Date());
  } finally {
    await store.close();
  }
  const watchers = [startWatch(t, db), startWatch(t, db)];
  const polled = (times: number) => paths.every((p) => server.requestsTo(p).length >= times);
  const raw = rawConnection(t, db);
  const finished = async () => (await raw.selectFrom("sources").select("id").where("last_polled_at", "is not", null).where("claim", "is", null).execute()).length === SOURCES;
  await waitFor("every source polled", async () => polled(1) && (await finished()), 60_000);
  // Every source due again at once, for both watchers to claim.
  await sql`UPDATE sources SET next_due = ${new Date().toISOString()}`.execute(raw);
  await waitFor("every source polled again", () => polled(2), 60_000);
  // Both watchers look at the store a few more times: a source polled twice would show now.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  for (const w of watchers) w.child.kill("SIGTERM");
  for (const w of watchers) assert.deepEqual(await w.exited, { code: 0, signal: null }, w.stderr());
  assert.deepEqual(
    paths.map((p) => server.requestsTo(p).length),
    paths.map(() => 2),
  );
  const logged = watchers.flatMap((w) => w.stderr().split("\n").filter((l) => / 1 new, /.test(l)));
  assert.equal(logged.length, SOURCES, "each source's item stored once, by one of the watchers");
});
