import { BATCH_DOCUMENTS } from "../ingest/service.js";
import { watchlistPaths, watchlistSchemas } from "./openapi-watchlists.js";

// The API's description, kept by hand beside the routes it describes (served at /api/openapi.json).
// A test checks that every route the app answers is described here and the reverse.

const filterParameters = [
  { name: "country", in: "query", description: "ISO 3166-1 alpha-2 code (LY)", schema: { type: "string", pattern: "^[A-Za-z]{2}$" } },
  { name: "since", in: "query", description: "events whose dates reach this day or later", schema: { type: "string", format: "date" } },
  { name: "until", in: "query", description: "events that began on or before this day", schema: { type: "string", format: "date" } },
  { name: "type", in: "query", description: "attack type, ACLED event type or sub-event type code", schema: { type: "string" } },
  { name: "actor", in: "query", description: "perpetrator name or part of it, case-insensitive", schema: { type: "string", maxLength: 200 } },
  { name: "near", in: "query", description: "LAT,LON,KM: within KM kilometres of the point", schema: { type: "string", example: "32.89,13.19,25" } },
  { name: "minKilled", in: "query", description: "events with at least this many killed (an unknown toll never matches)", schema: { type: "integer", minimum: 0 } },
  { name: "text", in: "query", description: "full-text query over the reporting documents: at most 500 characters and 32 words", schema: { type: "string", maxLength: 500 } },
  { name: "sort", in: "query", schema: { type: "string", enum: ["date", "-date", "killed", "-killed", "sources", "-sources"], default: "-date" } },
];

const pageParameters = [
  { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000, default: 50 } },
  { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
];

const idParameter = { name: "id", in: "path", required: true, schema: { type: "string" } };

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

const json = (description: string, schema: object) => ({ description, content: { "application/json": { schema } } });

const page = (item: string) => ({
  type: "object",
  required: ["total", "limit", "offset", "items"],
  properties: {
    total: { type: "integer" },
    limit: { type: "integer" },
    offset: { type: "integer" },
    items: { type: "array", items: { $ref: `#/components/schemas/${item}` } },
  },
});

const readErrors = { "400": error("a parameter is malformed or unknown; `error` names it"), "401": error("token required (server not on loopback)") };

