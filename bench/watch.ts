import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { projectRoot } from "../src/paths.js";
import { openStore } from "../src/store/open.js";
import { FeedServer } from "../test/watch/feed-server.js";
import { alertsMatching } from "./alerts-matching.js";
import { buildStream } from "./corpus.js";

// `sitrep watch` as a user runs it (a process of its own, on a SQLite store) over feeds on a
// loopback server in this process. Each part of the bench is a function adding its figures; the
// alerts' figures join the list at the end.

const FEEDS = 200;
const ITEMS_A_FEED = 50;
/** A new item every this many ms, to a feed picked in turn, NEW_ITEMS times. */
const NEW_ITEMS = 100;
const NEW_ITEM_EVERY_MS = 100;
/** The sources' interval: the schedule's share of a new item's wait is half of it on average. */
const EVERY_MS = 5000;
const IDLE_WINDOW_MS = 30_000;
const bin = join(projectRoot, "bin/sitrep.js");

type Figures = Record<string, number | string>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function query<T>(db: string, text: string, ...params: unknown[]): T[] {
  const sqlite = new Database(db, { readonly: true });
  try {
    return sqlite.prepare(text).all(...params) as T[];
  } finally {
    sqlite.close();
  }
}

/** Sources whose feed has been read whole and its items stored. */
const sourcesRead = (db: string) =>
  query<{ n: number }>(db, "SELECT count(*) AS n FROM sources WHERE last_polled_at IS NOT NULL AND failures = 0 AND seen <> '{}'")[0]!.n;

/** When each of the documents `ids` that is stored was stored. */
const storedAt = (db: string, ids: string[]) =>
  new Map(query<{ id: string; ingested_at: string }>(db, "SELECT id, ingested_at FROM documents WHERE id IN (SELECT value FROM json_each(?))", JSON.stringify(ids)).map((r) => [r.id, Date.parse(r.ingested_at)]));

async function until(what: string, condition: () => boolean, ms: number): Promise<void> {
  for (const deadline = Date.now() + ms; !condition(); await sleep(100)) if (Date.now() > deadline) throw new Error(`bench/watch: gave up waiting for ${what}`);
}

/** CPU seconds (user and system) the process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  // utime and stime, the 14th and 15th fields of the line, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** 200 feeds of 50 items: their first ingest, the wait of a new item, the CPU of a poll cycle where every feed answers 304. */
async function polling(dir: string): Promise<Figures> {
  const server = await new FeedServer().start();
  const db = join(dir, "watch.db");
  // The stream holds exact copies (syndication), which the store would keep once: each item its own text.
  const texts = buildStream(FEEDS * ITEMS_A_FEED + NEW_ITEMS).map((d, i) => `${d.text!}\n\nBench item ${i}.`);
  const paths = Array.from({ length: FEEDS }, (_, i) => `/feed-${i}`);
  const store = await openStore({ db });
  try {
    for (const [i, path] of paths.entries()) {
      server.feed(path);
      for (let n = 0; n < ITEMS_A_FEED; n++) server.add(path, { text: texts[i * ITEMS_A_FEED + n]! });
      await store.sources.add({ url: server.base + path, everyMs: EVERY_MS, follow: false }, new Date());
    }
  } finally {
    await store.close();
  }
  // No delay between requests to a host: every feed is on the one loopback host.
  const watcher = spawn(process.execPath, [bin, "watch", "--allow-private", "--host-delay", "0s", "--db", db], { stdio: ["ignore", "ignore", "pipe"] });
  // Polls that failed (timeouts, mostly, while extraction holds the watcher's one thread): retried with backoff.
  let failedPolls = 0;
  watcher.stderr!.setEncoding("utf8").on("data", (d: string) => (failedPolls += d.split(" in a row;").length - 1));
  try {
    const started = Date.now();
    await until("the feeds read", () => sourcesRead(db) === FEEDS, 1_800_000);
    const documents = query<{ n: number }>(db, "SELECT count(*) AS n FROM documents")[0]!.n;
    const firstIngest = (Date.now() - started) / 1000;
    const firstFailedPolls = failedPolls;

    const added = new Map<string, number>();
    for (let n = 0; n < NEW_ITEMS; n++) {
      const path = paths[(n * 37) % FEEDS]!;
      added.set(server.add(path, { text: texts[FEEDS * ITEMS_A_FEED + n]! }), Date.now());
      await sleep(NEW_ITEM_EVERY_MS);
    }
    let stored = new Map<string, number>();
    await until("the new items", () => (stored = storedAt(db, [...added.keys()])).size === added.size, 900_000);
    const waits = [...added].map(([id, at]) => stored.get(id)! - at).sort((a, b) => a - b);

    // Idle: one full cycle with nothing new first, so that every feed's last answer was a 304.
    await sleep(EVERY_MS * 2);
    const answered304 = () => server.requests.filter((r) => r.status === 304).length;
    const [cpuBefore, before] = [cpuSeconds(watcher.pid!), answered304()];
    await sleep(IDLE_WINDOW_MS);
    const [cpuAfter, after] = [cpuSeconds(watcher.pid!), answered304()];
    const cycles = (after - before) / FEEDS;
    return {
      "watch.feeds": FEEDS,
      "watch.first_ingest_documents": documents,
      "watch.first_ingest_s": Math.round(firstIngest * 10) / 10,
      "watch.first_ingest_failed_polls": firstFailedPolls,
      "watch.every_s": EVERY_MS / 1000,
      "watch.new_item_p50_ms": percentile(waits, 50),
      "watch.new_item_p99_ms": percentile(waits, 99),
      "watch.idle_cycles": Math.round(cycles * 10) / 10,
      "watch.idle_cpu_ms_per_cycle": Math.round(((cpuAfter - cpuBefore) * 1000) / cycles),
      "watch.idle_cpu_us_per_poll": Math.round(((cpuAfter - cpuBefore) * 1e6) / (after - before)),
      "watch.failed_polls_after_first_ingest": failedPolls - firstFailedPolls,
    };
  } finally {
    watcher.kill("SIGTERM");
    await new Promise((resolve) => watcher.once("exit", resolve));
    await server.stop();
  }
}

const PARTS: ((dir: string) => Promise<Figures>)[] = [polling, () => alertsMatching()];

export async function run(): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-watch-"));
  try {
    const figures: Figures = {};
    for (const part of PARTS) Object.assign(figures, await part(dir));
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) console.table(await run());
