import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { WatchIndex } from "../src/alerts/match.js";
import { watchlistInput, type WatchFilter } from "../src/alerts/watchlist.js";
import { activeCodebook } from "../src/codebook/load.js";
import { extractor, type Extractor } from "../src/extract/pool.js";
import { countryNames, countryPlace } from "../src/geo/countries.js";
import { ingestItems } from "../src/ingest/service.js";
import { readSources } from "../src/ingest/sources.js";
import type { EventRecord } from "../src/model.js";
import { openStore } from "../src/store/open.js";
import { eventColumns } from "../src/store/rows.js";
import type { SqlStore } from "../src/store/sql-store.js";
import { buildStream, mulberry32 } from "./corpus.js";

// Watchlist matching, on one core: 1,000 watchlists of every kind (countries, points and radii,
// polygons, types, actors, tolls, words) over the bench's news stream: each in a country of the
// world's (desks watching their own regions), spread over the world's countries but some of them
// anywhere (an actor's, a toll's), and all on the stream's eight (the worst case: an event fires
// dozens). What it costs ingest, timed inside the store's hook (SqlWatchlists.fire, SQL
// included) against the whole ingest of the same run (two runs differ by more than the hook costs on
// a shared machine), the same stream without watchlists beside it; then the in-memory matching
// alone over the stream's events again and again. The `watch` bench section
// runs it (bench/watch.ts).

const WATCHLISTS = 1000;
const DOCUMENTS = 400;
const MATCH_PASSES = 200;
/** The stream's countries: every watchlist on them is the worst case, most events firing dozens. */
const STREAM_COUNTRIES = ["IQ", "NG", "AF", "SO", "PK", "SY", "BF", "ML"];
const TYPES = ["BOMBING_EXPLOSION", "ARMED_ASSAULT", "HOSTAGE_TAKING_KIDNAPPING", "BATTLES", "EXPLOSIONS_REMOTE_VIOLENCE", "VIOLENCE_AGAINST_CIVILIANS", "SUICIDE_BOMB", "AIR_DRONE_STRIKE"];
const ACTORS = ["islamic state", "boko haram", "taliban", "al-shabaab", "jnim", "haqqani"];
const WORDS = ["market", "checkpoint", "convoy", "mosque", "police", "school"];

/**
 * Watchlists of every kind over `countries`, the same on every run; `regional`: each also names a
 * country, as a desk watching its own region's would (otherwise an actor's, a toll's or an area's
 * watchlist may match anywhere).
 */
export function benchWatchlists(n: number, countries: string[], regional = false): WatchFilter[] {
  const rng = mulberry32(20_261_208);
  const pick = <T>(list: T[]) => list[Math.floor(rng() * list.length)]!;
  const point = () => {
    const c = countryPlace(pick(countries))!;
    return { country: c.country!, lat: c.lat! + (rng() - 0.5) * 6, lon: c.lon! + (rng() - 0.5) * 6 };
  };
  const made = Array.from({ length: n }, (): WatchFilter => {
    const kind = rng();
    if (kind < 0.3) return { country: pick(countries), ...(rng() < 0.5 ? { type: pick(TYPES) } : {}) };
    if (kind < 0.6) {
      const p = point();
      return { country: p.country, near: { lat: p.lat, lon: p.lon, km: 20 + rng() * 280 } };
    }
    if (kind < 0.75) {
      const p = point();
      const d = 0.5 + rng() * 2;
      const ring: [number, number][] = [[p.lon - d, p.lat - d], [p.lon + d, p.lat - d], [p.lon + d * 0.3, p.lat + d], [p.lon - d, p.lat + d], [p.lon - d, p.lat - d]];
      return { area: { type: "MultiPolygon", coordinates: [[ring]] }, ...(rng() < 0.5 ? { minKilled: 1 } : {}) };
    }
    if (kind < 0.85) return { actor: pick(ACTORS) };
    if (kind < 0.95) return { minKilled: 1 + Math.floor(rng() * 20), ...(rng() < 0.5 ? { country: pick(countries) } : {}) };
    return { text: pick(WORDS), country: pick(countries) };
  });
  if (!regional) return made;
  return made.map((f) => (f.country ? f : { ...f, country: f.area ? countryOf(f.area.coordinates[0]![0]![0]!, countries) : pick(countries) }));
}

/** The country of `countries` whose centroid is nearest a position: where an area's desk sits. */
function countryOf([lon, lat]: [number, number], countries: string[]): string {
  const distance = (c: string) => {
    const p = countryPlace(c)!;
    return (p.lat! - lat) ** 2 + (p.lon! - lon) ** 2;
  };
  return countries.reduce((best, c) => (distance(c) < distance(best) ? c : best));
}

