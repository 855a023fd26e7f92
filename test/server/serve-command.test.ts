import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EventRecord } from "../../src/model.js";
import { projectRoot } from "../../src/paths.js";
import { REPORTS } from "../cli/articles.js";
import { sitrep } from "../cli/run.js";
import { tempDir } from "../store/fixtures.js";
import { feedServer } from "../watch/feed-server.js";
import { waitFor } from "../watch/wait.js";
import { fixtureStore } from "./fixture.js";

const bin = join(projectRoot, "bin/sitrep.js");

function serve(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [bin, "serve", ...args], { env: { ...process.env, SITREP_TOKEN: "", ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const m = /at (http:\/\/\S+?)\//.exec(stderr);
      if (m) resolve(m[1]!);
    });
    void exited.then(() => reject(new Error(`sitrep serve exited: ${stderr}`)));
  });
  return { child, listening, exited, stderr: () => stderr };
}

test("sitrep serve opens the store, answers on loopback and stops cleanly on SIGTERM", { timeout: 30_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-serve-cli-"));
  try {
    const run = serve(["--db", join(dir, "new.db"), "--create", "--port", "0"]);
    const url = await run.listening;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const stats = (await (await fetch(`${url}/api/stats`)).json()) as { documents: number };
    assert.equal(stats.documents, 0);
    assert.equal((await fetch(`${url}/`)).status, 200);
    run.child.kill("SIGTERM");
    assert.equal(await run.exited, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("sitrep serve refuses a store file that is not there (a mistyped path) unless told to create it", { timeout: 30_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-serve-cli-"));
  try {
    const missing = join(dir, "sitrp.db");
    const run = serve(["--db", missing, "--port", "0"]);
    run.listening.catch(() => {});
    assert.notEqual(await run.exited, 0);
    assert.ok(run.stderr().includes(`no store at ${missing}`), run.stderr());
    assert.equal(existsSync(missing), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("sitrep serve --watch ingests the watched feeds' items while it serves", { timeout: 60_000 }, async (t) => {
  const feeds = await feedServer(t);
  const db = join(tempDir(t), "s.db");
  assert.equal((await sitrep(["sources", "add", feeds.feed("/news", 2), "--every", "1s", "--allow-private", "--db", db])).code, 0);
  const run = serve(["--db", db, "--port", "0", "--watch", "--allow-private"]);
  const url = await run.listening;
  await waitFor("the feed's items", async () => ((await (await fetch(`${url}/api/stats`)).json()) as { documents: number }).documents === 2);
  run.child.kill("SIGTERM");
  assert.equal(await run.exited, 0);
  assert.match(run.stderr(), /: 2 new, 0 versions, 0 errors\n/);
});

test("sitrep serve refuses a non-loopback address without SITREP_TOKEN, saying why", { timeout: 30_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-serve-cli-"));
  try {
    const run = serve(["--db", join(dir, "new.db"), "--create", "--host", "0.0.0.0", "--port", "0"]);
    run.listening.catch(() => {});
    assert.notEqual(await run.exited, 0);
    assert.match(run.stderr(), /SITREP_TOKEN/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Asks `check` again until it holds: another server's answers may be cached for a moment. */
async function eventually(what: string, check: () => Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 60_000; !(await check()); ) {
    if (Date.now() > deadline) assert.fail(`never: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test("two sitrep serve processes on one PostgreSQL database see each other's writes", { timeout: 180_000 }, async (t) => {
  const fixture = await fixtureStore("postgres");
  const servers = [0, 1].map(() => serve(["--db", fixture.path, "--port", "0"], { SITREP_TOKEN: "s3cret" }));
  t.after(async () => {
    await Promise.all(servers.map((s) => (s.child.kill("SIGTERM"), s.exited)));
    await fixture.dispose();
  });
  const [one, other] = await Promise.all(servers.map((s) => s.listening));
  const status = async (url: string) => (await fetch(url)).status;

  // A document stored through one server is served by the other.
  const posted = await fetch(`${one}/api/documents`, {
    method: "POST",
    body: JSON.stringify({ id: "posted-to-one", text: REPORTS[1], published: "2021-03-17" }),
    headers: { "Content-Type": "application/json", Authorization: "Bearer s3cret" },
  });
  assert.equal(posted.status, 200);
  await eventually("the other server has the posted document", async () => (await status(`${other}/api/documents/posted-to-one`)) === 200);

  // An analyst's merge (the CLI, a third process on the database) shows on both servers.
  const [first, second] = (await fixture.store.listEvents({})).items as [EventRecord, EventRecord];
  const merge = await sitrep(["event", "merge", first.id, second.id, "--db", fixture.path, "--json"]);
  assert.equal(merge.code, 0, merge.stderr);
  const merged = JSON.parse(merge.stdout) as EventRecord;
  const documentsOf = (...events: EventRecord[]) => events.flatMap((e) => e.sources.map((s) => s.documentId)).sort();
  assert.deepEqual(documentsOf(merged), documentsOf(first, second));
  const gone = [first.id, second.id].filter((id) => id !== merged.id);
  assert.equal(gone.length, 1);
  for (const url of [one, other]) {
    await eventually(`${url} serves the merged event`, async () => {
      const answer = await fetch(`${url}/api/events/${encodeURIComponent(merged.id)}`);
      const event = answer.status === 200 ? ((await answer.json()) as EventRecord) : null;
      return event !== null && documentsOf(event).join() === documentsOf(merged).join() && (await status(`${url}/api/events/${encodeURIComponent(gone[0]!)}`)) === 404;
    });
  }
});
