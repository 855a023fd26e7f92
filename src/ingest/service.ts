import { batchWithTimeout, type AnyIterable } from "streaming-iterables";
import { withoutNul } from "../document/binary.js";
import { prepareDocument } from "../document/prepare.js";
import type { Extractor } from "../extract/pool.js";
import type { Doc } from "../model.js";
import { contentHash } from "../store/content-hash.js";
import type { IngestEntry, IngestOutcome, Store } from "../store/store.js";
import type { SourceItem } from "./types.js";

// The one way documents enter the store, whoever reads them (the CLI from files and feeds, the
// server from a request body, a queue worker): prepare, hash, check what the store knows, extract
// what it does not, store.

// Documents are stored in batches: one commit for many documents costs a fraction of one commit
// each, since the pages they share (index leaves, the full-text index's new segment) are written
// once. A crash loses at most the batch under way, and the rerun stores it. The server takes no
// more than this in one request, so that a request is one batch.
export const BATCH_DOCUMENTS = 128;
// A slow source (a feed fetched over the network) never keeps documents already read out of the
// store for longer than this.
const BATCH_WAIT_MS = 250;


/** An item that was not stored, named by its origin (and its document's id when it had one). */
export interface ItemError {
  origin: string;
  id?: string;
  reason: string;
  /** The store failed as a whole, not because of this document: the same item may be sent again. */
  storeFailed: boolean;
}

/** What became of one item: stored (`id` its document's own id, which a duplicate's outcome may not share), or not stored and why. */
export type ItemResult = { origin: string; id: string; outcome: IngestOutcome } | ItemError;

export interface IngestReport {
  new: number;
  versions: number;
  duplicates: number;
  mentions: number;
  errors: ItemError[];
}

export interface IngestOptions {
  extract: Extractor;
  /** Called once per item, in the order the items came, when it is stored, found a duplicate or has failed. */
  onItem?: (result: ItemResult) => void;
}

/**
 * Extracts and stores every item. Each document is stored whole or not at all, so an item that
 * fails (unreadable, no article, an extraction or store error) is reported by its origin and the
 * rest go on.
 */
export async function ingestItems(store: Store, items: AnyIterable<SourceItem>, opts: IngestOptions): Promise<IngestReport> {
  const report: IngestReport = { new: 0, versions: 0, duplicates: 0, mentions: 0, errors: [] };
  for await (const batch of batchWithTimeout(BATCH_DOCUMENTS, BATCH_WAIT_MS, items)) {
    for (const result of await ingestBatch(store, batch, opts.extract)) {
      if ("outcome" in result) {
        const { status, mentions } = result.outcome;
        if (status === "new") report.new++;
        else if (status === "version") report.versions++;
        else report.duplicates++;
        report.mentions += mentions;
      } else report.errors.push(result);
      opts.onItem?.(result);
    }
  }
  return report;
}

/** The input as it came, kept with the document: the page a text was read from, else the text. */
function rawInput(item: SourceItem, doc: Doc): string {
  const html = item.doc?.html;
  return withoutNul(item.raw ?? (typeof html === "string" && html.trim() !== "" ? html : doc.text));
}

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function ingestBatch(store: Store, items: SourceItem[], extract: Extractor): Promise<ItemResult[]> {
  const results: ItemResult[] = new Array(items.length);
  const fail = (i: number, reason: string, storeFailed = false) => {
    const id = items[i]!.doc?.id;
    results[i] = { origin: items[i]!.origin, ...(typeof id === "string" ? { id } : {}), reason, storeFailed };
  };
  const prepared: { i: number; doc: Doc; raw: string; hash: string }[] = [];
  items.forEach((item, i) => {
    if (item.error !== undefined || item.doc === undefined) return fail(i, item.error ?? "no document");
    try {
      const doc = prepareDocument(item.doc);
      prepared.push({ i, doc, raw: rawInput(item, doc), hash: contentHash(doc.clean) });
    } catch (err) {
      fail(i, reasonOf(err));
    }
  });

  // A text the store holds already, or one met earlier in the batch, is not extracted again: a
  // rerun after a crash goes quickly over what was stored before it.
  let known: Map<string, string>;
  try {
    known = await store.knownContent(prepared.map((p) => p.hash));
  } catch (err) {
    for (const { i } of prepared) fail(i, reasonOf(err), true);
    return results;
  }
  const unknown: typeof prepared = [];
  const firstWith = new Map<string, number>();
  const copies: { i: number; of: number }[] = [];
  for (const p of prepared) {
    const storedId = known.get(p.hash);
    if (storedId !== undefined) {
      results[p.i] = { origin: items[p.i]!.origin, id: p.doc.id, outcome: { documentId: storedId, status: "duplicate", mentions: 0 } };
      continue;
    }
    const first = firstWith.get(p.hash);
    if (first !== undefined) {
      copies.push({ i: p.i, of: first });
      continue;
    }
    firstWith.set(p.hash, p.i);
    unknown.push(p);
  }
  const entries: { i: number; entry: IngestEntry }[] = [];
  const extracted = await extract.extract(unknown.map((p) => p.doc));
  unknown.forEach(({ i, raw, hash }, n) => {
    const outcome = extracted[n]!;
    if ("error" in outcome) return fail(i, outcome.error);
    entries.push({ i, entry: { doc: outcome.doc, raw, hash, mentions: outcome.mentions } });
  });

  try {
    const outcomes = await store.ingest(entries.map((e) => e.entry));
    outcomes.forEach((outcome, n) => {
      const { i } = entries[n]!;
      if (outcome.status === "failed") fail(i, outcome.error ?? "not stored");
      else results[i] = { origin: items[i]!.origin, id: entries[n]!.entry.doc.id, outcome };
    });
  } catch (err) {
    for (const { i } of entries) fail(i, reasonOf(err), true);
  }
  for (const { i, of } of copies) {
    const first = results[of]!;
    if ("outcome" in first) results[i] = { origin: items[i]!.origin, id: items[i]!.doc!.id, outcome: { documentId: first.outcome.documentId, status: "duplicate", mentions: 0 } };
    else fail(i, `the same text as ${first.origin}, which was not stored: ${first.reason}`, first.storeFailed);
  }
  return results;
}
