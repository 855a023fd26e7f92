import type { Extractor } from "../extract/pool.js";
import { BATCH_DOCUMENTS, ingestItems } from "../ingest/service.js";
import type { SourceItem } from "../ingest/types.js";
import type { SourceDocument } from "../model.js";
import type { IngestOutcome, Store } from "../store/store.js";
import { badRequest, HttpError } from "./errors.js";

/** One input the ingest endpoint could not take, named by where it sat in the body. */
export interface Rejection {
  input: string;
  id?: string;
  error: string;
}

export interface IngestReport {
  ingested: IngestOutcome[];
  rejected: Rejection[];
}

/** A request holds at most one batch of the ingest service, so that a request commits once. */
function capped(count: number): void {
  if (count > BATCH_DOCUMENTS) {
    throw new HttpError(413, `${count} documents in one request; send at most ${BATCH_DOCUMENTS} a request`);
  }
}

/**
 * Splits a request body into source items: a JSON object, a JSON array of objects, or JSONL (one
 * object a line), each named by its place in the body ("line 3", "item 2", "body"). A line that is
 * not JSON is an item with its error; the rest go on.
 */
export function readDocuments(body: string, contentType: string): SourceItem[] {
  return withoutRepeatedIds(splitBody(body, contentType));
}

/**
 * Refuses, by name, each document whose id an earlier one of the request gave: stored together,
 * the later would silently become a new version of the earlier.
 */
function withoutRepeatedIds(items: SourceItem[]): SourceItem[] {
  const first = new Map<string, string>();
  return items.map((item) => {
    const id: unknown = item.doc?.id;
    if (typeof id !== "string") return item;
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, item.origin);
      return item;
    }
    return { origin: item.origin, error: `id "${id}" is ${earlier}'s too: a request holds each document once` };
  });
}

function splitBody(body: string, contentType: string): SourceItem[] {
  // The document's own shape is checked where every source's is: in the ingest service's preparation.
  const item = (origin: string, value: unknown): SourceItem => ({ origin, doc: value as SourceDocument });
  if (/ndjson|jsonl|jsonlines/i.test(contentType)) {
    const lines = body.split("\n").map((line, i) => ({ line, origin: `line ${i + 1}` })).filter(({ line }) => line.trim() !== "");
    capped(lines.length);
    return lines.map(({ line, origin }) => {
      try {
        return item(origin, JSON.parse(line));
      } catch (err) {
        return { origin, error: `invalid JSON: ${(err as Error).message}` };
      }
    });
  }
  if (!/json/i.test(contentType)) throw badRequest(`unsupported content type "${contentType}"; send application/json or application/x-ndjson`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    throw badRequest(`invalid JSON body: ${(err as Error).message}`);
  }
  if (!Array.isArray(parsed)) return [item("body", parsed)];
  capped(parsed.length);
  return parsed.map((value, i) => item(`item ${i + 1}`, value));
}

/**
 * Stores the items through the ingest service, as the CLI does. 200 when every document was
 * stored (or found stored already); 207 when some were rejected, each named; 400 when none was
 * stored through its own fault; 503 when none was stored and the store itself failed, so that a
 * client knows sending the same documents again may work.
 */
export async function ingestDocuments(store: Store, items: SourceItem[], extract: Extractor): Promise<{ report: IngestReport; status: 200 | 207 | 400 | 503 }> {
  const report: IngestReport = { ingested: [], rejected: [] };
  const { errors } = await ingestItems(store, items, {
    extract,
    onItem: (result) => {
      if ("outcome" in result) report.ingested.push(result.outcome);
      else report.rejected.push({ input: result.origin, ...(result.id === undefined ? {} : { id: result.id }), error: result.reason });
    },
  });
  const status = errors.length === 0 ? 200 : report.ingested.length > 0 ? 207 : errors.some((e) => e.storeFailed) ? 503 : 400;
  return { report, status };
}
