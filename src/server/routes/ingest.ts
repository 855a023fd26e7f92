import { Hono, type MiddlewareHandler } from "hono";
import type { ExtractOptions } from "../../extract/annotated.js";
import { inlineExtractor } from "../../extract/pool.js";
import type { Store } from "../../store/store.js";
import { badRequest } from "../errors.js";
import { ingestDocuments, readDocuments } from "../ingest.js";

/**
 * POST /api/documents: documents in (JSON object, array, or JSONL), extracted and stored as the
 * CLI stores them. The status says whether all, some or none were stored (see `ingestDocuments`).
 */
export function ingestRoutes(store: Store, guard: MiddlewareHandler, opts: ExtractOptions, onStored: () => void): Hono {
  const app = new Hono();
  // A request is one batch of at most BATCH_DOCUMENTS: extracted on the server's thread.
  const extract = inlineExtractor(opts);
  app.post("/documents", guard, async (c) => {
    const body = await c.req.text();
    if (body.trim() === "") throw badRequest("empty body: send a document as JSON, or documents as a JSON array or JSONL");
    const items = readDocuments(body, c.req.header("Content-Type") ?? "");
    const { report, status } = await ingestDocuments(store, items, extract);
    if (report.ingested.length > 0) onStored();
    return c.json(report, status);
  });
  return app;
}
