// The watchlist routes' part of the API description (openapi.ts), beside them in routes/watchlists.ts.

const idParameter = { name: "id", in: "path", required: true, schema: { type: "string" }, description: "a watchlist's id (wl-...) or name" };
const afterParameter = { name: "after", in: "query", description: "only alerts numbered above this (`seq`): what a poller has not seen", schema: { type: "integer", minimum: 0 } };
const limitParameter = { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000, default: 50 } };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, schema: object) => ({ description, content: { "application/json": { schema } } });
const error = (description: string) => json(description, ref("Error"));
const alerts = json("alerts, newest first", { type: "object", properties: { items: { type: "array", items: ref("Alert") } } });
const written = json("the watchlist, and its webhook secret when one was made or given (shown this once)", {
  type: "object",
  properties: { watchlist: ref("Watchlist"), secret: { type: ["string", "null"] } },
});
const body = { required: true, content: { "application/json": { schema: ref("WatchlistInput") } } };

export const watchlistSchemas = {
  WatchlistInput: {
    type: "object",
    required: ["name", "filter"],
    properties: {
      name: { type: "string", maxLength: 100 },
      filter: {
        type: "object",
        description: "at least one of: country (ISO alpha-2), type (a code), actor, near {lat, lon, km}, area (GeoJSON Polygon or MultiPolygon, bare or as a Feature or FeatureCollection), minKilled, text",
      },
      webhook: { type: ["string", "null"], format: "uri", description: "POSTed each alert as JSON, signed in Sitrep-Signature: t=UNIX,v1=HMAC-SHA256(secret, t.body)" },
      secret: { type: ["string", "null"], description: "the signing key; one is made for a new webhook when omitted" },
    },
  },
  Watchlist: {
    type: "object",
    properties: { id: { type: "string" }, name: { type: "string" }, filter: { type: "object" }, webhook: { type: ["string", "null"] }, signed: { type: "boolean" }, createdAt: { type: "string" }, updatedAt: { type: "string" } },
  },
  Alert: {
    type: "object",
    description: "an event version a watchlist fired for: `change` says whether it began to match or what changed; `state` how its webhook went",
    properties: {
      seq: { type: "integer" },
      watchlistId: { type: "string" },
      watchlistName: { type: "string" },
      eventId: { type: "string" },
      version: { type: "string" },
      change: { type: "object" },
      event: ref("Event"),
      createdAt: { type: "string" },
      state: { enum: ["pending", "delivered", "failed", "listed"] },
      attempts: { type: "integer" },
      lastError: { type: ["string", "null"] },
    },
  },
};

const badInput = error("the watchlist is malformed; `error` names the field and what is wrong");

export const watchlistPaths = {
  "/api/watchlists": {
    get: { summary: "the watchlists (secrets never shown)", responses: { "200": json("the watchlists", { type: "object", properties: { items: { type: "array", items: ref("Watchlist") } } }) } },
    post: { summary: "save a watchlist", requestBody: body, responses: { "201": written, "400": badInput } },
  },
  "/api/watchlists/{id}": {
    get: { summary: "one watchlist", parameters: [idParameter], responses: { "200": json("the watchlist", ref("Watchlist")), "404": error("no such watchlist") } },
    put: { summary: "replace a watchlist's name, filter and webhook (the secret is kept unless a new one is given)", parameters: [idParameter], requestBody: body, responses: { "200": written, "400": badInput, "404": error("no such watchlist") } },
    delete: { summary: "remove a watchlist (its alerts stay in the log)", parameters: [idParameter], responses: { "204": { description: "removed" }, "404": error("no such watchlist") } },
  },
  "/api/watchlists/{id}/events": {
    get: { summary: "the events the watchlist matches (the event filters narrow them further)", parameters: [idParameter], responses: { "200": json("a page of events", { type: "object" }), "404": error("no such watchlist") } },
  },
  "/api/watchlists/{id}/alerts": {
    get: { summary: "the watchlist's alerts", parameters: [idParameter, afterParameter, limitParameter], responses: { "200": alerts, "404": error("no such watchlist") } },
  },
  "/api/watchlists/{id}/feed.atom": {
    get: { summary: "the watchlist's latest 50 alerts as an Atom 1.0 feed", parameters: [idParameter], responses: { "200": { description: "the feed", content: { "application/atom+xml": {} } }, "404": error("no such watchlist") } },
  },
  "/api/alerts": {
    get: { summary: "every watchlist's alerts, newest first: what the page's notifications poll", parameters: [afterParameter, limitParameter], responses: { "200": alerts } },
  },
};
