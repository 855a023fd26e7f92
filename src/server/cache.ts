import type { MiddlewareHandler } from "hono";

interface Entry {
  body: string;
  contentType: string;
  expires: number;
}

export interface ResponseCache {
  middleware: MiddlewareHandler;
  /** Forgets every answer: called when this server stores documents. */
  clear(): void;
}

/**
 * Keeps successful JSON answers to GET requests for `ttlMs`, so many readers asking the same page
 * of events cost one query; identical requests that arrive while the first is being answered wait
 * for it instead of querying again. Writes through this server clear it at once; writes by another
 * process (the CLI's ingest into the same file) show up within `ttlMs`.
 */
export function responseCache(opts: { ttlMs: number; maxEntries: number }): ResponseCache {
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry | null>>();
  let generation = 0;

  const respond = (e: Entry) => new Response(e.body, { status: 200, headers: { "Content-Type": e.contentType, "X-Cache": "hit" } });

  const middleware: MiddlewareHandler = async (c, next) => {
    if (c.req.method !== "GET" || opts.ttlMs <= 0) return next();
    const url = new URL(c.req.url);
    const key = url.pathname + url.search;
    const hit = entries.get(key);
    if (hit && hit.expires > Date.now()) return respond(hit);
    const waiting = pending.get(key);
    if (waiting) {
      const e = await waiting;
      if (e) return respond(e);
      return next();
    }
    const started = generation;
    let settle: (e: Entry | null) => void = () => {};
    pending.set(key, new Promise((resolve) => (settle = resolve)));
    let entry: Entry | null = null;
    try {
      await next();
      const contentType = c.res.headers.get("Content-Type") ?? "";
      if (c.res.status === 200 && contentType.startsWith("application/json") && started === generation) {
        entry = { body: await c.res.clone().text(), contentType, expires: Date.now() + opts.ttlMs };
        entries.delete(key);
        entries.set(key, entry);
        // Map order is insertion order: the first key is the least recently stored.
        if (entries.size > opts.maxEntries) entries.delete(entries.keys().next().value!);
      }
    } finally {
      pending.delete(key);
      settle(entry);
    }
  };

  return {
    middleware,
    clear() {
      generation++;
      entries.clear();
    },
  };
}
