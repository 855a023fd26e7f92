import { InputError } from "../document/prepare.js";
import { extractDocument } from "../extract/pipeline.js";
import type { ExtractOptions } from "../extract/annotated.js";
import type { SourceDocument } from "../model.js";
import type { IngestEntry, IngestOutcome, Store } from "../store/store.js";
import { badRequest } from "./errors.js";

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

/**
 * Splits a request body into documents: a JSON object, a JSON array of objects, or JSONL (one
 * object a line). Lines and items that cannot be read are rejected by position; the rest go on.
 */
export function readDocuments(body: string, contentType: string): { docs: { input: string; doc: SourceDocument }[]; rejected: Rejection[] } {
  const docs: { input: string; doc: SourceDocument }[] = [];
  const rejected: Rejection[] = [];
  // The document's own shape is checked where every source's is: in extraction's preparation.
  const take = (input: string, value: unknown) => docs.push({ input, doc: value as SourceDocument });
  if (/ndjson|jsonl|jsonlines/i.test(contentType)) {
    body.split("\n").forEach((line, i) => {
      if (line.trim() === "") return;
      try {
        take(`line ${i + 1}`, JSON.parse(line));
      } catch (err) {
        rejected.push({ input: `line ${i + 1}`, error: `invalid JSON: ${(err as Error).message}` });
      }
    });
    return { docs, rejected };
  }
  if (!/json/i.test(contentType)) throw badRequest(`unsupported content type "${contentType}"; send application/json or application/x-ndjson`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    throw badRequest(`invalid JSON body: ${(err as Error).message}`);
  }
  if (Array.isArray(parsed)) parsed.forEach((item, i) => take(`item ${i + 1}`, item));
  else take("body", parsed);
  return { docs, rejected };
}

/**
 * Extracts each document as the CLI's ingest does and stores them in one batch; an unreadable
 * document, or one the store could not take, is rejected by position and the others are stored.
 * A store that fails as a whole is not the client's fault and goes up as a server error.
 */
export async function ingestDocuments(store: Store, docs: { input: string; doc: SourceDocument }[], opts: ExtractOptions): Promise<IngestReport> {
  const report: IngestReport = { ingested: [], rejected: [] };
  const extracted: { input: string; entry: IngestEntry }[] = [];
  for (const { input, doc: src } of docs) {
    try {
      const { doc, mentions } = extractDocument(src, opts);
      extracted.push({ input, entry: { doc, raw: src.html || src.text || "", mentions } });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      const id = typeof src?.id === "string" ? { id: src.id } : {};
      report.rejected.push({ input, ...id, error: (err as Error).message });
    }
  }
  const outcomes = await store.ingest(extracted.map((e) => e.entry));
  outcomes.forEach((outcome, i) => {
    const { input, entry } = extracted[i]!;
    if (outcome.status === "failed") report.rejected.push({ input, id: entry.doc.id, error: outcome.error ?? "not stored" });
    else report.ingested.push(outcome);
  });
  return report;
}
