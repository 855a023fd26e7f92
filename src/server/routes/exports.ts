import { Hono } from "hono";
import { exportChunks, type Format } from "../../export/formats.js";
import type { EventRecord } from "../../model.js";
import type { EventFilter, Store } from "../../store/store.js";
import { badRequest, HttpError } from "../errors.js";
import { MAX_LIMIT, parseEventFilter } from "../filter.js";

/** File formats over HTTP, with their media types and file name endings. */
const FORMATS: Partial<Record<Format, { type: string; ending: string }>> = {
  "csv-gtd": { type: "text/csv; charset=utf-8", ending: "gtd.csv" },
  "csv-acled": { type: "text/csv; charset=utf-8", ending: "acled.csv" },
  geojson: { type: "application/geo+json", ending: "geojson" },
  json: { type: "application/json", ending: "json" },
  jsonl: { type: "application/x-ndjson", ending: "jsonl" },
};

/** An export holds at most this many events; larger sets are taken a slice at a time with offset. */
export const EXPORT_MAX = 10_000;

function exportLimit(params: URLSearchParams): number {
  const value = params.get("limit");
  if (value === null) return EXPORT_MAX;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > EXPORT_MAX) throw badRequest(`limit: expected an integer from 1 to ${EXPORT_MAX}, got "${value}"`);
  return n;
}

/**
 * Exports under way at once. Each holds up to EXPORT_MAX events in memory while it is read: twenty
 * at once held 2.6 GB. More are refused with 503 and Retry-After, which clients retry.
 */
export const MAX_EXPORTS_AT_ONCE = 4;

/** The chunks as a body read at the client's pace (a chunk when the socket asks); `done` once read or dropped. */
function stream(chunks: Iterable<string>, done: () => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const it = chunks[Symbol.iterator]();
  return new ReadableStream({
    pull(controller) {
      const next = it.next();
      if (next.done) {
        controller.close();
        done();
      } else controller.enqueue(encoder.encode(next.value));
    },
    cancel: done,
  });
}

/** GET /api/export/:format: the events the filters select, as the CLI exports them. */
export function exportRoutes(store: Store): Hono {
  const app = new Hono();
  let running = 0;
  app.get("/export/:format", async (c) => {
    const format = FORMATS[c.req.param("format") as Format];
    if (!format) throw new HttpError(404, `unknown export format "${c.req.param("format")}"; expected one of ${Object.keys(FORMATS).join(", ")}`);
    const params = new URL(c.req.url).searchParams;
    const wanted = exportLimit(params);
    const paging = new URLSearchParams(params);
    paging.delete("limit");
    const filter = parseEventFilter(paging);
    if (running >= MAX_EXPORTS_AT_ONCE) {
      c.header("Retry-After", "5");
      throw new HttpError(503, `${running} exports are under way, the most this server runs at once; try again in a few seconds`);
    }
    running++;
    let finished = false;
    const done = () => {
      if (!finished) running--;
      finished = true;
    };
    try {
      const { events, total } = await gather(store, filter, wanted);
      return new Response(stream(exportChunks({ kind: "events", items: events }, c.req.param("format") as Format), done), {
        headers: {
          "Content-Type": format.type,
          "Content-Disposition": `attachment; filename="sitrep-events.${format.ending}"`,
          "X-Total-Count": String(total),
        },
      });
    } catch (err) {
      done();
      throw err;
    }
  });
  return app;
}

/** The store answers a page at a time; an export gathers its slice page by page. */
async function gather(store: Store, filter: EventFilter & { offset: number }, wanted: number): Promise<{ events: EventRecord[]; total: number }> {
  const events: EventRecord[] = [];
  let total = 0;
  for (let offset = filter.offset; events.length < wanted; offset += MAX_LIMIT) {
    const page = await store.listEvents({ ...filter, offset, limit: Math.min(MAX_LIMIT, wanted - events.length) });
    total = page.total;
    events.push(...page.items);
    if (page.items.length === 0 || offset + page.items.length >= total) break;
  }
  return { events, total };
}