export const openapi = {
  openapi: "3.1.0",
  info: {
    title: "Sitrep API",
    version: "0.1.0",
    description:
      "Events of political violence extracted from news reports, each with its sources, per-field claims, conflicts and evidence. " +
      "Reads, and writes of watchlists, are open when the server is bound to loopback and need `Authorization: Bearer SITREP_TOKEN` otherwise; ingest always needs it. " +
      "Read answers may be reused for up to two seconds (X-Cache: hit); documents posted here show at once.",
  },
  components: {
    securitySchemes: { token: { type: "http", scheme: "bearer", description: "the server's SITREP_TOKEN" } },
    schemas: {
      ...watchlistSchemas,
      Error: { type: "object", required: ["error"], properties: { error: { type: "string" } } },
      Event: {
        type: "object",
        description: "EventRecord (src/model.ts): chosen values, `sources`, `fields` (per-field claims, rule, conflict) and `conflicts`",
        required: ["id", "sources", "fields", "conflicts"],
        properties: {
          id: { type: "string" },
          date: { type: ["object", "null"] },
          location: { type: ["object", "null"] },
          attackTypes: { type: "array", items: { type: "string" } },
          eventType: { type: ["string", "null"] },
          killed: { type: ["integer", "null"] },
          wounded: { type: ["integer", "null"] },
          sources: { type: "array", items: { type: "object" } },
          fields: { type: "object", additionalProperties: { type: "object" } },
          conflicts: { type: "array", items: { type: "string" } },
        },
      },
      MentionEvidence: {
        type: "object",
        properties: {
          mentionId: { type: "string" },
          documentId: { type: "string" },
          evidence: {
            type: "array",
            items: { type: "object", properties: { field: { type: "string" }, start: { type: "integer" }, end: { type: "integer" }, text: { type: "string" } } },
          },
        },
      },
      EventDetail: {
        allOf: [
          { $ref: "#/components/schemas/Event" },
          { type: "object", properties: { evidence: { type: "array", items: { $ref: "#/components/schemas/MentionEvidence" } } } },
        ],
      },
      Mention: { type: "object", description: "an event mention as in shared/contract/README.md, with outlet, url and published" },
      Document: { type: "object", description: "a stored document's metadata (id, title, outlet, url, published, version, contentHash, nearDuplicates)" },
      DocumentDetail: {
        allOf: [
          { $ref: "#/components/schemas/Document" },
          {
            type: "object",
            properties: { text: { type: "string" }, mentions: { type: "array", items: { $ref: "#/components/schemas/MentionEvidence" } } },
          },
        ],
      },
      SourceDocument: {
        type: "object",
        description: "a document as the contract reads it",
        required: ["id"],
        properties: {
          id: { type: "string" },
          text: { type: "string" },
          html: { type: "string" },
          title: { type: "string" },
          url: { type: "string" },
          outlet: { type: "string" },
          published: { type: "string" },
        },
      },
      IngestReport: {
        type: "object",
        properties: {
          ingested: {
            type: "array",
            items: { type: "object", properties: { documentId: { type: "string" }, status: { enum: ["new", "version", "duplicate"] }, mentions: { type: "integer" } } },
          },
          rejected: {
            type: "array",
            items: { type: "object", properties: { input: { type: "string", example: "line 3" }, id: { type: "string" }, error: { type: "string" } } },
          },
        },
      },
    },
  },
  security: [{}, { token: [] }],
  paths: {
    "/api/events": {
      get: {
        summary: "events matching the filters, a page at a time",
        parameters: [
          ...filterParameters,
          ...pageParameters,
          {
            name: "view",
            in: "query",
            description: "summary: each event without its per-field claims (`fields`); full: the whole record",
            schema: { enum: ["summary", "full"], default: "summary" },
          },
        ],
        responses: { "200": json("a page of events", page("Event")), ...readErrors },
      },
    },
    "/api/events/{id}": {
      get: {
        summary: "one event with its sources, per-field claims, conflicts and evidence",
        parameters: [idParameter],
        responses: { "200": json("the event", { $ref: "#/components/schemas/EventDetail" }), "404": error("no such event"), ...readErrors },
      },
    },
    "/api/mentions": {
      get: {
        summary: "event mentions (what one document says about one event) matching the filters",
        parameters: [...filterParameters, ...pageParameters],
        responses: { "200": json("a page of mentions", page("Mention")), ...readErrors },
      },
    },
    "/api/documents": {
      get: {
        summary: "stored documents, newest first",
        parameters: [{ name: "text", in: "query", description: "full-text query", schema: { type: "string" } }, ...pageParameters],
        responses: { "200": json("a page of documents", page("Document")), ...readErrors },
      },
      post: {
        summary: `ingest up to ${BATCH_DOCUMENTS} documents, extracted and stored as \`sitrep ingest\` stores them, each whole or not at all`,
        security: [{ token: [] }],
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { oneOf: [{ $ref: "#/components/schemas/SourceDocument" }, { type: "array", items: { $ref: "#/components/schemas/SourceDocument" } }] } },
            "application/x-ndjson": { schema: { type: "string", description: "one SourceDocument a line" } },
          },
        },
        responses: {
          "200": json("every document stored", { $ref: "#/components/schemas/IngestReport" }),
          "207": json("some documents rejected, each named by line or item; the rest stored", { $ref: "#/components/schemas/IngestReport" }),
          "400": json("nothing could be stored; `rejected` or `error` says why", { $ref: "#/components/schemas/IngestReport" }),
          "401": error("no token given"),
          "403": error("wrong token, or SITREP_TOKEN not set on the server"),
          "413": error(`body larger than the limit (10 MB by default), or more than ${BATCH_DOCUMENTS} documents`),
          "503": json("nothing stored because the store failed; the same documents may be sent again", { $ref: "#/components/schemas/IngestReport" }),
        },
      },
    },
    "/api/documents/{id}": {
      get: {
        summary: "one document's text with the evidence spans of its mentions",
        parameters: [idParameter],
        responses: { "200": json("the document", { $ref: "#/components/schemas/DocumentDetail" }), "404": error("no such document"), ...readErrors },
      },
    },
    "/api/stats": {
      get: {
        summary: "counts of documents, mentions, events and conflicts; events by country, type and year",
        responses: { "200": json("the figures", { type: "object" }), ...readErrors },
      },
    },
    "/api/export/{format}": {
      get: {
        summary: "the events matching the filters as a file: GTD-like CSV, ACLED-like CSV, GeoJSON, JSON or JSONL (X-Total-Count: how many match)",
        parameters: [
          { name: "format", in: "path", required: true, schema: { enum: ["csv-gtd", "csv-acled", "geojson", "json", "jsonl"] } },
          ...filterParameters,
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 10000, default: 10000 } },
          { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
        ],
        responses: {
          "200": {
            description: "the export",
            content: { "text/csv": {}, "application/geo+json": {}, "application/json": {}, "application/x-ndjson": {} },
          },
          ...readErrors,
          "404": error("unknown format"),
        },
      },
    },
    "/api/config": {
      get: {
        summary: "what the page needs to know: the tile URL (null: offline outlines) and whether reads need the token",
        responses: { "200": json("the configuration", { type: "object" }) },
      },
    },
    "/api/openapi.json": { get: { summary: "this description", responses: { "200": json("OpenAPI 3.1", { type: "object" }) } } },
    ...watchlistPaths,
  },
} as const;
