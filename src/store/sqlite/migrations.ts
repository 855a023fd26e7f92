import { sql, type Kysely, type Migration } from "kysely";
import { createWatchlists } from "../watchlists-migration.js";
import { createSources } from "../sources-table.js";

// Each migration runs once per database file, in name order, inside the migrator's transaction.

async function createDocuments(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("documents")
    .addColumn("seq", "integer", (c) => c.primaryKey())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("current", "integer", (c) => c.notNull())
    .addColumn("url", "text")
    .addColumn("title", "text")
    .addColumn("outlet", "text")
    .addColumn("byline", "text")
    .addColumn("published", "text")
    .addColumn("published_from", "text")
    .addColumn("language", "text")
    .addColumn("content_hash", "text", (c) => c.notNull().unique())
    .addColumn("minhash", "blob", (c) => c.notNull())
    .addColumn("ingested_at", "text", (c) => c.notNull())
    // The long texts last: a column after them is read only by walking their overflow pages.
    .addColumn("raw", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("clean", "text", (c) => c.notNull())
    .addUniqueConstraint("documents_id_version", ["id", "version"])
    .execute();
  await db.schema.createIndex("documents_current_id").unique().on("documents").column("id").where(sql.ref("current"), "=", 1).execute();
  await db.schema.createIndex("documents_current_url").on("documents").column("url").where(sql.ref("current"), "=", 1).execute();
  // Contentless: the text is already in `documents`; the index keeps only what search needs.
  await sql`CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`.execute(db);

  await db.schema
    .createTable("document_bands")
    .addColumn("band", "integer", (c) => c.notNull())
    .addColumn("document_seq", "integer", (c) => c.notNull().references("documents.seq"))
    .addPrimaryKeyConstraint("document_bands_pk", ["band", "document_seq"])
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();
  await db.schema.createIndex("document_bands_document").on("document_bands").column("document_seq").execute();
  await db.schema
    .createTable("near_duplicates")
    .addColumn("document_id", "text", (c) => c.notNull())
    .addColumn("other_id", "text", (c) => c.notNull())
    .addColumn("similarity", "real", (c) => c.notNull())
    .addPrimaryKeyConstraint("near_duplicates_pk", ["document_id", "other_id"])
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();
}

async function createMentionsAndEvents(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("mentions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("contract_id", "text", (c) => c.notNull())
    .addColumn("document_id", "text", (c) => c.notNull())
    .addColumn("document_seq", "integer", (c) => c.notNull().references("documents.seq"))
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("superseded", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("date_start", "text")
    .addColumn("date_end", "text")
    .addColumn("long_date", "integer", (c) => c.notNull().defaultTo(0))
    // 1 when the mention says nothing of when (no date, not even a weekday): never a candidate.
    .addColumn("undated", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("country", "text")
    .addColumn("lat", "real")
    .addColumn("lon", "real")
    .addColumn("attack_types", "text", (c) => c.notNull())
    .addColumn("event_type", "text")
    .addColumn("sub_event_type", "text")
    .addColumn("actors", "text", (c) => c.notNull())
    .addColumn("killed", "integer")
    .addColumn("wounded", "integer")
    .addColumn("body", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("mentions_document_seq").on("mentions").column("document_seq").execute();
  // The resolver's candidates (resolve-port.ts) and the date filters.
  await db.schema.createIndex("mentions_date").on("mentions").columns(["long_date", "date_start"]).execute();
  await db.schema.createIndex("mentions_country_date").on("mentions").columns(["country", "long_date", "date_start"]).execute();

  await db.schema
    .createTable("events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("date_start", "text")
    .addColumn("date_end", "text")
    .addColumn("country", "text")
    .addColumn("lat", "real")
    .addColumn("lon", "real")
    .addColumn("attack_types", "text", (c) => c.notNull())
    .addColumn("attack_type", "text")
    .addColumn("event_type", "text")
    .addColumn("sub_event_type", "text")
    .addColumn("actors", "text", (c) => c.notNull())
    .addColumn("killed", "integer")
    .addColumn("wounded", "integer")
    .addColumn("source_count", "integer", (c) => c.notNull())
    .addColumn("conflict_count", "integer", (c) => c.notNull())
    .addColumn("record", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("events_date").on("events").column("date_start").execute();
  // A country's events, newest first, without sorting them: the API's most common page.
  await db.schema.createIndex("events_country_date").on("events").columns(["country", "date_start"]).execute();
  await db.schema.createIndex("events_lat_lon").on("events").columns(["lat", "lon"]).execute();

  await db.schema
    .createTable("event_sources")
    .addColumn("mention_id", "text", (c) => c.primaryKey().references("mentions.id"))
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .execute();
  await db.schema.createIndex("event_sources_event").on("event_sources").column("event_id").execute();

  await db.schema
    .createTable("decisions")
    .addColumn("seq", "integer", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("mention_ids", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
}

/**
 * The resolver's candidates (resolve-port.ts) never include mentions that say nothing of when; in
 * indexes without `undated` those shared the range of a null date_start with the year-unknown
 * ones, a range that grows with the store (a third of all mentions), read again for each mention
 * stored. With `undated` before the date, each part of the candidates' query is one short range.
 */
async function indexUndatedApart(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("mentions_date").execute();
  await db.schema.dropIndex("mentions_country_date").execute();
  await db.schema.createIndex("mentions_date").on("mentions").columns(["long_date", "undated", "date_start"]).execute();
  await db.schema.createIndex("mentions_country_date").on("mentions").columns(["country", "long_date", "undated", "date_start"]).execute();
}

/** Which members of an event linked to other events; components (0005) replaced it. */
async function addLinkedOutside(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("events").addColumn("linked_outside", "text").execute();
}

/**
 * Each event's component (ResolvedEvent.component), so that an incremental pass reads the events
 * a new report can affect in one query instead of following links report by report. Events
 * resolved before share the component "": the first report to reach one re-resolves them all,
 * which records their own components.
 */
async function addComponents(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("events").dropColumn("linked_outside").execute();
  await db.schema.alterTable("events").addColumn("component", "text", (c) => c.notNull().defaultTo("")).execute();
  await db.schema.createIndex("events_component").on("events").column("component").execute();
}

/**
 * The resolver's candidates (resolve-port.ts) are read for every mention stored, and many of them
 * are the same reports with wide dates read again and again. With what the query tests and
 * returns in the indexes themselves, SQLite answers it without reading the mentions' rows.
 */
async function coverCandidates(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("mentions_date").execute();
  await db.schema.dropIndex("mentions_country_date").execute();
  await db.schema.createIndex("mentions_date").on("mentions").columns(["long_date", "undated", "date_start", "date_end", "superseded", "id"]).execute();
  await db.schema
    .createIndex("mentions_country_date")
    .on("mentions")
    .columns(["country", "long_date", "undated", "date_start", "date_end", "superseded", "id"])
    .execute();
}

/** A retired version's bands are deleted by the primary key (storedBands), so this index only cost writes. */
async function dropBandsByDocument(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("document_bands_document").execute();
}

export const sqliteMigrations: Record<string, Migration> = {
  "0001-documents": { up: createDocuments },
  "0002-mentions-events": { up: createMentionsAndEvents },
  "0003-mentions-undated-apart": { up: indexUndatedApart },
  "0004-events-linked-outside": { up: addLinkedOutside },
  "0005-events-components": { up: addComponents },
  "0006-mentions-candidates-covered": { up: coverCandidates },
  "0007-document-bands-by-key": { up: dropBandsByDocument },
  "0009-watchlists": { up: (db) => createWatchlists(db, "integer") },
  "0008-sources": { up: (db) => createSources(db, "integer") },
};
