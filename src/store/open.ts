import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Kysely, Migrator, type Migration } from "kysely";
import type { ReconcileRule } from "../model.js";
import type { Schema } from "./schema.js";
import { SqlStore } from "./sql-store.js";
import { ImmediateSqliteDialect } from "./sqlite/dialect.js";
import { sqliteEngine } from "./sqlite/engine.js";
import { cachingDatabase } from "./sqlite/statement-cache.js";

export interface OpenStoreOptions {
  /** The SQLite file; created with its folder when missing. */
  path: string;
  /** How an event's headline figures are chosen among its sources' (default: conservative). */
  rule?: ReconcileRule;
}

async function migrate(db: Kysely<Schema>, migrations: Record<string, Migration>, path: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw new Error(`${path}: migration failed: ${(error as Error).message}`);
}

/** Opens (creating and migrating when needed) the embedded store in one SQLite file. */
export async function openStore(options: OpenStoreOptions): Promise<SqlStore> {
  mkdirSync(dirname(options.path), { recursive: true });
  let sqlite: Database.Database;
  try {
    sqlite = new Database(options.path);
    // WAL: readers (the server, a second CLI) never block the writer, and a killed process
    // leaves every committed document intact and no uncommitted one.
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    // Checkpoints copy the log into the file; less often means hot pages (index roots) are
    // copied once for many documents rather than once for each few.
    sqlite.pragma("wal_autocheckpoint = 10000");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 10000");
  } catch (err) {
    throw new Error(`${options.path}: cannot open the database: ${(err as Error).message}`);
  }
  const db = new Kysely<Schema>({ dialect: new ImmediateSqliteDialect({ database: cachingDatabase(sqlite) }) });
  try {
    await migrate(db, sqliteEngine.migrations, options.path);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return new SqlStore(db, sqliteEngine, options.rule ?? "conservative");
}
