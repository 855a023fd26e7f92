import type { Kysely, Migration, RawBuilder } from "kysely";
import type { Schema } from "./schema.js";

/**
 * What differs between database engines under the shared query code: the DDL (full-text search
 * above all) and how a text query finds documents. SQLite implements it now, PostgreSQL later.
 */
export interface Engine {
  /** Applied in name order; a name, once released, never changes its meaning. */
  migrations: Record<string, Migration>;
  indexDocument(db: Kysely<Schema>, seq: number, title: string | null, text: string): Promise<void>;
  unindexDocument(db: Kysely<Schema>, seq: number): Promise<void>;
  /** A subquery yielding the `documents.seq` of versions that match the words of `query`. */
  matchingDocuments(query: string): RawBuilder<number>;
}
