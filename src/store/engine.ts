import type { Kysely, RawBuilder, SelectQueryBuilder } from "kysely";
import type { Schema } from "./schema.js";
import type { TextQuery } from "./text-query.js";

export interface IndexedText {
  seq: number;
  title: string | null;
  text: string;
}

/**
 * What differs between database engines under the shared query code; everything else (the
 * queries, ON CONFLICT, the great-circle distance) is the same SQL on both. SQLite is one file
 * and one writer; PostgreSQL is a server many processes write to at once.
 */
export interface Engine {
  /**
   * Connects to `location` (a file path, a postgres:// URL) and brings its schema up to date
   * with the engine's own migrations, under a lock: two processes opening one store at once
   * migrate it once.
   */
  open(location: string): Promise<Kysely<Schema>>;
  /** Adds documents (by `documents.seq`) to the full-text index, in one statement. */
  indexDocuments(db: Kysely<Schema>, docs: IndexedText[]): Promise<void>;
  unindexDocument(db: Kysely<Schema>, seq: number): Promise<void>;
  /** A subquery yielding the `documents.seq` of versions that match `query`. */
  matchingDocuments(query: TextQuery): RawBuilder<number>;
  /**
   * `rows` as a table named `alias` with text `columns`, bound as one value: a statement that
   * joins a list of any length is one round trip and keeps one text (SQLite's prepared statements
   * are kept by their text).
   */
  rowsTable(alias: string, columns: readonly string[], rows: Record<string, string | null>[]): RawBuilder<unknown>;
  /**
   * A SELECT of `keep` (columns of `outer`) and `columns`, joining each row of `outer` to the rows
   * of `from` that `where` (which reads `outer`'s columns) selects, by an index for each row of
   * `outer`. Left to choose, PostgreSQL's planner joins a list it cannot see into (`rowsTable`) by
   * hashing or merging all of `from`, which grows with the store, where each row's own range of
   * an index holds a few.
   */
  joinEach(outer: RawBuilder<unknown>, keep: RawBuilder<unknown>, inner: { columns: RawBuilder<unknown>; from: RawBuilder<unknown>; where: RawBuilder<unknown> }): RawBuilder<unknown>;
  /** An ORDER BY term on `column` that puts NULLs last in either direction. */
  nullsLast(column: RawBuilder<unknown>, descending: boolean): RawBuilder<unknown>;
  /**
   * Holds, until the transaction `trx` ends, a lock on each of `keys` (taken in one global order,
   * so that two transactions locking overlapping keys never deadlock). What two writers must not
   * do at once: store the same text, version the same document, resolve events.
   */
  lock(trx: Kysely<Schema>, keys: string[]): Promise<void>;
  /** Store.backup. */
  backup(db: Kysely<Schema>, path: string): Promise<void>;
  /**
   * `query` locking each row it selects, for the transaction that runs it, and passing over rows
   * another transaction holds: watchers claiming due sources, or deliverers due alerts, at once
   * each get different ones.
   */
  skipLocked<Q extends SelectQueryBuilder<any, any, any>>(query: Q): Q;
}
