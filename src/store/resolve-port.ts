import { sql, type Kysely } from "kysely";
import type { AnalystDecision, EventRecord, SourcedMention } from "../model.js";
import type { ResolvePort } from "../resolve/port.js";
import { chunks } from "./chunks.js";
import type { Engine } from "./engine.js";
import { insertRows } from "./insert-rows.js";
import type { MentionCache } from "./mention-cache.js";
import { eventRow, SHORT_DATE_DAYS, sourcedMention } from "./rows.js";
import type { Schema } from "./schema.js";
import { isUndated } from "../resolve/features.js";

// The same blocking rule as the resolver's MentionIndex (src/resolve/blocking.ts): dated mentions
// within a day of each other, in the same country or one of them unknown; year-unknown and undated
// mentions by country alone.
const CANDIDATE_WINDOW_DAYS = 1;
// A stored mention overlapping a window starts at most its own length before it. Most dates are
// a day, a week or a month; the few longer ones (a year at most, precision "year") are indexed
// apart, so that looking back far enough for them does not mean reading a year of short ones.
const LONGEST_DATE_DAYS = 366;

function shiftDate(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The mentions still in force of these components. Read from the events' side: the component and
 * event_sources indexes find them, where starting from the mentions would read every mention in
 * the store.
 */
function membersOfComponents(db: Kysely<Schema>, components: string[]) {
  return db
    .selectFrom("events")
    .innerJoin("event_sources", "event_sources.event_id", "events.id")
    .innerJoin("mentions", "mentions.id", "event_sources.mention_id")
    .select(["mentions.id", "event_sources.event_id", "events.component", "events.source_count"])
    .where("events.component", "in", components)
    .where("mentions.superseded", "=", 0);
}

// Each kind of probe (a mention looked up) has its own list, joined to the mentions by the parts of
// the rule that apply to it; a union of such joins rather than one join with OR, so that each part
// is one range of an index for each probe. Written as SQL rather than built: run for every batch
// stored, and building a union with the query builder took longer than SQLite takes to run it. Ids
// only: the mentions themselves mostly come from the cache.
const PROBE_COLUMNS = ["probe", "id", "country", "date_from", "date_to", "short_from", "long_from"] as const;
type Probe = Record<(typeof PROBE_COLUMNS)[number], string | null>;

/** A stored mention overlapping the probe's window, of short (0) or long (1) dates. */
const overlapping = (long: 0 | 1) =>
  sql`mentions.long_date = ${sql.lit(long)} AND mentions.date_start >= p.${sql.raw(long ? "long_from" : "short_from")}
AND mentions.date_start <= p.date_to AND coalesce(mentions.date_end, mentions.date_start) >= p.date_from`;

const PARTS = {
  // Year unknown: every mention of the country that says something of when.
  yearUnknown: [sql`mentions.country = p.country`],
  // Dated, with a country: the same country or none, and the country's year-unknown mentions.
  datedIn: [
    ...([0, 1] as const).map((long) => sql`mentions.country = p.country AND ${overlapping(long)}`),
    ...([0, 1] as const).map((long) => sql`mentions.country IS NULL AND ${overlapping(long)}`),
    sql`mentions.country = p.country AND mentions.long_date = 0 AND mentions.date_start IS NULL`,
  ],
  // Dated, with no country: any country.
  datedAnywhere: ([0, 1] as const).map(overlapping),
};

function probeOf(m: SourcedMention, probe: number): { kind: keyof typeof PARTS; row: Probe } | null {
  if (isUndated(m)) return null;
  const country = m.location?.country ?? null;
  const start = m.date?.start ?? null;
  const row: Probe = { probe: String(probe), id: m.id, country, date_from: null, date_to: null, short_from: null, long_from: null };
  if (start === null) return country === null ? null : { kind: "yearUnknown", row };
  row.date_from = shiftDate(start, -CANDIDATE_WINDOW_DAYS);
  row.date_to = shiftDate(m.date?.end ?? start, CANDIDATE_WINDOW_DAYS);
  row.short_from = shiftDate(row.date_from, -SHORT_DATE_DAYS);
  row.long_from = shiftDate(row.date_from, -LONGEST_DATE_DAYS);
  return { kind: country === null ? "datedAnywhere" : "datedIn", row };
}

/** Told of the events just written, in the transaction that wrote them (watchlists fire here). */
export type EventsWritten = (db: Kysely<Schema>, records: EventRecord[]) => Promise<void>;

/**
 * The resolver's view of the store, bound to `db`: a transaction, in which the analysts'
 * decisions do not change (only merge and split write them, each in a transaction of its own), so
 * they are read once. Queries find mention ids; the mentions come from `cache` where it has them.
 */
export function resolvePort(db: Kysely<Schema>, engine: Engine, cache: MentionCache, written: EventsWritten): ResolvePort {
  let decisions: Promise<AnalystDecision[]> | undefined;
  // What is not cached yet is read by id.
  const read = async (ids: string[]): Promise<Map<string, SourcedMention>> => {
    const found = new Map<string, SourcedMention>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const m = cache.get(id);
      if (m) found.set(id, m);
      else missing.push(id);
    }
    for (const some of chunks(missing)) {
      const rows = await db
        .selectFrom("mentions")
        .innerJoin("documents", "documents.seq", "mentions.document_seq")
        .select(["mentions.id", "mentions.contract_id", "mentions.body", "documents.outlet", "documents.url", "documents.published"])
        .where("mentions.id", "in", some)
        .execute();
      for (const row of rows) {
        const m = sourcedMention(row);
        cache.set(m);
        found.set(m.id, m);
      }
    }
    return found;
  };
  return {
    async candidates(ms: SourcedMention[]) {
      const probes = new Map<keyof typeof PARTS, Probe[]>();
      for (const [i, m] of ms.entries()) {
        const probe = probeOf(m, i);
        if (!probe) continue;
        const rows = probes.get(probe.kind);
        if (rows) rows.push(probe.row);
        else probes.set(probe.kind, [probe.row]);
      }
      const found: { mention: SourcedMention; eventId: string }[][] = ms.map(() => []);
      if (probes.size === 0) return found;
      // Each list is bound once, however many parts read it.
      const lists = [...probes].map(([kind, rows]) => sql`${sql.id(kind)} AS (SELECT * FROM ${engine.rowsTable("p", PROBE_COLUMNS, rows)})`);
      const parts = [...probes.keys()].flatMap((kind) =>
        PARTS[kind].map((part) =>
          engine.joinEach(sql`${sql.id(kind)} AS p`, sql`p.probe`, {
            columns: sql`mentions.id, event_sources.event_id`,
            from: sql`mentions LEFT JOIN event_sources ON event_sources.mention_id = mentions.id`,
            where: sql`mentions.superseded = 0 AND mentions.undated = 0 AND mentions.id <> p.id AND ${part}`,
          }),
        ),
      );
      const { rows } = await sql<{ probe: string; id: string; event_id: string | null }>`WITH ${sql.join(lists)} ${sql.join(parts, sql` UNION ALL `)}`.execute(db);
      const mentions = await read(rows.map((row) => row.id));
      // The port's convention for a stored mention that no event holds yet is an eventId of "".
      for (const row of rows) found[Number(row.probe)]!.push({ mention: mentions.get(row.id)!, eventId: row.event_id ?? "" });
      return found;
    },

    async components(eventIds: string[]) {
      const components = new Set<string>();
      for (const ids of chunks(eventIds)) {
        for (const row of await db.selectFrom("events").select("component").distinct().where("id", "in", ids).execute()) components.add(row.component);
      }
      const rows = [];
      for (const keys of chunks([...components])) rows.push(...(await membersOfComponents(db, keys).execute()));
      const mentions = await read(rows.map((row) => row.id));
      // An event has a source per mention.
      return rows.map((row) => ({ mention: mentions.get(row.id)!, eventId: row.event_id, component: row.component, eventSize: row.source_count }));
    },

    decisions() {
      decisions ??= db
        .selectFrom("decisions")
        .selectAll()
        .orderBy("seq")
        .execute()
        .then((rows) => rows.map((row) => ({ kind: row.kind, mentionIds: JSON.parse(row.mention_ids), at: row.at }) as AnalystDecision));
      return decisions;
    },

    async replaceEvents(oldIds, events) {
      for (const ids of chunks(oldIds)) {
        await db.deleteFrom("event_sources").where("event_id", "in", ids).execute();
        await db.deleteFrom("events").where("id", "in", ids).execute();
      }
      if (events.length === 0) return;
      await insertRows(db, "events", events.map((e) => eventRow(e.record, e.component)));
      const sources = events.flatMap(({ record, mentionIds }) => mentionIds.map((mentionId) => ({ mention_id: mentionId, event_id: record.id })));
      await insertRows(db, "event_sources", sources);
      await written(db, events.map((e) => e.record));
    },
  };
}
