import { sql, type Kysely, type Migration } from "kysely";
import { createInAreaFunction, createWatchlists } from "../watchlists-migration.js";
import { createSources } from "../sources-table.js";

// PostgreSQL's own history, begun with the schema SQLite reached in its seven migrations: the
// same tables and columns (schema.ts), with PostgreSQL's types and a tsvector index for search.

async function createSchema(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("documents")
    .addColumn("seq", "serial", (c) => c.primaryKey())
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
    .addColumn("minhash", "bytea", (c) => c.notNull())
    .addColumn("ingested_at", "text", (c) => c.notNull())
    .addColumn("raw", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("clean", "text", (c) => c.notNull())
    .addUniqueConstraint("documents_id_version", ["id", "version"])
    .execute();
  await db.schema.createIndex("documents_current_id").unique().on("documents").column("id").where(sql.ref("current"), "=", 1).execute();
  await db.schema.createIndex("documents_current_url").on("documents").column("url").where(sql.ref("current"), "=", 1).execute();

  // Words without stems and without accents, as SQLite's unicode61 tokenizer with
  // remove_diacritics reads them: a query finds the same documents on both engines.
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  await sql`CREATE TEXT SEARCH CONFIGURATION sitrep (COPY = simple)`.execute(db);
  await sql`ALTER TEXT SEARCH CONFIGURATION sitrep ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple`.execute(db);
  await db.schema
    .createTable("documents_fts")
    .addColumn("seq", "integer", (c) => c.primaryKey().references("documents.seq"))
    .addColumn("words", sql`tsvector`, (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX documents_fts_words ON documents_fts USING gin (words)`.execute(db);

  await db.schema
    .createTable("document_bands")
    .addColumn("band", "bigint", (c) => c.notNull())
    .addColumn("document_seq", "integer", (c) => c.notNull().references("documents.seq"))
    .addPrimaryKeyConstraint("document_bands_pk", ["band", "document_seq"])
    .execute();
  await db.schema
    .createTable("near_duplicates")
    .addColumn("document_id", "text", (c) => c.notNull())
    .addColumn("other_id", "text", (c) => c.notNull())
    .addColumn("similarity", "double precision", (c) => c.notNull())
    .addPrimaryKeyConstraint("near_duplicates_pk", ["document_id", "other_id"])
    .execute();

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
    .addColumn("undated", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("country", "text")
    .addColumn("lat", "double precision")
    .addColumn("lon", "double precision")
    .addColumn("attack_types", "text", (c) => c.notNull())
    .addColumn("event_type", "text")
    .addColumn("sub_event_type", "text")
    .addColumn("actors", "text", (c) => c.notNull())
    .addColumn("killed", "integer")
    .addColumn("wounded", "integer")
    .addColumn("body", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("mentions_document_seq").on("mentions").column("document_seq").execute();
  // The resolver's candidates (resolve-port.ts), answered from the indexes alone.
  await db.schema.createIndex("mentions_date").on("mentions").columns(["long_date", "undated", "date_start", "date_end", "superseded", "id"]).execute();
  await db.schema
    .createIndex("mentions_country_date")
    .on("mentions")
    .columns(["country", "long_date", "undated", "date_start", "date_end", "superseded", "id"])
    .execute();

  await db.schema
    .createTable("events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("date_start", "text")
    .addColumn("date_end", "text")
    .addColumn("country", "text")
    .addColumn("lat", "double precision")
    .addColumn("lon", "double precision")
    .addColumn("attack_types", "text", (c) => c.notNull())
    .addColumn("attack_type", "text")
    .addColumn("event_type", "text")
    .addColumn("sub_event_type", "text")
    .addColumn("actors", "text", (c) => c.notNull())
    .addColumn("killed", "integer")
    .addColumn("wounded", "integer")
    .addColumn("source_count", "integer", (c) => c.notNull())
    .addColumn("conflict_count", "integer", (c) => c.notNull())
    .addColumn("component", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("record", "text", (c) => c.notNull())
    .execute();
  // Newest first with the undated last (the default order), read from the index without sorting.
  await sql`CREATE INDEX events_date ON events (date_start DESC NULLS LAST, id)`.execute(db);
  await sql`CREATE INDEX events_country_date ON events (country, date_start DESC NULLS LAST, id)`.execute(db);
  await db.schema.createIndex("events_lat_lon").on("events").columns(["lat", "lon"]).execute();
  await db.schema.createIndex("events_component").on("events").column("component").execute();

  await db.schema
    .createTable("event_sources")
    .addColumn("mention_id", "text", (c) => c.primaryKey().references("mentions.id"))
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .execute();
  await db.schema.createIndex("event_sources_event").on("event_sources").column("event_id").execute();

  await db.schema
    .createTable("decisions")
    .addColumn("seq", "serial", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("mention_ids", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
}

export const postgresMigrations: Record<string, Migration> = {
  "0001-schema": { up: createSchema },
  "0009-watchlists": {
    up: async (db) => {
      await createWatchlists(db, "serial");
      await createInAreaFunction(db);
    },
  },
  "0008-sources": { up: (db) => createSources(db, "serial") },
};
