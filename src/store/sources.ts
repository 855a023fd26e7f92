import type { Kysely, Selectable } from "kysely";
import type { Engine } from "./engine.js";
import type { Schema, SourcesTable } from "./schema.js";

// The feeds `sitrep watch` polls, kept in the store so that every watcher of it, on any machine,
// shares one list, one schedule and what the last poll of each feed left.

/** What a user says of a source when adding it. */
export interface SourceSettings {
  url: string;
  everyMs: number;
  /** ISO alpha-2 country that ambiguous place names in the feed's items should prefer. */
  region?: string;
  /** Fetch each new item's article page instead of taking the feed's summary. */
  follow: boolean;
}

export interface Source extends SourceSettings {
  id: number;
  paused: boolean;
  addedAt: string;
  /** ISO time it is next due (while a watcher polls it, the end of that watcher's lease). */
  nextDue: string;
  etag?: string;
  lastModified?: string;
  /** The feed's items at the last poll that read it: item id to a digest of what the feed said of it. */
  seen: Record<string, string>;
  lastPolledAt?: string;
  failures: number;
  failingSince?: string;
  lastError?: string;
}

/** What a poll that read the feed, or found it unchanged, leaves for the next. */
export interface PollSuccess {
  at: Date;
  nextDue: Date;
  /** Absent when the feed was unchanged (HTTP 304): the last poll's stay. */
  read?: { etag?: string; lastModified?: string; seen: Record<string, string> };
}

export interface PollFailure {
  at: Date;
  nextDue: Date;
  error: string;
}

export interface SourceStore {
  /** Adds a source, due now; a URL watched already is refused, naming the source that has it. */
  add(settings: SourceSettings, now: Date): Promise<Source>;
  list(): Promise<Source[]>;
  /** The source with this id (digits) or URL; an error naming `ref` when there is none. */
  get(ref: string): Promise<Source>;
  remove(id: number): Promise<void>;
  /** Pausing stops its polls; resuming makes it due now. */
  setPaused(id: number, paused: boolean, now: Date): Promise<void>;
  /**
   * Up to `limit` sources due at `now`, oldest due first, each leased to `token` until `leaseUntil`:
   * no other watcher claims one before then. Two watchers claiming at once get different sources.
   */
  claimDue(now: Date, limit: number, token: string, leaseUntil: Date): Promise<Source[]>;
  /** Lengthens a lease still held; false when another watcher took the source over. */
  extendClaim(id: number, token: string, leaseUntil: Date): Promise<boolean>;
  /** Ends a lease with what the poll found; nothing is written when the lease was lost. */
  finish(id: number, token: string, outcome: PollSuccess | PollFailure): Promise<void>;
  /** When the next source that is not paused is due, or null when there is none. */
  nextDue(): Promise<Date | null>;
}

function source(row: Selectable<SourcesTable>): Source {
  const s: Source = {
    id: row.id,
    url: row.url,
    everyMs: row.every_ms,
    follow: row.follow === 1,
    paused: row.paused === 1,
    addedAt: row.added_at,
    nextDue: row.next_due,
    seen: JSON.parse(row.seen) as Record<string, string>,
    failures: row.failures,
  };
  if (row.region !== null) s.region = row.region;
  if (row.etag !== null) s.etag = row.etag;
  if (row.last_modified !== null) s.lastModified = row.last_modified;
  if (row.last_polled_at !== null) s.lastPolledAt = row.last_polled_at;
  if (row.failing_since !== null) s.failingSince = row.failing_since;
  if (row.last_error !== null) s.lastError = row.last_error;
  return s;
}

/** The source store over any engine kysely speaks to; the engine supplies the row locks. */
export class SqlSources implements SourceStore {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly engine: Engine,
  ) {}

  async add(settings: SourceSettings, now: Date): Promise<Source> {
    const same = await this.db.selectFrom("sources").select("id").where("url", "=", settings.url).executeTakeFirst();
    if (same) throw new Error(`${settings.url} is watched already (source ${same.id})`);
    const row = await this.db
      .insertInto("sources")
      .values({
        url: settings.url,
        every_ms: settings.everyMs,
        region: settings.region ?? null,
        follow: settings.follow ? 1 : 0,
        added_at: now.toISOString(),
        next_due: now.toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return source(row);
  }

  async list(): Promise<Source[]> {
    return (await this.db.selectFrom("sources").selectAll().orderBy("id").execute()).map(source);
  }

  async get(ref: string): Promise<Source> {
    const query = this.db.selectFrom("sources").selectAll();
    const row = await (/^\d+$/.test(ref) ? query.where("id", "=", Number(ref)) : query.where("url", "=", ref)).executeTakeFirst();
    if (!row) throw new Error(`no source ${ref} (see: sitrep sources list)`);
    return source(row);
  }

  async remove(id: number): Promise<void> {
    await this.db.deleteFrom("sources").where("id", "=", id).execute();
  }

  async setPaused(id: number, paused: boolean, now: Date): Promise<void> {
    const update = this.db.updateTable("sources").where("id", "=", id);
    await (paused ? update.set({ paused: 1 }) : update.set({ paused: 0, next_due: now.toISOString() })).execute();
  }

  async claimDue(now: Date, limit: number, token: string, leaseUntil: Date): Promise<Source[]> {
    const due = this.engine.skipLocked(
      this.db.selectFrom("sources").select("id").where("paused", "=", 0).where("next_due", "<=", now.toISOString()).orderBy("next_due").limit(limit),
    );
    // One statement: the rows are locked, leased and returned before any other watcher can see them due.
    const rows = await this.db
      .updateTable("sources")
      .set({ next_due: leaseUntil.toISOString(), claim: token })
      .where("id", "in", due)
      .returningAll()
      .execute();
    return rows.map(source);
  }

  async extendClaim(id: number, token: string, leaseUntil: Date): Promise<boolean> {
    const { numUpdatedRows } = await this.db
      .updateTable("sources")
      .set({ next_due: leaseUntil.toISOString() })
      .where("id", "=", id)
      .where("claim", "=", token)
      .executeTakeFirst();
    return numUpdatedRows > 0n;
  }

  async finish(id: number, token: string, outcome: PollSuccess | PollFailure): Promise<void> {
    const update = this.db
      .updateTable("sources")
      .set({ next_due: outcome.nextDue.toISOString(), claim: null, last_polled_at: outcome.at.toISOString() })
      .where("id", "=", id)
      .where("claim", "=", token);
    if ("error" in outcome) {
      await update
        .set((eb) => ({
          failures: eb("failures", "+", 1),
          failing_since: eb.fn.coalesce("failing_since", eb.val(outcome.at.toISOString())),
          last_error: outcome.error,
        }))
        .execute();
      return;
    }
    const { read } = outcome;
    const cleared = update.set({ failures: 0, failing_since: null, last_error: null });
    await (read ? cleared.set({ etag: read.etag ?? null, last_modified: read.lastModified ?? null, seen: JSON.stringify(read.seen) }) : cleared).execute();
  }

  async nextDue(): Promise<Date | null> {
    const row = await this.db.selectFrom("sources").select((eb) => eb.fn.min("next_due").as("due")).where("paused", "=", 0).executeTakeFirst();
    return row?.due ? new Date(row.due) : null;
  }
}
