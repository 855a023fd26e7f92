import { Migrator, type Kysely, type Migration } from "kysely";
import type { Schema } from "./schema.js";

/** Applies `migrations` not yet applied, in name order; a failure names the store. */
export async function migrate(db: Kysely<Schema>, migrations: Record<string, Migration>, location: string): Promise<void> {
  // Unordered: migrations written on parallel branches (0008, 0009) land in either order, and a
  // store that ran the later one first still runs the other.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
  const { error } = await migrator.migrateToLatest();
  if (error) throw new Error(`${location}: migration failed: ${(error as Error).message}`);
}
