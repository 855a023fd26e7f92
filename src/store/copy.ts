import { sql, type Kysely } from "kysely";
import { engineFor } from "./open.js";
import { isPostgresUrl, redactedUrl } from "./postgres/url.js";
import type { Schema } from "./schema.js";

// Moving up: a SQLite store's rows into a PostgreSQL store, table by table in the order their
// references need, a chunk a transaction. A row already there is left as it is (ON CONFLICT DO
// NOTHING), so a copy that stopped half-way is resumed by running it again.

const ROWS_PER_CHUNK = 500;

const TABLES: { table: keyof Schema; key: string[] }[] = [
  { table: "documents", key: ["seq"] },
  { table: "document_bands", key: ["band", "document_seq"] },
  { table: "near_duplicates", key: ["document_id", "other_id"] },
  { table: "mentions", key: ["id"] },
  { table: "events", key: ["id"] },
  { table: "event_sources", key: ["mention_id"] },
  { table: "decisions", key: ["seq"] },
  { table: "watchlists", key: ["id"] },
  { table: "alerts", key: ["seq"] },
  { table: "alert_events", key: ["event_id", "version"] },
  { table: "alert_documents", key: ["document_id", "event_id", "version"] },
  { table: "alert_attempts", key: ["seq"] },
];

export interface CopyReport {
  /** Rows of each table in both stores at the end, which the copy checked are the same. */
  rows: Record<string, number>;
  /** Rows this run wrote; fewer than `rows` when an earlier run had written the rest. */
  copied: number;
}

async function count(db: Kysely<Schema>, table: keyof Schema): Promise<number> {
  const { n } = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(n);
}

/** Copies every row of the SQLite store `from` into the PostgreSQL store `to` (created when new). */
export async function copyStore(from: string, to: string, onRows: (table: string, rows: number) => void = () => {}): Promise<CopyReport> {
  if (isPostgresUrl(from) || !isPostgresUrl(to)) throw new Error("copy: --from is a SQLite file and --to a postgres:// URL");
  const source = await engineFor(from).open(from);
  const targetEngine = engineFor(to);
  const target = await targetEngine.open(to).catch(async (err) => {
    await source.destroy();
    throw err;
  });
  try {
    let copied = 0;
    for (const { table, key } of TABLES) {
      for (let offset = 0; ; offset += ROWS_PER_CHUNK) {
        // Offsets over the source's key order: the source does not change while it is copied.
        let query = source.selectFrom(table).selectAll();
        for (const column of key) query = query.orderBy(sql.ref(column));
        const rows = (await query.limit(ROWS_PER_CHUNK).offset(offset).execute()) as Record<string, unknown>[];
        if (rows.length === 0) break;
        await target.transaction().execute(async (trx) => {
          const inserted = (await trx
            .insertInto(table)
            .values(rows as never)
            .onConflict((oc) => oc.doNothing())
            .returning(sql.ref(key[0]!) as never)
            .execute()) as Record<string, unknown>[];
          copied += inserted.length;
          // The search index is the engine's own: built for the current versions this run wrote.
          if (table === "documents") {
            const fresh = new Set(inserted.map((r) => r.seq));
            const current = rows.filter((row) => fresh.has(row.seq) && row.current === 1);
            await targetEngine.indexDocuments(
              trx,
              current.map((row) => ({ seq: row.seq as number, title: row.title as string | null, text: row.clean as string })),
            );
          }
        });
        onRows(table, rows.length);
      }
    }
    // Rows came with their numbers; what is stored next continues after them.
    for (const table of ["documents", "decisions", "alerts", "alert_attempts"]) {
      await sql`SELECT setval(pg_get_serial_sequence(${table}, 'seq'), (SELECT coalesce(max(seq), 0) + 1 FROM ${sql.table(table)}), false)`.execute(target);
    }
    const rows: Record<string, number> = {};
    const differ: string[] = [];
    for (const { table } of TABLES) {
      const [a, b] = [await count(source, table), await count(target, table)];
      rows[table] = a;
      if (a !== b) differ.push(`${table}: ${a} in ${from}, ${b} in ${redactedUrl(to)}`);
    }
    if (differ.length > 0) throw new Error(`copy: the stores differ after the copy (${differ.join("; ")})`);
    return { rows, copied };
  } finally {
    await source.destroy();
    await target.destroy();
  }
}
