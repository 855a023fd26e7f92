import { sql, type Kysely } from "kysely";

// Migration 0009 on both engines: the watchlists, the outbox of alerts their events fire and the
// log of every delivery attempt. Independent of the migrations before it but 0002 (events).

/** `seq`: the engine's auto-numbered key type ("integer" on SQLite, "serial" on PostgreSQL). */
export async function createWatchlists(db: Kysely<any>, seq: "integer" | "serial"): Promise<void> {
  await db.schema
    .createTable("watchlists")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("filter", "text", (c) => c.notNull())
    .addColumn("webhook", "text")
    .addColumn("secret", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    // Raised past every other row's on each change (removal included), so that max(stamp) tells a
    // writer whether the watchlists it keeps in memory are still those stored.
    .addColumn("stamp", "integer", (c) => c.notNull())
    // Removed watchlists stay as rows: their alerts and the log refer to them.
    .addColumn("removed", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("watchlists_live_name").unique().on("watchlists").column("name").where(sql.ref("removed"), "=", 0).execute();
  await db.schema.createIndex("watchlists_stamp").on("watchlists").column("stamp").execute();

  await db.schema
    .createTable("alerts")
    .addColumn("seq", seq, (c) => c.primaryKey())
    .addColumn("watchlist_id", "text", (c) => c.notNull().references("watchlists.id"))
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("version", "text", (c) => c.notNull())
    .addColumn("change", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_at", "text")
    .addColumn("lease_until", "text")
    .addColumn("last_error", "text")
    .addColumn("delivered_at", "text")
    // What makes firing once per event version: a second insert of the same three is ignored.
    .addUniqueConstraint("alerts_once", ["watchlist_id", "event_id", "version"])
    .execute();
  // Only what is still to be sent: most alerts (those of watchlists without a webhook) never are.
  await db.schema.createIndex("alerts_due").on("alerts").column("next_at").where(sql.ref("state"), "=", "pending").execute();
  await db.schema.createIndex("alerts_watchlist").on("alerts").columns(["watchlist_id", "seq"]).execute();

  // Each event version alerted, once however many watchlists it fired: what a payload, a feed
  // entry and the next alert's "what changed" read.
  await db.schema
    .createTable("alert_events")
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("version", "text", (c) => c.notNull())
    .addColumn("record", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("alert_events_pk", ["event_id", "version"])
    .execute();
  // The reports each alerted version was told by: a new version of a report gives its mentions,
  // and the event they are the smallest of, new ids; its next alert finds the last one by them.
  await db.schema
    .createTable("alert_documents")
    .addColumn("document_id", "text", (c) => c.notNull())
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("version", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("alert_documents_pk", ["document_id", "event_id", "version"])
    .execute();

  await db.schema
    .createTable("alert_attempts")
    .addColumn("seq", seq, (c) => c.primaryKey())
    .addColumn("alert_seq", "integer", (c) => c.notNull().references("alerts.seq"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("ok", "integer", (c) => c.notNull())
    .addColumn("status", "integer")
    .addColumn("error", "text")
    .execute();
  await db.schema.createIndex("alert_attempts_alert").on("alert_attempts").column("alert_seq").execute();
}

/** PostgreSQL's `sitrep_in_area` (filters.ts): the even-odd test of geo/area.ts over the GeoJSON text. */
export async function createInAreaFunction(db: Kysely<any>): Promise<void> {
  await sql`CREATE FUNCTION sitrep_in_area(lat double precision, lon double precision, area text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  polygon jsonb; ring jsonb; n int; i int; j int; r int;
  xi float8; yi float8; xj float8; yj float8; inside boolean; in_polygon boolean;
BEGIN
  IF lat IS NULL OR lon IS NULL THEN RETURN false; END IF;
  FOR polygon IN SELECT value FROM jsonb_array_elements(area::jsonb -> 'coordinates') LOOP
    in_polygon := false;
    r := 0;
    FOR ring IN SELECT value FROM jsonb_array_elements(polygon) LOOP
      inside := false;
      n := jsonb_array_length(ring);
      j := n - 1;
      FOR i IN 0 .. n - 1 LOOP
        xi := (ring -> i ->> 0)::float8; yi := (ring -> i ->> 1)::float8;
        xj := (ring -> j ->> 0)::float8; yj := (ring -> j ->> 1)::float8;
        IF (yi > lat) <> (yj > lat) AND lon < (xj - xi) * (lat - yi) / (yj - yi) + xi THEN inside := NOT inside; END IF;
        j := i;
      END LOOP;
      -- The first ring is the outline; a point inside a later one is in a hole.
      IF r = 0 THEN in_polygon := inside; ELSIF inside THEN in_polygon := false; END IF;
      r := r + 1;
    END LOOP;
    IF in_polygon THEN RETURN true; END IF;
  END LOOP;
  RETURN false;
END $$`.execute(db);
}
