import type { Area } from "../geo/area.js";
import type { Doc, EventRecord, Mention, ReconcileRule, SourcedMention } from "../model.js";
import type { SqlWatchlists } from "./watchlists.js";
import type { SourceStore } from "./sources.js";

// The one interface every engine implements (SQLite now, PostgreSQL later). Nothing above the
// store knows which engine is in use.

export interface EventFilter {
  country?: string;
  /** ISO dates, inclusive. */
  since?: string;
  until?: string;
  /** An attack type, ACLED event type or sub-event type code. */
  type?: string;
  /** Canonical perpetrator name or part of it, case-insensitive. */
  actor?: string;
  near?: { lat: number; lon: number; km: number };
  /** Inside this area (geo/area.ts): a box the (lat, lon) index serves, then the exact outline. */
  area?: Area;
  /** At least this many killed: an event whose toll is unknown is not matched. */
  minKilled?: number;
  /** Full-text query over the reporting documents. */
  text?: string;
  /** Only what this document reports. */
  documentId?: string;
  limit?: number;
  offset?: number;
  /** A field name, descending when prefixed with "-": "date", "-date", "killed", "-killed", "sources". */
  sort?: string;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface StoredDocument extends Doc {
  /** 1 for the first text seen at this document's identity, then 2, 3, ... */
  version: number;
  contentHash: string;
  /** The raw input (HTML or text) as it came in. */
  raw: string;
  ingestedAt: string;
  /** Ids of documents found to be near-duplicates (syndicated copies, light rewrites). */
  nearDuplicates: string[];
}

export type IngestStatus = "new" | "version" | "duplicate" | "failed";

/** A document to store, as extraction left it, with the input it was read from. */
export interface IngestEntry {
  doc: Doc;
  /** The input (HTML or text) as it came in. */
  raw: string;
  /** `contentHash(doc.clean)` (content-hash.ts), computed once by whoever prepared the document. */
  hash: string;
  mentions: Mention[];
}

export interface IngestOutcome {
  documentId: string;
  status: IngestStatus;
  mentions: number;
  /** Why a "failed" document was not stored. */
  error?: string;
}

export interface Stats {
  documents: number;
  mentions: number;
  events: number;
  conflicts: number;
  byCountry: { country: string; events: number }[];
  byType: { type: string; events: number }[];
  byYear: { year: number; events: number }[];
}

export interface Store {
  /** The feeds `sitrep watch` polls. */
  readonly sources: SourceStore;
  /**
   * Stores documents with their mentions and resolves the new mentions; one outcome per entry, in
   * order. Each document is all or nothing: one that fails to be written, or whose mentions the
   * resolver cannot read, is reported "failed" and leaves nothing behind; the others stay. The
   * entries commit together, which costs a fraction of one commit per document; a crash before the
   * commit loses all of them, never part of one.
   */
  ingest(entries: IngestEntry[]): Promise<IngestOutcome[]>;
  /**
   * Which of these content hashes (see content-hash.ts) the store holds, each with the id of the
   * document holding it: their text need not be read again.
   */
  knownContent(hashes: string[]): Promise<Map<string, string>>;
  getDocument(id: string): Promise<StoredDocument | null>;
  listDocuments(filter: { text?: string; limit?: number; offset?: number }): Promise<Page<StoredDocument>>;
  listMentions(filter: EventFilter): Promise<Page<SourcedMention>>;
  listEvents(filter: EventFilter): Promise<Page<EventRecord>>;
  getEvent(id: string): Promise<EventRecord | null>;
  stats(): Promise<Stats>;
  /** Analyst control: merge events into one, or split mentions off into an event of their own. */
  mergeEvents(ids: string[]): Promise<EventRecord>;
  splitEvent(id: string, mentionIds: string[]): Promise<EventRecord[]>;
  /** Rebuilds every event from the stored mentions and decisions, with the given headline rule. */
  reresolve(rule?: ReconcileRule): Promise<number>;
  /** Writes a consistent copy of the store to a new file while it stays in use (SQLite; PostgreSQL has pg_dump). */
  backup(path: string): Promise<void>;
  /** Saved queries that fire alerts as the events they match are written (watchlists.ts). */
  readonly watchlists: SqlWatchlists;
  close(): Promise<void>;
}
