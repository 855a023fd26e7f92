import { Hono } from "hono";
import type { Store, StoredDocument } from "../../store/store.js";
import { badRequest, HttpError } from "../errors.js";
import { checkParams, parseEventFilter, parsePage } from "../filter.js";
import { documentEvidence, eventEvidence } from "../evidence.js";
import { eventSummary } from "../shapes.js";

/** A document as lists show it: the raw input can be megabytes of HTML and stays out. */
function listed(doc: StoredDocument): Omit<StoredDocument, "raw" | "text" | "clean"> {
  const { raw: _raw, text: _text, clean: _clean, ...rest } = doc;
  return rest;
}


function view(params: URLSearchParams): "summary" | "full" {
  const value = params.get("view") ?? "summary";
  if (value !== "summary" && value !== "full") throw badRequest(`view: expected summary or full, got "${value}"`);
  return value;
}

function params(url: string): URLSearchParams {
  return new URL(url).searchParams;
}

export function readRoutes(store: Store): Hono {
  const app = new Hono();

  app.get("/events", async (c) => {
    const query = params(c.req.url);
    const filter = parseEventFilter(query, ["view"]);
    const page = await store.listEvents(filter);
    const items = view(query) === "full" ? page.items : page.items.map(eventSummary);
    return c.json({ total: page.total, limit: filter.limit, offset: filter.offset, items });
  });

  app.get("/events/:id", async (c) => {
    checkParams(params(c.req.url), []);
    const event = await store.getEvent(c.req.param("id"));
    if (!event) throw new HttpError(404, `no event with id "${c.req.param("id")}"`);
    return c.json({ ...event, evidence: await eventEvidence(store, event) });
  });

  app.get("/mentions", async (c) => {
    const filter = parseEventFilter(params(c.req.url));
    const page = await store.listMentions(filter);
    return c.json({ total: page.total, limit: filter.limit, offset: filter.offset, items: page.items });
  });

  app.get("/documents", async (c) => {
    const query = params(c.req.url);
    checkParams(query, ["text", "limit", "offset"]);
    const { limit, offset } = parsePage(query);
    const text = query.get("text")?.trim() || undefined;
    const page = await store.listDocuments({ text, limit, offset });
    return c.json({ total: page.total, limit, offset, items: page.items.map(listed) });
  });

  app.get("/documents/:id", async (c) => {
    checkParams(params(c.req.url), []);
    const doc = await store.getDocument(c.req.param("id"));
    if (!doc) throw new HttpError(404, `no document with id "${c.req.param("id")}"`);
    const { raw: _raw, clean: _clean, ...rest } = doc;
    return c.json({ ...rest, mentions: await documentEvidence(store, doc.id) });
  });

  app.get("/stats", async (c) => {
    checkParams(params(c.req.url), []);
    return c.json(await store.stats());
  });

  return app;
}
