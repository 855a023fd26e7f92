import { sql } from "kysely";
import type { Engine } from "../engine.js";
import { ftsQuery } from "./fts-query.js";
import { sqliteMigrations } from "./migrations.js";

export const sqliteEngine: Engine = {
  migrations: sqliteMigrations,

  async indexDocument(db, seq, title, text) {
    await sql`INSERT INTO documents_fts (rowid, title, body) VALUES (${seq}, ${title ?? ""}, ${text})`.execute(db);
  },

  async unindexDocument(db, seq) {
    await sql`DELETE FROM documents_fts WHERE rowid = ${seq}`.execute(db);
  },

  matchingDocuments(query) {
    const match = ftsQuery(query);
    // A query with no word matches nothing rather than everything.
    if (match === null) return sql<number>`(SELECT NULL WHERE 0)`;
    return sql<number>`(SELECT rowid FROM documents_fts WHERE documents_fts MATCH ${match})`;
  },
};
