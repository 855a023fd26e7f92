import { sql, type Kysely, type RawBuilder } from "kysely";
import type { SourcedMention } from "../model.js";
import type { ResolvePort } from "../resolve/port.js";
import { insertRows } from "./insert-rows.js";
import { eventRow, SHORT_DATE_DAYS, sourcedMention, type MentionWithDocument } from "./rows.js";
import type { Schema } from "./schema.js";
import type { AnalystDecision } from "./store.js";
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
 * The mentions still in force of these events, with what the resolver needs of their documents.
 * Read from the events' side: the event_sources index finds them, where starting from the mentions
 * read every mention in the store.
 */
function membersOf(db: Kysely<Schema>, eventIds: string[]) {
  return db
    .selectFrom("event_sources")
    .innerJoin("mentions", "mentions.id", "event_sources.mention_id")
    .innerJoin("documents", "documents.seq", "mentions.document_seq")
    .innerJoin("events", "events.id", "event_sources.event_id")
    .select(["mentions.id", "mentions.contract_id", "mentions.body", "documents.outlet", "documents.url", "documents.published", "event_sources.event_id", "events.linked_outside"])
    .where("event_sources.event_id", "in", eventIds)
    .where("mentions.superseded", "=", 0);
}

// Run for every mention stored, so written as SQL rather than built: building and compiling a
// seven-part union with the query builder took longer than SQLite takes to run it.
const CANDIDATES_IN_FORCE = sql`SELECT mentions.id, mentions.contract_id, mentions.body, documents.outlet, documents.url, documents.published, event_sources.event_id
FROM mentions LEFT JOIN event_sources ON event_sources.mention_id = mentions.id JOIN documents ON documents.seq = mentions.document_seq
WHERE mentions.superseded = 0 AND mentions.undated = 0`;

/**
 * The resolver's view of the store, bound to `db`: a transaction, in which the analysts'
 * decisions do not change (only merge and split write them, each in a transaction of its own), so
 * they are read once.
 */
export function resolvePort(db: Kysely<Schema>): ResolvePort {
  let decisions: Promise<AnalystDecision[]> | undefined;
  // A stored mention never changes (a new version supersedes it, and superseded ones are not
  // read), and the same few are handed over again and again while a batch is resolved: each is
  // parsed once, and the resolver's features, kept by object, are worked out once too.
  const parsed = new Map<string, SourcedMention>();
  const read = (row: MentionWithDocument) => {
    let m = parsed.get(row.id);
    if (!m) {
      m = sourcedMention(row);
      parsed.set(row.id, m);
    }
    return m;
  };
  return {
    async candidates(m: SourcedMention) {
      const country = m.location?.country ?? null;
      const start = m.date?.start ?? null;
      if (isUndated(m)) return [];
      // A union rather than one query with OR, so that each part is one range of an index.
      const parts: RawBuilder<unknown>[] = [];
      const part = (...conditions: RawBuilder<unknown>[]) =>
        parts.push(sql`${CANDIDATES_IN_FORCE} AND mentions.id <> ${m.id} AND ${sql.join(conditions, sql` AND `)}`);
      if (start === null) {
        if (country === null) return [];
        part(sql`mentions.country = ${country}`);
      } else {
        const from = shiftDate(start, -CANDIDATE_WINDOW_DAYS);
        const to = shiftDate(m.date?.end ?? start, CANDIDATE_WINDOW_DAYS);
        const overlapping = (...where: RawBuilder<unknown>[]) => {
          for (const long of [0, 1]) {
            const earliest = shiftDate(from, -(long ? LONGEST_DATE_DAYS : SHORT_DATE_DAYS));
            part(
              ...where,
              sql`mentions.long_date = ${long} AND mentions.date_start >= ${earliest} AND mentions.date_start <= ${to}`,
              sql`coalesce(mentions.date_end, mentions.date_start) >= ${from}`,
            );
          }
        };
        if (country === null) overlapping();
        else {
          overlapping(sql`mentions.country = ${country}`);
          overlapping(sql`mentions.country IS NULL`);
          part(sql`mentions.country = ${country} AND mentions.long_date = 0 AND mentions.date_start IS NULL`);
        }
      }
      const { rows } = await sql<MentionWithDocument & { event_id: string | null }>`${sql.join(parts, sql` UNION ALL `)}`.execute(db);
      // The port's convention for a stored mention that no event holds yet is an eventId of "".
      return rows.map((row) => ({ mention: read(row), eventId: row.event_id ?? "" }));
    },

    async members(eventIds: string[]) {
      if (eventIds.length === 0) return [];
      const rows = await membersOf(db, eventIds).orderBy("mentions.id").execute();
      const outside = new Map<string, Set<string> | null>();
      for (const { event_id, linked_outside } of rows) {
        if (!outside.has(event_id)) outside.set(event_id, linked_outside === null ? null : new Set(JSON.parse(linked_outside) as string[]));
      }
      return rows.map((row) => ({ mention: read(row), eventId: row.event_id, linksOutside: outside.get(row.event_id)?.has(row.id) ?? true }));
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
      if (oldIds.length > 0) {
        await db.deleteFrom("event_sources").where("event_id", "in", oldIds).execute();
        await db.deleteFrom("events").where("id", "in", oldIds).execute();
      }
      if (events.length === 0) return;
      await insertRows(db, "events", events.map((e) => eventRow(e.record, e.linkedOutside)));
      const sources = events.flatMap(({ record, mentionIds }) => mentionIds.map((mentionId) => ({ mention_id: mentionId, event_id: record.id })));
      await insertRows(db, "event_sources", sources);
    },
  };
}
