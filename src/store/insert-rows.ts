import { CompiledQuery, type Insertable, type Kysely } from "kysely";
import { chunks, VALUES_PER_STATEMENT } from "./chunks.js";
import type { Schema } from "./schema.js";

// Ingest inserts a few hundred values for every document (its row, its LSH bands, its mentions,
// their events), and the query builder took longer to build and compile such an insert than
// SQLite took to run it. The builder still writes the SQL, in the engine's own dialect, but once
// per connection or transaction (a batch of documents is one), table, column list and number of
// rows; later inserts of that shape only bind new values.
const compiled = new WeakMap<Kysely<Schema>, Map<string, string>>();

/**
 * Inserts rows that all have the same columns in the same order (as the row builders in rows.ts
 * make them), returning the rows the engine returns for `returning` columns. As many rows as the
 * engine binds values for go in one statement.
 */
export async function insertRows<T extends keyof Schema & string>(
  db: Kysely<Schema>,
  table: T,
  rows: Insertable<Schema[T]>[],
  returning: string[] = [],
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  const returned: Record<string, unknown>[] = [];
  for (const chunk of chunks(rows, Math.floor(VALUES_PER_STATEMENT / columns.length))) {
    returned.push(...(await insertChunk(db, table, chunk, columns, returning)));
  }
  return returned;
}

async function insertChunk<T extends keyof Schema & string>(
  db: Kysely<Schema>,
  table: T,
  rows: Insertable<Schema[T]>[],
  columns: string[],
  returning: string[],
): Promise<Record<string, unknown>[]> {
  let texts = compiled.get(db);
  if (!texts) compiled.set(db, (texts = new Map()));
  const key = `${table}(${columns.join(",")})x${rows.length}>${returning.join(",")}`;
  let text = texts.get(key);
  if (!text) {
    const query = db.insertInto(table).values(rows as never);
    text = (returning.length > 0 ? query.returning(returning as never) : query).compile().sql;
    texts.set(key, text);
  }
  const values: unknown[] = [];
  for (const row of rows) for (const column of columns) values.push((row as Record<string, unknown>)[column]);
  const { rows: returned } = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, values));
  return returned;
}
