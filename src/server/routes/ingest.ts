import { Hono, type MiddlewareHandler } from "hono";
import type { ExtractOptions } from "../../extract/annotated.js";
import type { Store } from "../../store/store.js";
import { badRequest } from "../errors.js";
import { ingestDocuments, readDocuments } from "../ingest.js";

/**
 * POST /api/documents: documents in (JSON object, array, or JSONL), extracted and stored one by one.
 * 200 when every document was stored; 207 when some were rejected (each named); 400 when none was.
 */
export function ingestRoutes(store: Store, guard: MiddlewareHandler, opts: ExtractOptions, onStored: () => void): Hono {
  const app = new Hono();
  app.post("/documents", guard, async (c) => {
    const body = await c.req.text();
    if (body.trim() === "") throw badRequest("empty body: send a document as JSON, or documents as a JSON array or JSONL");
    const { docs, rejected } = readDocuments(body, c.req.header("Content-Type") ?? "");
    const report = await ingestDocuments(store, docs, opts);
    if (report.ingested.length > 0) onStored();
    report.rejected.unshift(...rejected);
    const status = report.rejected.length === 0 ? 200 : report.ingested.length > 0 ? 207 : 400;
    return c.json(report, status);
  });
  return app;
}
