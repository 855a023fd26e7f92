import { Migrator, type Kysely, type Migration } from "kysely";
import type { Schema } from "./schema.js";

/** Applies `migrations` not yet applied, in name order; a failure names the store. */
export async function migrate(db: Kysely<Schema>, migrations: Record<string, Migration>, location: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw new Error(`${location}: migration failed: ${(error as Error).message}`);
}
