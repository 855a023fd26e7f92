import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { INGEST_QUEUE } from "../src/jobs/queue.js";
import { projectRoot } from "../src/paths.js";
import { buildStream } from "./corpus.js";

// The same 10,000 documents of the news stream (corpus.ts) through 1, 2 and 4 `sitrep worker`
// processes into PostgreSQL, each run into a database of its own, timed from the workers' start
// until the queue is done; against one `sitrep ingest` of the same file into SQLite. The local
// server (SITREP_BENCH_PG names a database to create the others from) shares the two cores.
const DOCUMENTS = 10_000;
const WORKERS = [1, 2, 4];
const ADMIN_URL = process.env.SITREP_BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const bin = join(projectRoot, "bin/sitrep.js");

async function sql(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

function sitrep(args: string[]): void {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`sitrep ${args.join(" ")}: ${run.stderr}`);
}

async function throughWorkers(input: string, workers: number): Promise<number> {
  const name = `sitrep_bench_workers_${workers}`;
  await sql(ADMIN_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await sql(ADMIN_URL, `CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
  try {
    sitrep(["ingest", input, "--queue", "--db", url]);
    const { rows } = await sql(url, `SELECT count(*)::int AS n FROM pgboss.job WHERE name = '${INGEST_QUEUE}'`);
    const jobs = rows[0].n as number;
    const started = process.hrtime.bigint();
    const procs = Array.from({ length: workers }, () => spawn(process.execPath, [bin, "worker", "--db", url], { stdio: "ignore" }));
    for (;;) {
      const done = await sql(url, `SELECT count(*)::int AS n FROM pgboss.job WHERE name = '${INGEST_QUEUE}' AND state IN ('completed', 'failed')`);
      if (done.rows[0].n === jobs) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await Promise.all(procs.map((p) => new Promise((resolve) => p.on("exit", resolve).kill("SIGTERM"))));
    const failed = await sql(url, `SELECT count(*)::int AS n FROM pgboss.job WHERE state = 'failed'`);
    if (failed.rows[0].n > 0) throw new Error(`${failed.rows[0].n} jobs failed`);
    return DOCUMENTS / seconds;
  } finally {
    await sql(ADMIN_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

export async function run(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-workers-"));
  try {
    const input = join(dir, "stream.jsonl");
    writeFileSync(input, buildStream(DOCUMENTS).map((d) => JSON.stringify(d)).join("\n") + "\n");
    const started = process.hrtime.bigint();
    sitrep(["ingest", input, "--db", join(dir, "alone.db")]);
    const sqlite = DOCUMENTS / (Number(process.hrtime.bigint() - started) / 1e9);
    const figures: Record<string, number> = { documents: DOCUMENTS, "SQLite ingest documents/s": Math.round(sqlite) };
    let one = 0;
    for (const n of WORKERS) {
      const rate = await throughWorkers(input, n);
      if (n === 1) one = rate;
      figures[`${n} worker${n > 1 ? "s" : ""} on PostgreSQL documents/s`] = Math.round(rate);
      if (n > 1) figures[`${n} workers: × one worker`] = Math.round((rate / one) * 100) / 100;
    }
    figures["one worker: × SQLite ingest"] = Math.round((one / sqlite) * 100) / 100;
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) console.table(await run());
