import type { Kysely } from "kysely";

/**
 * The feeds `sitrep watch` polls (schema.ts, SourcesTable), the same on both engines but for the
 * type of a generated key. The due index is what watchers claim by.
 */
export async function createSources(db: Kysely<any>, generatedKey: "integer" | "serial"): Promise<void> {
  await db.schema
    .createTable("sources")
    .addColumn("id", generatedKey, (c) => c.primaryKey())
    .addColumn("url", "text", (c) => c.notNull().unique())
    .addColumn("every_ms", "integer", (c) => c.notNull())
    .addColumn("region", "text")
    .addColumn("follow", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("paused", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("added_at", "text", (c) => c.notNull())
    .addColumn("next_due", "text", (c) => c.notNull())
    .addColumn("claim", "text")
    .addColumn("etag", "text")
    .addColumn("last_modified", "text")
    .addColumn("seen", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("last_polled_at", "text")
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("failing_since", "text")
    .addColumn("last_error", "text")
    .execute();
  await db.schema.createIndex("sources_due").on("sources").columns(["paused", "next_due"]).execute();
}
