import type { ReconcileRule } from "../model.js";
import type { Engine } from "./engine.js";
import { postgresEngine } from "./postgres/engine.js";
import { isPostgresUrl } from "./postgres/url.js";
import { SqlStore } from "./sql-store.js";
import { sqliteEngine } from "./sqlite/engine.js";

export interface OpenStoreOptions {
  /** A SQLite file (created with its folder when missing) or a postgres:// URL. */
  db: string;
  /** How an event's headline figures are chosen among its sources' (default: conservative). */
  rule?: ReconcileRule;
}

/** The engine of a store location: PostgreSQL for a postgres:// URL, SQLite for anything else. */
export function engineFor(location: string): Engine {
  return isPostgresUrl(location) ? postgresEngine : sqliteEngine;
}

/** Opens the store at `db`, creating and migrating it when needed. */
export async function openStore(options: OpenStoreOptions): Promise<SqlStore> {
  const engine = engineFor(options.db);
  return new SqlStore(await engine.open(options.db), engine, options.rule ?? "conservative");
}
