import { Hono, type Context } from "hono";
import { ATOM_CONTENT_TYPE, atomFeed } from "../../alerts/atom.js";
import { watchlistInput, WatchlistError, type Watchlist } from "../../alerts/watchlist.js";
import { AreaError } from "../../geo/area.js";
import type { Store } from "../../store/store.js";
import type { Alert } from "../../store/watchlists.js";
import { badRequest, HttpError } from "../errors.js";
import { checkParams, parseEventFilter, parsePage } from "../filter.js";
import { eventSummary, type AlertSummary } from "../shapes.js";

// Watchlists over HTTP: create, edit, delete and list them, their matching events, their alerts
// (JSON for the page's notifications, Atom for feed readers). Writes follow the reads' rule: open
// on loopback, behind SITREP_TOKEN elsewhere (app.ts).

const FEED_ENTRIES = 50;

async function body(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw badRequest("expected a JSON body {name, filter, webhook, secret}");
  }
}

async function checked<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof WatchlistError || err instanceof AreaError) throw badRequest(err.message);
    throw err;
  }
}

async function stored<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof WatchlistError) throw (err.message.startsWith("no watchlist") ? new HttpError(404, err.message) : badRequest(err.message));
    throw err;
  }
}

function afterParam(params: URLSearchParams): number | undefined {
  const after = params.get("after");
  if (after === null) return undefined;
  if (!/^\d+$/.test(after)) throw badRequest(`after: expected an alert number, got "${after}"`);
  return Number(after);
}

function shown(alerts: (Alert & { watchlistName: string })[]): AlertSummary[] {
  return alerts.map((a) => ({ ...a, event: eventSummary(a.event) }));
}

export function watchlistRoutes(store: Store, onChanged: () => void): Hono {
  const app = new Hono();
  const params = (c: Context) => new URL(c.req.url).searchParams;
  const find = async (c: Context): Promise<Watchlist> => {
    const w = await store.watchlists.get(c.req.param("id")!);
    if (!w) throw new HttpError(404, `no watchlist "${c.req.param("id")}"`);
    return w;
  };

  app.get("/watchlists", async (c) => {
    checkParams(params(c), []);
    return c.json({ items: await store.watchlists.list() });
  });
  app.post("/watchlists", async (c) => {
    const input = await checked(async () => watchlistInput(await body(c)));
    const made = await stored(store.watchlists.add(input));
    onChanged();
    return c.json(made, 201);
  });
  app.get("/watchlists/:id", async (c) => {
    checkParams(params(c), []);
    return c.json(await find(c));
  });
  app.put("/watchlists/:id", async (c) => {
    const input = await checked(async () => watchlistInput(await body(c)));
    const changed = await stored(store.watchlists.update((await find(c)).id, input));
    onChanged();
    return c.json(changed);
  });
  app.delete("/watchlists/:id", async (c) => {
    await stored(store.watchlists.remove((await find(c)).id));
    onChanged();
    return c.body(null, 204);
  });
  app.get("/watchlists/:id/events", async (c) => {
    const w = await find(c);
    // The page's own filters narrow a watchlist's events further; its own always apply.
    const page = parseEventFilter(params(c));
    const filter = { ...page, ...w.filter };
    const found = await store.listEvents(filter);
    return c.json({ total: found.total, limit: page.limit, offset: page.offset, items: found.items.map(eventSummary) });
  });
  app.get("/watchlists/:id/alerts", async (c) => {
    const query = params(c);
    checkParams(query, ["after", "limit"]);
    const w = await find(c);
    return c.json({ items: shown(await store.watchlists.alerts({ watchlistId: w.id, afterSeq: afterParam(query), limit: parsePage(query).limit })) });
  });
  app.get("/watchlists/:id/feed.atom", async (c) => {
    checkParams(params(c), []);
    const w = await find(c);
    const url = new URL(c.req.url);
    const alerts = await store.watchlists.alerts({ watchlistId: w.id, limit: FEED_ENTRIES });
    return c.body(atomFeed(w, alerts, url.href, url.origin), 200, { "Content-Type": ATOM_CONTENT_TYPE });
  });
  /** Every watchlist's alerts after `after`: what the page's notification list polls for. */
  app.get("/alerts", async (c) => {
    const query = params(c);
    checkParams(query, ["after", "limit"]);
    return c.json({ items: shown(await store.watchlists.alerts({ afterSeq: afterParam(query), limit: parsePage(query).limit })) });
  });
  return app;
}
