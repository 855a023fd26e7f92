import { join } from "node:path";
import { test, type TestContext } from "node:test";
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type KyselyPlugin } from "kysely";
import pg from "pg";
import type { ReconcileRule } from "../../src/model.js";
import { openStore } from "../../src/store/open.js";
import type { Schema } from "../../src/store/schema.js";
import type { SqlStore } from "../../src/store/sql-store.js";
import { tempDir } from "./fixtures.js";

// Every store test runs on both engines: a SQLite file in a temporary folder, and a database of
// its own on the local PostgreSQL server (SITREP_TEST_PG names one to connect to for creating it),
// dropped after the test.

export const ENGINES = ["sqlite", "postgres"] as const;

/** Where to register what undoes a fixture: a test's context, or a list run by hand. */
export interface Cleanups {
  after(fn: () => unknown): void;
}
export type EngineName = (typeof ENGINES)[number];

const ADMIN_URL = process.env.SITREP_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
let databases = 0;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new, empty PostgreSQL database, dropped when the test ends; its URL. */
export async function freshDatabase(t: Cleanups): Promise<string> {
  const name = `sitrep_test_${process.pid}_${++databases}`;
  await admin(`CREATE DATABASE ${name}`);
  t.after(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Where a fresh store of `engine` lives: a file path or a postgres:// URL. */
export async function freshLocation(t: Cleanups, engine: EngineName): Promise<string> {
  return engine === "sqlite" ? join(tempDir(t), "s.db") : freshDatabase(t);
}

/** A fresh store of `engine`, closed when the test ends. */
export async function freshStore(t: Cleanups, engine: EngineName, rule?: ReconcileRule): Promise<SqlStore> {
  const store = await openStore({ db: await freshLocation(t, engine), ...(rule ? { rule } : {}) });
  t.after(() => store.close());
  return store;
}

/** A second connection to the store at `location`, for looking at its tables; closed when the test ends. */
export function rawConnection(t: Cleanups, location: string): Kysely<Schema> {
  let dialect;
  if (location.startsWith("postgres")) {
    const pool = new pg.Pool({ connectionString: location, max: 1 });
    // The test's database is dropped (its connections ended) at the end, maybe before this closes.
    pool.on("error", () => {});
    dialect = new PostgresDialect({ pool });
  } else dialect = new SqliteDialect({ database: new Database(location) });
  const db = new Kysely<Schema>({ dialect });
  t.after(() => db.destroy());
  return db;
}

/**
 * `db` counting the statements it sends, each a round trip to a server: what the store's queries
 * cost, counted on a real store rather than a stand-in.
 */
export function countingStatements(db: Kysely<Schema>): { db: Kysely<Schema>; statements: () => number } {
  let statements = 0;
  const counter: KyselyPlugin = {
    transformQuery: ({ node }) => node,
    // Every statement executed passes here once, those compiled by hand (insert-rows.ts) included.
    transformResult: async ({ result }) => {
      statements++;
      return result;
    },
  };
  return { db: db.withPlugin(counter), statements: () => statements };
}

/** One test per engine, named after it. */
export function testEngines(name: string, fn: (t: TestContext, engine: EngineName) => Promise<void>): void {
  for (const engine of ENGINES) test(`${name} [${engine}]`, (t) => fn(t, engine));
}
