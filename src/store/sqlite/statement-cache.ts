import type Database from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

// Kysely prepares every query anew; preparing costs as much as running the small queries a
// document's ingest makes, so statements are kept by their SQL. A store runs a few dozen distinct
// statements (an IN list of each length is one), so the oldest is dropped only past a bound that
// a long-running server with many filter combinations could reach.
// Reusing one is safe: kysely runs one query at a time on its single connection.
const CACHED_STATEMENTS = 500;

export function cachingDatabase(db: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) return statement;
      statement = db.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > CACHED_STATEMENTS) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}
