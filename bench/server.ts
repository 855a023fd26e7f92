import { fork } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Mention } from "../src/model.js";
import { projectRoot } from "../src/paths.js";
import { createServer } from "../src/server/listen.js";
import { openStore } from "../src/store/open.js";
import { contentHash } from "../src/store/content-hash.js";
import type { IngestEntry, Store } from "../src/store/store.js";

// Load on the events endpoint: a store of 100,000 events, 200 connections for 10 s each run.
// The store is built once through store.ingest (generated one-mention documents, resolved as any
// other) and kept in data/bench/ (gitignored), since building it takes many minutes and the load
// runs take seconds.

const EVENTS = 100_000;
const CONNECTIONS = 200;
const SECONDS = 10;
const dbPath = join(projectRoot, "data/bench/server-100k.db");

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  requests?: { path: string }[];
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const COUNTRIES: [code: string, lat: number, lon: number][] = [
  ["NG", 9.1, 8.7], ["SO", 5.2, 46.2], ["AF", 33.9, 67.7], ["IQ", 33.2, 43.7], ["SY", 34.8, 39.0],
  ["LY", 26.3, 17.2], ["ML", 17.6, -4.0], ["PK", 30.4, 69.3], ["CO", 4.6, -74.3], ["PH", 12.9, 121.8],
  ["YE", 15.6, 48.5], ["BF", 12.2, -1.6], ["NE", 17.6, 8.1], ["CD", -4.0, 21.8], ["MZ", -18.7, 35.5],
  ["KE", -0.02, 37.9], ["EG", 26.8, 30.8], ["IN", 20.6, 79.0], ["MX", 23.6, -102.6], ["UA", 48.4, 31.2],
];
const TYPES: [attack: string, event: string][] = [
  ["BOMBING_EXPLOSION", "EXPLOSIONS_REMOTE_VIOLENCE"],
  ["ARMED_ASSAULT", "VIOLENCE_AGAINST_CIVILIANS"],
  ["HOSTAGE_TAKING_KIDNAPPING", "VIOLENCE_AGAINST_CIVILIANS"],
  ["ARMED_ASSAULT", "BATTLES"],
  ["FACILITY_INFRASTRUCTURE_ATTACK", "VIOLENCE_AGAINST_CIVILIANS"],
];
const ACTORS = ["Islamic State", "al-Shabaab", "Boko Haram", "Taliban", "JNIM", "ELN", "Houthis", "unknown gunmen"];

/** A deterministic pseudo-random sequence, so every build makes the same store. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Document i and its one mention: a distinct place and day, so each becomes an event of its own. */
function generated(i: number, next: () => number): { id: string; text: string; published: string; mention: Mention } {
  const [country, clat, clon] = COUNTRIES[i % COUNTRIES.length]!;
  const [attack, event] = TYPES[Math.floor(next() * TYPES.length)]!;
  const actor = ACTORS[Math.floor(next() * ACTORS.length)]!;
  const day = new Date(Date.UTC(2010, 0, 1) + Math.floor(i / COUNTRIES.length) * 86_400_000 * 0.73).toISOString().slice(0, 10);
  const lat = clat + (next() - 0.5) * 6;
  const lon = clon + (next() - 0.5) * 6;
  const killed = next() < 0.2 ? undefined : Math.floor(next() * 30);
  const place = `Town ${i}`;
  const sentence = `Attackers struck near ${place} on ${day}${killed === undefined ? "" : `, killing ${killed} people`}, officials said.`;
  const text = `${sentence} ${actor} was blamed for the attack.`;
  const evidence = [{ field: "sentence", start: 0, end: sentence.length, text: sentence }];
  return {
    id: `bench-${i}`,
    text,
    published: day,
    mention: {
      documentId: `bench-${i}`,
      id: `bench-${i}-m1`,
      date: { start: day, end: day, precision: "day", text: `on ${day}`, provenance: "stated" },
      location: { name: place, country, admin1: null, lat, lon, geonameId: null, precision: "city", provenance: "stated", text: place },
      attackTypes: [attack],
      eventType: event,
      subEventType: null,
      perpetrators: actor === "unknown gunmen" ? [] : [{ name: actor, kind: "organization", text: actor }],
      targets: [],
      victims: [],
      weapons: [],
      killed: killed === undefined ? undefined : { value: killed, text: `killing ${killed} people` },
      claimed: false,
      claim: null,
      suicide: false,
      sentence,
      evidence,
      confidence: 0.8,
    },
  };
}

