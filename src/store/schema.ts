import type { Generated } from "kysely";

// The tables as kysely sees them: the same query code runs on every engine that creates them.
// Columns that filters and sorts read are kept beside the full JSON of the object they came from.

export interface DocumentsTable {
  /** One row per version of a document; the full-text index is keyed by it. */
  seq: Generated<number>;
  id: string;
  version: number;
  /** 1 for the latest version of `id`, 0 for the versions it replaced. */
  current: number;
  url: string | null;
  title: string | null;
  outlet: string | null;
  byline: string | null;
  published: string | null;
  published_from: string | null;
  language: string | null;
  content_hash: string;
  /** The input as it came in; null when it is the text itself, which is then not stored twice. */
  raw: string | null;
  text: string;
  clean: string;
  /** MinHash signature of the clean text (little-endian uint32s). */
  minhash: Uint8Array;
  ingested_at: string;
}

export interface DocumentBandsTable {
  band: number;
  document_seq: number;
}

export interface NearDuplicatesTable {
  document_id: string;
  other_id: string;
  similarity: number;
}

export interface MentionsTable {
  /** The store's id, unique across documents and versions: `${documentId}@v${version}#${n}`. */
  id: string;
  /** The id the extractor gave (the contract's, unique within one document's output). */
  contract_id: string;
  document_id: string;
  document_seq: number;
  ordinal: number;
  /** 1 once a newer version of the document replaced the text this mention was read from. */
  superseded: number;
  date_start: string | null;
  date_end: string | null;
  /** 1 when the date spans more than a month (a year, a season): see resolve-port.ts. */
  long_date: number;
  undated: number;
  country: string | null;
  lat: number | null;
  lon: number | null;
  /** JSON array of attack type codes, as text so that LIKE '%"CODE"%' finds one. */
  attack_types: string;
  event_type: string | null;
  sub_event_type: string | null;
  /** Lower-cased canonical perpetrator names, one a line, for case-insensitive matching. */
  actors: string;
  killed: number | null;
  wounded: number | null;
  body: string;
}

export interface EventsTable {
  id: string;
  date_start: string | null;
  date_end: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  attack_types: string;
  /** The GTD's primary attack type: the first, most specific, code. */
  attack_type: string | null;
  event_type: string | null;
  sub_event_type: string | null;
  actors: string;
  killed: number | null;
  wounded: number | null;
  source_count: number;
  conflict_count: number;
  /** ResolvedEvent.component; "" for events resolved before components were recorded, all one component. */
  component: string;
  record: string;
}

export interface EventSourcesTable {
  mention_id: string;
  event_id: string;
}

export interface DecisionsTable {
  seq: Generated<number>;
  kind: string;
  mention_ids: string;
  at: string;
}

export interface WatchlistsTable {
  id: string;
  name: string;
  /** The watchlist's EventFilter (alerts/watchlist.ts), as JSON. */
  filter: string;
  webhook: string | null;
  secret: string | null;
  created_at: string;
  updated_at: string;
  stamp: number;
  removed: number;
}

/** The outbox: one row per (watchlist, event, version) fired, written with the events. */
export interface AlertsTable {
  seq: Generated<number>;
  watchlist_id: string;
  event_id: string;
  version: string;
  /** JSON AlertChange (alerts/version.ts). */
  change: string;
  created_at: string;
  /** "pending" (a webhook to deliver), "delivered", "failed" (retried for a day), "listed" (no webhook), "baseline" (matched when the watchlist was saved). */
  state: string;
  attempts: number;
  next_at: string | null;
  /** Until when a deliverer holds it: one killed mid-send lets it go when this passes. */
  lease_until: string | null;
  last_error: string | null;
  delivered_at: string | null;
}

/** An alerted event version's record (JSON), kept once for every watchlist it fired. */
export interface AlertEventsTable {
  event_id: string;
  version: string;
  record: string;
}

export interface AlertDocumentsTable {
  document_id: string;
  event_id: string;
  version: string;
}

export interface AlertAttemptsTable {
  seq: Generated<number>;
  alert_seq: number;
  at: string;
  ok: number;
  status: number | null;
  error: string | null;
}

/** A feed `sitrep watch` polls (src/watch/): its schedule, what the last poll left, its health. */
export interface SourcesTable {
  id: Generated<number>;
  url: string;
  every_ms: number;
  /** ISO alpha-2 country that ambiguous place names in this feed's items should prefer. */
  region: string | null;
  /** 1: each new item's article page is fetched instead of the feed's summary. */
  follow: number;
  paused: Generated<number>;
  added_at: string;
  /** ISO time the source is next due; while a watcher polls it, the end of that watcher's lease. */
  next_due: string;
  /** The token of the watcher polling it now, or null. */
  claim: string | null;
  etag: string | null;
  last_modified: string | null;
  /** JSON object of the feed's items at the last poll: item id to a digest of what the feed said of it. */
  seen: Generated<string>;
  last_polled_at: string | null;
  /** Failed polls since the last good one. */
  failures: Generated<number>;
  /** When the failures began: a source failing for a day is unhealthy. */
  failing_since: string | null;
  last_error: string | null;
}

export interface Schema {
  documents: DocumentsTable;
  document_bands: DocumentBandsTable;
  near_duplicates: NearDuplicatesTable;
  mentions: MentionsTable;
  events: EventsTable;
  event_sources: EventSourcesTable;
  decisions: DecisionsTable;
  watchlists: WatchlistsTable;
  alerts: AlertsTable;
  alert_attempts: AlertAttemptsTable;
  alert_events: AlertEventsTable;
  alert_documents: AlertDocumentsTable;
  sources: SourcesTable;
}
