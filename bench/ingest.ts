import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { prepareDocument } from "../src/document/prepare.js";
import { activeCodebook } from "../src/codebook/load.js";
import { CORES, extractor, type Extractor } from "../src/extract/pool.js";
import { BATCH_DOCUMENTS, ingestItems } from "../src/ingest/service.js";
import { readSources } from "../src/ingest/sources.js";
import { contentHash } from "../src/store/content-hash.js";
import { openStore } from "../src/store/open.js";
import type { SourceDocument } from "../src/model.js";
import type { Store } from "../src/store/store.js";
import { buildCorpus, buildStream } from "./corpus.js";

// Figures on one core. End to end, as `sitrep ingest` runs: JSONL read, extraction, storage
// with full-text index and near-duplicate detection, event resolution, in batches of documents
// each stored whole or not at all; then the same file again (what a rerun after a crash costs).
// Twice: on a news stream (stories of their own, one in five a syndicated copy), and on wire
// rewrites (every document rewrites one of a dozen stories), the worst case for near-duplicate
// detection: every document has dozens of near-duplicates. The stream again at 10,000 documents.
// Then the store alone on 10,000 documents without mentions: documents, versions, full-text index
// and near-duplicates.
const END_TO_END_DOCUMENTS = 1000;
const STORE_DOCUMENTS = 10_000;
// The same stream into a store ten times larger: what grows with the store shows.
const SCALE_DOCUMENTS = 10_000;

/** The store with the time spent in `ingest` counted. */
function timed(store: Store): { store: Store; seconds: () => number } {
  let ns = 0n;
  const wrapped = Object.create(store) as Store;
  wrapped.ingest = async (...args) => {
    const started = process.hrtime.bigint();
    try {
      return await store.ingest(...args);
    } finally {
      ns += process.hrtime.bigint() - started;
    }
  };
  return { store: wrapped, seconds: () => Number(ns) / 1e9 };
}

const since = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;
const mbPer10k = (bytes: number, documents: number) => Math.round((bytes / documents) * 10_000 / 1024 / 102.4) / 10;

async function endToEnd(dir: string, name: string, docs: SourceDocument[], extract: Extractor): Promise<Record<string, number>> {
  const input = join(dir, `${name}.jsonl`);
  writeFileSync(input, docs.map((d) => JSON.stringify(d)).join("\n") + "\n");
  const path = join(dir, `${name}.db`);
  const opened = await openStore({ db: path });
  const { store, seconds: storeSeconds } = timed(opened);
  let started = process.hrtime.bigint();
  const first = await ingestItems(store, readSources([input]), { extract });
  const secs = since(started);
  const { events } = await opened.stats();
  const linked = (await opened.listDocuments({ limit: docs.length })).items.filter((d) => d.nearDuplicates.length > 0).length;
  started = process.hrtime.bigint();
  const again = await ingestItems(opened, readSources([input]), { extract });
  const rerunSecs = since(started);
  await opened.close();
  if (first.errors.length > 0 || again.duplicates !== docs.length) throw new Error(`ingest bench: ${first.errors.length} errors, ${again.duplicates} duplicates on rerun`);
  return {
    [`${name}: documents`]: docs.length,
    [`${name}: documents/s`]: Math.round(docs.length / secs),
    [`${name}: store and resolve ms/document`]: Math.round((storeSeconds() / docs.length) * 100_000) / 100,
    [`${name}: documents with near-duplicates`]: linked,
    [`${name}: mentions`]: first.mentions,
    [`${name}: events`]: events,
    [`${name}: DB MB per 10,000 documents`]: mbPer10k(statSync(path).size, docs.length),
    [`${name}: rerun (all known) documents/s`]: Math.round(docs.length / rerunSecs),
  };
}

async function storeOnly(dir: string): Promise<Record<string, number>> {
  const docs = buildCorpus(STORE_DOCUMENTS).map((d) => prepareDocument(d));
  const path = join(dir, "store.db");
  const store = await openStore({ db: path });
  const started = process.hrtime.bigint();
  // In batches, as `sitrep ingest` stores them.
  for (let i = 0; i < docs.length; i += BATCH_DOCUMENTS) {
    await store.ingest(docs.slice(i, i + BATCH_DOCUMENTS).map((doc) => ({ doc, raw: doc.text, hash: contentHash(doc.clean), mentions: [] })));
  }
  const secs = since(started);
  await store.close();
  return {
    "store only: documents": docs.length,
    "store only: documents/s": Math.round(docs.length / secs),
    "store only: DB MB per 10,000 documents": mbPer10k(statSync(path).size, docs.length),
    "input text MB per 10,000 documents": mbPer10k(docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0), docs.length),
  };
}

export async function run(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-ingest-"));
  try {
    // Lexicons and the gazetteer load, and the code compiles, once per process: a first run into a
    // store of its own, so that the figures are the steady state.
    const figures: Record<string, number | string> = {};
    // As `sitrep ingest` extracts: on one thread (the default), and on one a core (--threads).
    for (const threads of [...new Set([1, CORES])]) {
      const extract = extractor({ codebook: activeCodebook() }, threads);
      const label = (name: string) => `${name}, ${threads} thread${threads > 1 ? "s" : ""}`;
      try {
        await endToEnd(dir, label("warm-up"), buildStream(200), extract);
        Object.assign(
          figures,
          await endToEnd(dir, label("news stream"), buildStream(END_TO_END_DOCUMENTS), extract),
          await endToEnd(dir, label("wire rewrites"), buildCorpus(END_TO_END_DOCUMENTS), extract),
          await endToEnd(dir, label("news stream, 10,000"), buildStream(SCALE_DOCUMENTS), extract),
        );
      } finally {
        await extract.close();
      }
    }
    return { ...figures, ...(await storeOnly(dir)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) console.table(await run());