/**
 * Opens the bench store, adding whatever documents it still lacks. The generator is seeded, so a
 * build that was interrupted resumes where it stopped: documents are stored in order, one a transaction.
 */
async function buildStore(): Promise<{ store: Store; buildSeconds: number | null }> {
  mkdirSync(dirname(dbPath), { recursive: true });
  const store = await openStore({ db: dbPath });
  const have = (await store.stats()).documents;
  if (have >= EVENTS) return { store, buildSeconds: null };
  const next = random(42);
  const started = performance.now();
  let batch: IngestEntry[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const g = generated(i, next);
    if (i < have) continue;
    batch.push({
      doc: { id: g.id, text: g.text, clean: g.text, published: g.published, outlet: "Bench Wire", publishedFrom: "given" },
      raw: g.text,
      hash: contentHash(g.text),
      mentions: [g.mention],
    });
    if (batch.length === 100 || i === EVENTS - 1) {
      await store.ingest(batch);
      batch = [];
    }
    if ((i + 1) % 5000 === 0) process.stderr.write(`bench/server: stored ${i + 1} of ${EVENTS} documents\n`);
  }
  return { store, buildSeconds: (performance.now() - started) / 1000 };
}

async function load(url: string, requests?: { path: string }[]): Promise<AutocannonResult> {
  return autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests });
}

export async function run(): Promise<Record<string, number | string>> {
  const { store, buildSeconds } = await buildStore();
  const stats = await store.stats();
  const figures: Record<string, number | string> = {
    "server.events": stats.events,
    "server.store_build_s": buildSeconds === null ? "reused" : Math.round(buildSeconds),
  };
  // A dashboard's traffic: the same few pages asked by many readers, then a spread of filters and
  // pages, then the store's own cost with the cache off.
  const spread = COUNTRIES.flatMap(([country]) => [0, 50, 100, 150, 200].map((offset) => ({ path: `/api/events?country=${country}&offset=${offset}` })));
  const runs: [name: string, ttl: number | undefined, requests?: { path: string }[]][] = [
    ["events", undefined],
    ["events_100_filters", undefined, spread],
    ["events_uncached", 0],
  ];
  await store.close();
  for (const [name, ttl, requests] of runs) {
    // The server runs in a process of its own, as in production: the load generator must not
    // share its one JavaScript thread.
    const server = await serveInChild(ttl);
    try {
      const r = await load(`${server.url}/api/events`, requests);
      figures[`server.${name}.req_per_s`] = Math.round(r.requests.average);
      figures[`server.${name}.p50_ms`] = r.latency.p50;
      figures[`server.${name}.p99_ms`] = r.latency.p99;
      figures[`server.${name}.errors`] = r.errors + r.timeouts + r.non2xx;
    } finally {
      server.stop();
    }
  }
  return figures;
}

/** Starts this module as a child process that serves the bench store; resolves with its URL. */
function serveInChild(ttl: number | undefined): Promise<{ url: string; stop(): void }> {
  const child = fork(fileURLToPath(import.meta.url), [SERVE_CHILD, String(ttl ?? "")], { stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`bench/server: the server process exited (${code})`)));
    child.once("message", (m) => resolve({ url: (m as { url: string }).url, stop: () => child.kill() }));
  });
}

async function serveChild(ttl: string): Promise<void> {
  const store = await openStore({ db: dbPath });
  const server = await createServer(store, { host: "127.0.0.1", port: 0, ...(ttl ? { cacheTtlMs: Number(ttl) } : {}) });
  process.send!({ url: server.url });
}

const SERVE_CHILD = "--serve-child";

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === SERVE_CHILD) await serveChild(process.argv[3] ?? "");
  else for (const [name, value] of Object.entries(await run())) console.log(`${name}\t${value}`);
}