const since = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

/** Ingests the stream into a fresh store; with `watchlists`, the seconds spent in their hook too. */
async function ingest(path: string, input: string, extract: Extractor, watchlists: WatchFilter[]): Promise<{ store: SqlStore; seconds: number; storeSeconds: number; fireSeconds: number }> {
  const store = await openStore({ db: path });
  for (const [i, filter] of watchlists.entries()) await store.watchlists.add(watchlistInput({ name: `w${i}`, filter, webhook: null }));
  let fireNs = 0n;
  const fire = store.watchlists.fire;
  // The hook is an own property the store hands its resolver: timed where it is read.
  Object.defineProperty(store.watchlists, "fire", {
    value: async (...args: Parameters<typeof fire>) => {
      const started = process.hrtime.bigint();
      try {
        return await fire(...args);
      } finally {
        fireNs += process.hrtime.bigint() - started;
      }
    },
  });
  let storeNs = 0n;
  const timed = Object.create(store) as SqlStore;
  timed.ingest = async (entries) => {
    const started = process.hrtime.bigint();
    try {
      return await store.ingest(entries);
    } finally {
      storeNs += process.hrtime.bigint() - started;
    }
  };
  const started = process.hrtime.bigint();
  const report = await ingestItems(timed, readSources([input]), { extract });
  if (report.errors.length > 0) throw new Error(`alerts bench: ${report.errors.length} errors`);
  return { store, seconds: since(started), storeSeconds: Number(storeNs) / 1e9, fireSeconds: Number(fireNs) / 1e9 };
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
const pct = (part: number, whole: number) => round((part / whole) * 100, 1);

/** One mix of watchlists over the stream: what firing costs ingest, and matching alone in memory. */
async function mix(dir: string, name: string, input: string, extract: Extractor, filters: WatchFilter[]): Promise<Record<string, number>> {
  const watched = await ingest(join(dir, `${name}.db`), input, extract, filters);
  const alerts = await watched.store.watchlists.alerts({ limit: 1_000_000 });
  const events = (await watched.store.listEvents({})).items;
  await watched.store.close();
  const index = new WatchIndex(filters.map((filter, i) => ({ id: `w${i}`, filter })));
  const columns = events.map((e: EventRecord) => eventColumns(e));
  let matched = 0;
  const started = process.hrtime.bigint();
  for (let pass = 0; pass < MATCH_PASSES; pass++) for (const c of columns) matched += index.matching(c).length;
  const matchSeconds = since(started);
  return {
    [`${name}: alerts fired`]: alerts.length,
    [`${name}: alerts per event`]: round(alerts.length / events.length, 1),
    [`${name}: ingest s`]: round(watched.seconds, 2),
    [`${name}: firing s (the store's hook, SQL included)`]: round(watched.fireSeconds, 3),
    [`${name}: firing % of ingest`]: pct(watched.fireSeconds, watched.seconds),
    [`${name}: firing µs per alert`]: round((watched.fireSeconds / Math.max(1, alerts.length)) * 1e6, 1),
    [`${name}: in-memory events matched/s`]: Math.round((MATCH_PASSES * columns.length) / matchSeconds),
    [`${name}: in-memory alerts matched/s`]: Math.round(matched / matchSeconds),
  };
}

export async function alertsMatching(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-alerts-"));
  const extract = extractor({ codebook: activeCodebook() }, 1);
  try {
    const input = join(dir, "stream.jsonl");
    writeFileSync(input, buildStream(DOCUMENTS).map((d) => JSON.stringify(d)).join("\n") + "\n");
    const world = [...countryNames().byCode.keys()];
    // Warm-up: extraction's lexicons and the code, once per process.
    await (await ingest(join(dir, "warm.db"), input, extract, benchWatchlists(10, STREAM_COUNTRIES))).store.close();
    const plain = await ingest(join(dir, "plain.db"), input, extract, []);
    const events = (await plain.store.stats()).events;
    await plain.store.close();
    return {
      watchlists: WATCHLISTS,
      documents: DOCUMENTS,
      events,
      "ingest s, no watchlists": round(plain.seconds, 2),
      "store and resolve s, no watchlists": round(plain.storeSeconds, 2),
      ...(await mix(dir, "regional, over the world's countries", input, extract, benchWatchlists(WATCHLISTS, world, true))),
      ...(await mix(dir, "over the world's countries", input, extract, benchWatchlists(WATCHLISTS, world))),
      ...(await mix(dir, "all on the stream's 8 countries", input, extract, benchWatchlists(WATCHLISTS, STREAM_COUNTRIES))),
    };
  } finally {
    await extract.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) console.table(await alertsMatching());
