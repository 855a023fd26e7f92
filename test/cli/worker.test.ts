import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { buildStream } from "../../bench/corpus.js";
import type { JobsReport } from "../../src/cli/jobs.js";
import { projectRoot } from "../../src/paths.js";
import { openStore } from "../../src/store/open.js";
import { freshDatabase } from "../store/engines.js";
import { tempDir } from "../store/fixtures.js";
import { sitrep, sitrepBin } from "./run.js";

const SEEDS = join(projectRoot, "../shared/dev/seeds/documents.jsonl");

/** The demo corpus and, where the development sets lie beside the repository, the seed articles, in an order of their own. */
function shuffledCorpus(dir: string): string {
  const lines = [join(projectRoot, "demo/articles.jsonl"), ...(existsSync(SEEDS) ? [SEEDS] : [])].flatMap((f) => readFileSync(f, "utf8").trim().split("\n"));
  // A fixed shuffle: the workers see the documents in an order unlike the files'.
  let seed = 7;
  for (let i = lines.length - 1; i > 0; i--) {
    seed = (seed * 48271) % 2147483647;
    const j = seed % (i + 1);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  const path = join(dir, "corpus.jsonl");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

function worker(url: string): { proc: ChildProcess; exited: Promise<number | null> } {
  // Expired jobs are put back every second, so that a killed worker's job is soon retried.
  const proc = spawn(process.execPath, [sitrepBin, "worker", "--db", url, "--maintenance", "1"], { stdio: ["ignore", "ignore", "pipe"] });
  proc.stderr!.resume();
  return { proc, exited: new Promise((resolve) => proc.on("exit", resolve)) };
}

async function jobs(url: string): Promise<JobsReport> {
  const run = await sitrep(["jobs", "--db", url, "--json"]);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as JobsReport;
}

async function untilDone(url: string, jobCount: number): Promise<JobsReport> {
  for (;;) {
    const report = await jobs(url);
    if ((report.states.completed ?? 0) + (report.states.failed ?? 0) === jobCount) return report;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function eventsOf(location: string) {
  const store = await openStore({ db: location });
  try {
    const events = (await store.listEvents({ sort: "date" })).items;
    return { documents: (await store.stats()).documents, events: events.map((e) => JSON.stringify(e)).sort() };
  } finally {
    await store.close();
  }
}

test("three workers over a shuffled corpus store what one ingest into SQLite stores: the same events, sources and conflicts", async (t) => {
  const dir = tempDir(t);
  const url = await freshDatabase(t);
  const corpus = shuffledCorpus(dir);
  const queued = await sitrep(["ingest", corpus, "--queue", "--db", url]);
  assert.equal(queued.code, 0, queued.stderr);
  const jobCount = Number(/in (\d+) jobs/.exec(queued.stderr)![1]);
  assert.ok(jobCount > 1, queued.stderr);
  assert.deepEqual((await jobs(url)).states, { created: jobCount });

  const workers = [worker(url), worker(url), worker(url)];
  const report = await untilDone(url, jobCount);
  assert.deepEqual(report, { states: { completed: jobCount }, failed: [] });
  // SIGTERM drains and ends each worker cleanly.
  for (const w of workers) w.proc.kill("SIGTERM");
  assert.deepEqual(await Promise.all(workers.map((w) => w.exited)), [0, 0, 0]);

  const sqlite = join(dir, "alone.db");
  const alone = await sitrep(["ingest", corpus, "--db", sqlite]);
  assert.equal(alone.code, 0, alone.stderr);
  assert.deepEqual(await eventsOf(url), await eventsOf(sqlite));
});

test("jobs lists the failed with their reasons and puts them back with --retry; the queue needs PostgreSQL", async (t) => {
  const url = await freshDatabase(t);
  const dir = tempDir(t);
  const corpus = join(dir, "one.jsonl");
  writeFileSync(corpus, `${JSON.stringify({ id: "x1", text: "Gunmen attacked a police post in Gao on Sunday, killing two officers." })}\n`);
  assert.equal((await sitrep(["ingest", corpus, "--queue", "--db", url, "--retries", "0"])).code, 0);
  // A store no worker can write: its documents table is gone, so the job fails as a whole.
  const store = await openStore({ db: url });
  await store.close();
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("ALTER TABLE documents RENAME TO documents_gone");
  const w = worker(url);
  const failed = await untilDone(url, 1);
  w.proc.kill("SIGTERM");
  await w.exited;
  assert.deepEqual(failed.states, { failed: 1 });
  assert.match(failed.failed[0]!.reason, /documents/);
  const listed = await sitrep(["jobs", "--db", url]);
  assert.match(listed.stdout, /^failed 1\nfailed \S+ after 0 retries: .*documents/);

  await client.query("ALTER TABLE documents_gone RENAME TO documents");
  await client.end();
  assert.equal((await sitrep(["jobs", "--db", url, "--retry"])).code, 0);
  const again = worker(url);
  for (;;) {
    const report = await jobs(url);
    if (report.states.completed === 1) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  again.proc.kill("SIGTERM");
  await again.exited;
  assert.equal((await eventsOf(url)).documents, 1);

  const sqlite = await sitrep(["worker", "--db", join(dir, "s.db")]);
  assert.notEqual(sqlite.code, 0);
  assert.match(sqlite.stderr, /the queue needs a postgres:\/\/ store/);
});

test("workers killed with kill -9 five times in a 5,000-document queue lose nothing and double nothing", async (t) => {
  const dir = tempDir(t);
  const url = await freshDatabase(t);
  const corpus = join(dir, "stream.jsonl");
  writeFileSync(corpus, buildStream(5000).map((d) => JSON.stringify(d)).join("\n") + "\n");
  // A job held for 20 s is lost: far longer than the few hundred milliseconds one takes.
  const queued = await sitrep(["ingest", corpus, "--queue", "--db", url, "--expire", "20", "--retries", "10"]);
  assert.equal(queued.code, 0, queued.stderr);
  const jobCount = Number(/in (\d+) jobs/.exec(queued.stderr)![1]);

  const workers = [worker(url), worker(url)];
  for (let kill = 0; kill < 5; kill++) {
    // At a random point of a random worker's job.
    await new Promise((resolve) => setTimeout(resolve, 1000 + Math.random() * 2000));
    const victim = workers.splice(Math.floor(Math.random() * workers.length), 1)[0]!;
    victim.proc.kill("SIGKILL");
    await victim.exited;
    workers.push(worker(url));
  }
  const report = await untilDone(url, jobCount);
  for (const w of workers) w.proc.kill("SIGTERM");
  await Promise.all(workers.map((w) => w.exited));
  assert.deepEqual(report, { states: { completed: jobCount }, failed: [] });

  const sqlite = join(dir, "clean.db");
  assert.equal((await sitrep(["ingest", corpus, "--db", sqlite])).code, 0);
  // Texts that came twice are stored under the id of whichever copy came first, so reports are
  // named by their text (its hash) and place in it: every document once, every event as clean.
  const stored = async (location: string) => {
    const store = await openStore({ db: location });
    try {
      const documents = (await store.listDocuments({})).items;
      const hashOf = new Map(documents.map((d) => [d.id, d.contentHash]));
      const report = (mentionId: string) => mentionId.replace(/^(.*)@v\d+#/, (_, id: string) => `${hashOf.get(id)}#`);
      const events = (await store.listEvents({})).items.map((e) =>
        JSON.stringify([e.sources.map((x) => report(x.mentionId)).sort(), e.date, e.location?.name, e.killed, e.wounded, e.conflicts]),
      );
      return { documents: [...hashOf.values()].sort(), mentions: (await store.stats()).mentions, events: events.sort() };
    } finally {
      await store.close();
    }
  };
  assert.deepEqual(await stored(url), await stored(sqlite));
});
