import { batchWithTimeout } from "streaming-iterables";
import { prepareDocument } from "../document/prepare.js";
import { extractPrepared } from "../extract/pipeline.js";
import type { ExtractOptions } from "../extract/annotated.js";
import type { Doc } from "../model.js";
import type { SourceItem } from "../ingest/types.js";
import { contentHash } from "../store/content-hash.js";
import type { IngestEntry, Store } from "../store/store.js";

// Documents are stored in batches: one commit for many documents costs a fraction of one commit
// each, since the pages they share (index leaves, the full-text index's new segment) are written
// once. A crash loses at most the batch under way, and the rerun stores it.
export const BATCH_DOCUMENTS = 128;
// A slow source (a feed fetched over the network) never keeps documents already read out of the
// store for longer than this.
const BATCH_WAIT_MS = 250;

export interface IngestReport {
  new: number;
  versions: number;
  duplicates: number;
  mentions: number;
  errors: { origin: string; reason: string }[];
}

interface Options {
  extract?: ExtractOptions;
  /** Called once per item, when it is stored, found a duplicate or has failed. */
  onItem?: (ok: boolean) => void;
}

/**
 * Extracts and stores every item. Each document is stored whole or not at all, so an input that
 * fails (unreadable, no article, a store error) is reported by its origin and the rest go on.
 */
export async function ingestItems(store: Store, items: AsyncIterable<SourceItem>, opts: Options = {}): Promise<IngestReport> {
  const report: IngestReport = { new: 0, versions: 0, duplicates: 0, mentions: 0, errors: [] };
  for await (const batch of batchWithTimeout(BATCH_DOCUMENTS, BATCH_WAIT_MS, items)) {
    await ingestBatch(store, batch, report, opts);
  }
  return report;
}

async function ingestBatch(store: Store, items: SourceItem[], report: IngestReport, opts: Options): Promise<void> {
  const fail = (origin: string, reason: string) => {
    report.errors.push({ origin, reason });
    opts.onItem?.(false);
  };
  const prepared: { origin: string; raw: string; doc: Doc; hash: string }[] = [];
  for (const item of items) {
    if (item.error !== undefined || !item.doc) {
      fail(item.origin, item.error ?? "no document");
      continue;
    }
    try {
      const doc = prepareDocument(item.doc);
      prepared.push({ origin: item.origin, raw: item.raw ?? item.doc.html ?? item.doc.text ?? "", doc, hash: contentHash(doc.clean) });
    } catch (err) {
      fail(item.origin, (err as Error).message);
    }
  }

  // A text the store holds already is not extracted again: a rerun after a crash goes quickly
  // over what was stored before it.
  const known = await store.knownContent(prepared.map((p) => p.hash));
  const entries: { origin: string; entry: IngestEntry }[] = [];
  for (const { origin, raw, doc, hash } of prepared) {
    if (known.has(hash)) {
      report.duplicates++;
      opts.onItem?.(true);
      continue;
    }
    try {
      const extraction = extractPrepared(doc, opts.extract ?? {});
      entries.push({ origin, entry: { doc: extraction.doc, raw, mentions: extraction.mentions } });
    } catch (err) {
      fail(origin, (err as Error).message);
    }
  }

  let outcomes;
  try {
    outcomes = await store.ingest(entries.map((e) => e.entry));
  } catch (err) {
    for (const { origin } of entries) fail(origin, (err as Error).message);
    return;
  }
  outcomes.forEach((outcome, i) => {
    if (outcome.status === "failed") return fail(entries[i]!.origin, outcome.error ?? "not stored");
    if (outcome.status === "new") report.new++;
    else if (outcome.status === "version") report.versions++;
    else report.duplicates++;
    report.mentions += outcome.mentions;
    opts.onItem?.(true);
  });
}

export function reportSummary(report: IngestReport, seconds: number): string {
  const stored = report.new + report.versions;
  const rate = seconds > 0 ? ` (${Math.round((stored + report.duplicates) / seconds)} documents/s)` : "";
  return (
    `ingested ${report.new} new, ${report.versions} versions, ${report.duplicates} duplicates, ${report.errors.length} errors; ` +
    `${report.mentions} mentions in ${seconds.toFixed(1)} s${rate}`
  );
}
