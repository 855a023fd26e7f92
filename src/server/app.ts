import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ExtractOptions } from "../extract/annotated.js";
import type { Store } from "../store/store.js";
import { QueryError } from "../store/text-query.js";
import { isLoopbackHost, requireToken } from "./auth.js";
import { responseCache } from "./cache.js";
import { HttpError } from "./errors.js";
import { exportRoutes } from "./routes/exports.js";
import { ingestRoutes } from "./routes/ingest.js";
import { readRoutes } from "./routes/read.js";
import { watchlistRoutes } from "./routes/watchlists.js";
import { requireServedHost, securityHeaders, servedNames } from "./security.js";
import { openapi } from "./openapi.js";
import { pageRoutes } from "./page.js";

export interface ServerOptions {
  /** The address the server binds to; anything but loopback makes reads need the token too. */
  host: string;
  /** SITREP_TOKEN: ingest needs it always, reads when the host is not loopback. */
  token?: string;
  /** Largest request body in bytes (default 10 MB). */
  maxBodyBytes?: number;
  /** A tile URL template (`https://{s}.tile.example.org/{z}/{x}/{y}.png`); without it the map is offline outlines. */
  tileUrl?: string;
  /** Passed to extraction for documents posted to the ingest endpoint. */
  extract?: ExtractOptions;
  /** How long a read answer may be reused (default 2000 ms; 0 turns the cache off). */
  cacheTtlMs?: number;
  /** Host names requests may address the server by, besides loopback names and the bound address. */
  allowedHosts?: string[];
}

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
export const DEFAULT_CACHE_TTL_MS = 2000;

/** The HTTP API and the page over one store; tests call `app.request()` or listen with `createServer`. */
export function createApp(store: Store, options: ServerOptions): Hono {
  const openReads = isLoopbackHost(options.host);
  if (!openReads && !options.token) {
    throw new Error(`serving on ${options.host} (not loopback) needs SITREP_TOKEN set: every request will need it`);
  }
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json({ error: err.message }, err.status);
    if (err instanceof QueryError) return c.json({ error: err.message }, 400);
    process.stderr.write(`sitrep serve: ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}\n`);
    return c.json({ error: "internal error" }, 500);
  });
  app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404));

  app.use("*", securityHeaders, requireServedHost(servedNames(options.host, options.allowedHosts ?? [])));

  app.use(
    "/api/*",
    bodyLimit({ maxSize: maxBytes, onError: (c) => c.json({ error: `request body larger than ${maxBytes} bytes` }, 413) }),
  );
  if (!openReads) app.use("/api/*", requireToken(options.token, "reading from a server not bound to loopback"));
  const cache = responseCache({ ttlMs: options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS, maxEntries: 500 });
  // Exports are files of up to thousands of events, streamed: they are not kept.
  app.use("/api/*", (c, next) => (c.req.path.startsWith("/api/export/") ? next() : cache.middleware(c, next)));

  app.get("/api/openapi.json", (c) => c.json(openapi));
  app.get("/api/config", (c) => c.json({ tileUrl: options.tileUrl ?? null, readsNeedToken: !openReads }));
  app.route("/api", readRoutes(store));
  app.route("/api", exportRoutes(store));
  app.route("/api", watchlistRoutes(store, cache.clear));
  app.route("/api", ingestRoutes(store, requireToken(options.token, "ingest"), options.extract ?? {}, cache.clear));
  app.route("/", pageRoutes({ tileUrl: options.tileUrl }));
  return app;
}
