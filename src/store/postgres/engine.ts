import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Engine } from "../engine.js";
import { migrate } from "../migrate.js";
import type { Schema } from "../schema.js";
import { postgresMigrations } from "./migrations.js";
import { redactedUrl } from "./url.js";

// Any number fits: the key only has to be the same in every process that migrates.
const MIGRATION_LOCK = sql`hashtextextended('sitrep migrations', 0)`;

export const postgresEngine: Engine = {
  async open(url) {
    const pool = new pg.Pool({ connectionString: url });
    // An idle connection the server drops is replaced at the next query, which reports the error;
    // unhandled here, it would end the process.
    pool.on("error", () => {});
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    try {
      // A session lock on one connection, around the migrator's own: two processes opening a new
      // database at once would otherwise race to create the migrator's tables.
      await db.connection().execute(async (conn) => {
        await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
        try {
          await migrate(conn, postgresMigrations, redactedUrl(url));
        } finally {
          await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
        }
      });
    } catch (err) {
      await db.destroy();
      const message = (err as Error).message;
      throw new Error(message.startsWith(redactedUrl(url)) ? message : `${redactedUrl(url)}: cannot open the database: ${message}`);
    }
    return db;
  },

  async indexDocuments(db, docs) {
    if (docs.length === 0) return;
    const rows = docs.map((d) => sql`(${d.seq}, to_tsvector('sitrep', ${`${d.title ?? ""}\n${d.text}`}))`);
    await sql`INSERT INTO documents_fts (seq, words) VALUES ${sql.join(rows)}`.execute(db);
  },

  async unindexDocument(db, seq) {
    await sql`DELETE FROM documents_fts WHERE seq = ${seq}`.execute(db);
  },

  matchingDocuments(query) {
    return sql<number>`(SELECT seq FROM documents_fts WHERE words @@ websearch_to_tsquery('sitrep', ${query.text}))`;
  },

  rowsTable: (alias, columns, rows) =>
    sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS ${sql.id(alias)}(${sql.join(columns.map((c) => sql`${sql.id(c)} text`))})`,

  // A lateral subquery, run for each row of `outer`; OFFSET 0 keeps the planner from flattening it
  // into a plain join, which it would then hash.
  joinEach: (outer, keep, { columns, from, where }) =>
    sql`SELECT ${keep}, found.* FROM ${outer} CROSS JOIN LATERAL (SELECT ${columns} FROM ${from} WHERE ${where} OFFSET 0) AS found`,

  nullsLast: (column, descending) => sql`${column} ${sql.raw(descending ? "DESC" : "ASC")} NULLS LAST`,

  async backup() {
    throw new Error("a PostgreSQL store is backed up by the server's own tools: pg_dump --format=custom URL > FILE, and pg_restore to bring it back");
  },

  async lock(trx, keys) {
    if (keys.length === 0) return;
    // In one statement and in key order: transactions locking overlapping sets queue behind each
    // other instead of each holding what the other waits for.
    await sql`SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT DISTINCT hashtextextended(key, 0) AS k FROM unnest(${keys}::text[]) AS key ORDER BY k) AS keys`.execute(trx);
  },

  skipLocked: (query) => query.forUpdate().skipLocked() as typeof query,
};
