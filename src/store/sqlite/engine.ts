import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Kysely, sql } from "kysely";
import { containsPoint, type Area } from "../../geo/area.js";
import type { Engine } from "../engine.js";
import { migrate } from "../migrate.js";
import type { Schema } from "../schema.js";
import { ImmediateSqliteDialect } from "./dialect.js";
import { ftsQuery } from "./fts-query.js";
import { sqliteMigrations } from "./migrations.js";
import { cachingDatabase } from "./statement-cache.js";

function connect(path: string): Database.Database {
  mkdirSync(dirname(path), { recursive: true });
  try {
    const sqlite = new Database(path);
    // WAL: readers (the server, a second CLI) never block the writer, and a killed process
    // leaves every committed document intact and no uncommitted one.
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    // Checkpoints copy the log into the file; less often means hot pages (index roots) are
    // copied once for many documents rather than once for each few.
    sqlite.pragma("wal_autocheckpoint = 10000");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 10000");
    registerInArea(sqlite);
    return sqlite;
  } catch (err) {
    throw new Error(`${path}: cannot open the database: ${(err as Error).message}`);
  }
}

/**
 * `sitrep_in_area(lat, lon, area)` for filters.ts: the area is bound as GeoJSON text, the same
 * text for every row of one query, so the last one read is kept parsed.
 */
function registerInArea(sqlite: Database.Database): void {
  let text = "";
  let area: Area | null = null;
  sqlite.function("sitrep_in_area", { deterministic: true }, (lat, lon, json) => {
    if (typeof lat !== "number" || typeof lon !== "number" || typeof json !== "string") return 0;
    if (json !== text) [text, area] = [json, JSON.parse(json) as Area];
    return containsPoint(area!, lat, lon) ? 1 : 0;
  });
}

export const sqliteEngine: Engine = {
  async open(path) {
    const db = new Kysely<Schema>({ dialect: new ImmediateSqliteDialect({ database: cachingDatabase(connect(path)) }) });
    // The migrator's transaction begins IMMEDIATE (dialect.ts): a second process waits for the
    // first's migrations to commit, then finds nothing left to do.
    try {
      await migrate(db, sqliteMigrations, path);
    } catch (err) {
      await db.destroy();
      throw err;
    }
    return db;
  },

  async indexDocuments(db, docs) {
    if (docs.length === 0) return;
    await sql`INSERT INTO documents_fts (rowid, title, body) VALUES ${sql.join(docs.map((d) => sql`(${d.seq}, ${d.title ?? ""}, ${d.text})`))}`.execute(db);
  },

  async unindexDocument(db, seq) {
    await sql`DELETE FROM documents_fts WHERE rowid = ${seq}`.execute(db);
  },

  matchingDocuments(query) {
    return sql<number>`(SELECT rowid FROM documents_fts WHERE documents_fts MATCH ${ftsQuery(query)})`;
  },

  rowsTable: (alias, columns, rows) =>
    sql`(SELECT ${sql.join(columns.map((c) => sql`json_extract(value, ${sql.lit(`$.${c}`)}) AS ${sql.id(c)}`))} FROM json_each(${JSON.stringify(rows)})) AS ${sql.id(alias)}`,

  // SQLite takes the left table of a CROSS JOIN first, and looks the right one up for each of its rows.
  joinEach: (outer, keep, { columns, from, where }) => sql`SELECT ${keep}, ${columns} FROM ${outer} CROSS JOIN ${from} WHERE ${where}`,

  // Descending already puts NULLs last, and leaves the index on the column usable for the sort.
  nullsLast: (column, descending) => (descending ? sql`${column} DESC` : sql`${column} IS NULL, ${column} ASC`),

  // The transaction began IMMEDIATE and so holds the file's one write lock already.
  async lock() {},

  // VACUUM INTO reads one snapshot, as any reader does, while writers go on; it writes a compact
  // file and refuses one that exists.
  async backup(db, path) {
    if (existsSync(path)) throw new Error(`${path} exists: a backup is written to a new file`);
    mkdirSync(dirname(path), { recursive: true });
    await sql`VACUUM INTO ${path}`.execute(db);
  },

  // A statement that writes holds the file's one write lock: no other can select the same rows.
  skipLocked: (query) => query,
};
