import { randomBytes } from "node:crypto";
import { sql, type Kysely, type Selectable } from "kysely";
import { WatchIndex, type Watched } from "../alerts/match.js";
import { changeBetween, eventVersion, type AlertChange } from "../alerts/version.js";
import { WatchlistError, type Watchlist, type WatchlistInput } from "../alerts/watchlist.js";
import type { EventRecord } from "../model.js";
import { chunks } from "./chunks.js";
import type { Engine } from "./engine.js";
import { filterConditions } from "./filters.js";
import { insertRows } from "./insert-rows.js";
import { eventColumns } from "./rows.js";
import { RESOLUTION } from "./locks.js";
import type { AlertsTable, Schema, WatchlistsTable } from "./schema.js";

type Db = Kysely<Schema>;

/** An event's latest alert for one watchlist. */
interface Previous {
  seq: number;
  eventId: string;
  version: string;
}

/** An alert to write: its event version's record is stored once for every watchlist it fires. */
interface Firing {
  watchlistId: string;
  event: EventRecord;
  version: string;
  change: AlertChange;
  state: AlertState;
}

/** What two writers of watchlists must not do at once: give two changes the same stamp. */
const WATCHLISTS = "watchlists";

/** "baseline": what a watchlist matched when saved, never shown (see `baseline`). */
export type AlertState = "pending" | "delivered" | "failed" | "listed" | "baseline";

export interface Alert {
  seq: number;
  watchlistId: string;
  eventId: string;
  version: string;
  change: AlertChange;
  event: EventRecord;
  createdAt: string;
  state: AlertState;
  attempts: number;
  nextAt: string | null;
  lastError: string | null;
  deliveredAt: string | null;
}

export interface AlertAttempt {
  at: string;
  ok: boolean;
  status: number | null;
  error: string | null;
}

/** An alert a deliverer holds until its lease ends, with where to send it. */
export interface ClaimedAlert extends Alert {
  watchlistName: string;
  webhook: string;
  secret: string | null;
}

export interface RetryPolicy {
  /** The wait after the first failure, doubled after each further one up to `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** How long after it fired an alert is still retried; then it is marked failed. */
  retryForMs: number;
}

function watchlist(row: Selectable<WatchlistsTable>): Watchlist {
  return { id: row.id, name: row.name, filter: JSON.parse(row.filter), webhook: row.webhook, signed: row.secret !== null, createdAt: row.created_at, updatedAt: row.updated_at };
}

function alert(row: Selectable<AlertsTable>, event: EventRecord): Alert {
  return {
    seq: Number(row.seq),
    watchlistId: row.watchlist_id,
    eventId: row.event_id,
    version: row.version,
    change: JSON.parse(row.change),
    event,
    createdAt: row.created_at,
    state: row.state as AlertState,
    attempts: row.attempts,
    nextAt: row.next_at,
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
  };
}

/**
 * Watchlists and their alerts in the store. `fire` is the store's hook: it runs in the
 * transaction that writes events, so an alert exists exactly when the event version it reports
 * does, and a crash between the two cannot happen.
 */
export class SqlWatchlists {
  private index: { stamp: number; index: WatchIndex } | null = null;

  constructor(
    private readonly db: Db,
    private readonly engine: Engine,
  ) {}

  /** Stores a new watchlist; without a secret a webhook gets one made, returned this once. */
  async add(input: WatchlistInput): Promise<{ watchlist: Watchlist; secret: string | null }> {
    const id = `wl-${randomBytes(6).toString("hex")}`;
    return this.write(id, input, true);
  }

  /** Replaces a watchlist's name, filter and webhook; a new secret only when one is given or the webhook is new. */
  async update(id: string, input: WatchlistInput): Promise<{ watchlist: Watchlist; secret: string | null }> {
    return this.write(id, input, false);
  }

  private async write(id: string, input: WatchlistInput, fresh: boolean): Promise<{ watchlist: Watchlist; secret: string | null }> {
    return this.db.transaction().execute(async (trx) => {
      await this.engine.lock(trx, [WATCHLISTS]);
      const old = fresh ? undefined : await this.live(trx, id);
      if (!fresh && !old) throw new WatchlistError(`no watchlist "${id}"`);
      const namesake = await trx.selectFrom("watchlists").select("id").where("name", "=", input.name).where("removed", "=", 0).where("id", "<>", id).executeTakeFirst();
      if (namesake) throw new WatchlistError(`name: a watchlist named "${input.name}" exists already (${namesake.id})`);
      const made = input.webhook !== null && input.secret === null && (fresh || old!.webhook === null) ? randomBytes(24).toString("hex") : null;
      const secret = input.webhook === null ? null : (input.secret ?? made ?? old!.secret);
      const now = new Date().toISOString();
      const row = { name: input.name, filter: JSON.stringify(input.filter), webhook: input.webhook, secret, updated_at: now, stamp: await this.nextStamp(trx) };
      if (fresh) await trx.insertInto("watchlists").values({ id, ...row, created_at: now, removed: 0 }).execute();
      else await trx.updateTable("watchlists").set(row).where("id", "=", id).execute();
      await this.baseline(trx, id, input, now);
      return { watchlist: watchlist((await this.live(trx, id))!), secret: input.secret ?? made };
    });
  }

  /**
   * Records the versions of the events the watchlist matches as it is saved, as alerts never
   * shown: it fires for what starts to match or changes from now on, not for the whole store the
   * next time re-resolution rewrites it.
   */
  private async baseline(trx: Db, id: string, input: WatchlistInput, now: string): Promise<void> {
    await this.engine.lock(trx, [RESOLUTION]);
    const rows = await trx.selectFrom("events").select("record").where((eb) => eb.and(filterConditions("events", input.filter, this.engine))).execute();
    const events = rows.map((r) => JSON.parse(r.record) as EventRecord);
    const alerted = new Set((await this.alertsOf(trx, events.map((e) => ({ watchlist_id: id, event_id: e.id })))).map((a) => `${a.event_id} ${a.version}`));
    const fresh = events.map((event) => ({ event, version: eventVersion(event) })).filter(({ event, version }) => !alerted.has(`${event.id} ${version}`));
    await this.insertAlerts(trx, fresh.map(({ event, version }) => ({ watchlistId: id, event, version, change: { kind: "new" }, state: "baseline" })), now);
  }

  private async insertAlerts(db: Db, alerts: Firing[], now: string): Promise<void> {
    if (alerts.length === 0) return;
    const versions = new Map(alerts.map((a) => [`${a.event.id} ${a.version}`, a]));
    for (const some of chunks([...versions.values()], 500)) {
      const kept = await db
        .insertInto("alert_events")
        .values(some.map((a) => ({ event_id: a.event.id, version: a.version, record: JSON.stringify(a.event) })))
        .onConflict((oc) => oc.columns(["event_id", "version"]).doNothing())
        .returning(["event_id", "version"])
        .execute();
      const links = kept.flatMap((k) => [...new Set(versions.get(`${k.event_id} ${k.version}`)!.event.sources.map((s) => s.documentId))].map((d) => ({ document_id: d, event_id: k.event_id, version: k.version })));
      // Only versions stored just now: none of their links can be there.
      await insertRows(db, "alert_documents", links);
    }
    const rows = alerts.map((a) => ({
      watchlist_id: a.watchlistId,
      event_id: a.event.id,
      version: a.version,
      change: JSON.stringify(a.change),
      created_at: now,
      state: a.state,
      attempts: 0,
      next_at: a.state === "pending" ? now : null,
    }));
    // Every one is new: those already alerted were left out, and saving a watchlist (the only
    // other writer of alerts) waits for the resolution lock the writer of events holds.
    await insertRows(db, "alerts", rows);
  }

  /** Removes a watchlist: it fires no more; its alerts stay in the log. */
  async remove(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.engine.lock(trx, [WATCHLISTS]);
      const { numUpdatedRows } = await trx
        .updateTable("watchlists")
        .set({ removed: 1, stamp: await this.nextStamp(trx) })
        .where("id", "=", id)
        .where("removed", "=", 0)
        .executeTakeFirst();
      if (numUpdatedRows === 0n) throw new WatchlistError(`no watchlist "${id}"`);
    });
  }

  private async nextStamp(trx: Db): Promise<number> {
    const { stamp } = await trx.selectFrom("watchlists").select((eb) => eb.fn.max("stamp").as("stamp")).executeTakeFirstOrThrow();
    return Number(stamp ?? 0) + 1;
  }

  private live(db: Db, id: string) {
    return db.selectFrom("watchlists").selectAll().where("id", "=", id).where("removed", "=", 0).executeTakeFirst();
  }

  async list(): Promise<Watchlist[]> {
    return (await this.db.selectFrom("watchlists").selectAll().where("removed", "=", 0).orderBy("name").execute()).map(watchlist);
  }

  /** A live watchlist by id, or by name. */
  async get(idOrName: string): Promise<Watchlist | null> {
    const row = await this.db
      .selectFrom("watchlists")
      .selectAll()
      .where("removed", "=", 0)
      .where((eb) => eb.or([eb("id", "=", idOrName), eb("name", "=", idOrName)]))
      .executeTakeFirst();
    return row ? watchlist(row) : null;
  }

  /** The live watchlists as an index, read again only when one of them changed (max(stamp) moved). */
  private async currentIndex(db: Db): Promise<WatchIndex> {
    const { stamp } = await db.selectFrom("watchlists").select((eb) => eb.fn.max("stamp").as("stamp")).executeTakeFirstOrThrow();
    const now = Number(stamp ?? 0);
    if (this.index?.stamp !== now) {
      const rows = now === 0 ? [] : await db.selectFrom("watchlists").select(["id", "filter"]).where("removed", "=", 0).execute();
      this.index = { stamp: now, index: new WatchIndex(rows.map((r) => ({ id: r.id, filter: JSON.parse(r.filter) }))) };
    }
    return this.index.index;
  }

  /**
   * The hook the store calls in the transaction that wrote `records` (resolve-port.ts): an alert
   * for each watchlist an event matches whose latest alert for it was another version. An
   * event rewritten unchanged has the same version and fires nothing; the unique (watchlist,
   * event, version) makes a version fire once even if it comes back later.
   */
  readonly fire = async (db: Db, records: EventRecord[]): Promise<void> => {
    if (records.length === 0) return;
    const index = await this.currentIndex(db);
    if (index.size === 0) return;
    const pairs: { watchlistId: string; event: EventRecord }[] = [];
    const byText = new Map<Watched, EventRecord[]>();
    for (const record of records) {
      for (const w of index.matching(eventColumns(record))) {
        if (w.filter.text === undefined) pairs.push({ watchlistId: w.id, event: record });
        else byText.set(w, [...(byText.get(w) ?? []), record]);
      }
    }
    for (const [w, events] of byText) {
      const ids = events.map((e) => e.id);
      const found = await db
        .selectFrom("events")
        .select("id")
        .where("id", "in", ids)
        .where((eb) => eb.and(filterConditions("events", { text: w.filter.text! }, this.engine)))
        .execute();
      const hit = new Set(found.map((r) => r.id));
      for (const e of events) if (hit.has(e.id)) pairs.push({ watchlistId: w.id, event: e });
    }
    if (pairs.length === 0) return;

    const { latest, alerted } = await this.latestAlerts(db, pairs);
    const webhooks = new Set((await db.selectFrom("watchlists").select("id").where("id", "in", [...new Set(pairs.map((p) => p.watchlistId))]).where("webhook", "is not", null).execute()).map((r) => r.id));
    const versions = new Map<EventRecord, string>();
    const fired = pairs.flatMap(({ watchlistId, event }) => {
      let version = versions.get(event);
      if (version === undefined) versions.set(event, (version = eventVersion(event)));
      // Once per version, even one an event comes back to.
      if (alerted.has(`${watchlistId} ${event.id} ${version}`)) return [];
      const before = latest.get(`${watchlistId} ${event.id}`);
      return [{ watchlistId, event, version, before, state: (webhooks.has(watchlistId) ? "pending" : "listed") as AlertState }];
    });
    const snapshots = await this.records(db, fired.flatMap((f) => (f.before ? [f.before] : [])));
    // Many watchlists see the same event go from the same version to the next: one comparison.
    const changes = new Map<string, AlertChange>();
    const changeOf = (before: Previous | undefined, event: EventRecord, version: string) => {
      const key = `${before?.eventId} ${before?.version} ${event.id} ${version}`;
      let change = changes.get(key);
      if (!change) changes.set(key, (change = changeBetween(before && { ...before, event: snapshots.get(`${before.eventId} ${before.version}`)! }, event)));
      return change;
    };
    await this.insertAlerts(db, fired.map(({ before, ...f }) => ({ ...f, change: changeOf(before, f.event, f.version) })), new Date().toISOString());
  };

  /** The records of these alerted event versions, keyed "EVENT VERSION". */
  private async records(db: Db, versions: { eventId: string; version: string }[]): Promise<Map<string, EventRecord>> {
    const wanted = [...new Map(versions.map((v) => [`${v.eventId} ${v.version}`, { event_id: v.eventId, version: v.version }])).values()];
    const out = new Map<string, EventRecord>();
    for (const some of chunks(wanted, 5000)) {
      const query = this.engine.joinEach(this.engine.rowsTable("p", ["event_id", "version"], some), sql`p.event_id`, {
        columns: sql`alert_events.version, alert_events.record`,
        from: sql`alert_events`,
        where: sql`alert_events.event_id = p.event_id AND alert_events.version = p.version`,
      });
      const { rows } = await sql<{ event_id: string; version: string; record: string }>`${query}`.execute(db);
      for (const row of rows) out.set(`${row.event_id} ${row.version}`, JSON.parse(row.record));
    }
    return out;
  }

  /**
   * The latest alert of each (watchlist, event), keyed "WATCHLIST EVENT": of the event under its
   * id, else the latest of the watchlist that shares a report with it (the event alerted under
   * the id a report's earlier version gave it).
   */
  private async latestAlerts(db: Db, pairs: { watchlistId: string; event: EventRecord }[]): Promise<{ latest: Map<string, Previous>; alerted: Set<string> }> {
    const latest = new Map<string, Previous>();
    const alerted = new Set<string>();
    const keyOf = (w: string, e: string) => `${w} ${e}`;
    for (const row of await this.alertsOf(db, pairs.map((p) => ({ watchlist_id: p.watchlistId, event_id: p.event.id })))) {
      const key = keyOf(row.watchlist_id, row.event_id);
      alerted.add(`${key} ${row.version}`);
      if ((latest.get(key)?.seq ?? -1) < row.seq) latest.set(key, { seq: row.seq, eventId: row.event_id, version: row.version });
    }
    const orphans = pairs.filter((p) => !latest.has(keyOf(p.watchlistId, p.event.id)));
    if (orphans.length === 0) return { latest, alerted };
    // The events alerted before that shared a report with an orphan, then those of them its watchlist alerted.
    const told = new Map<string, Set<string>>();
    for (const ids of chunks([...new Set(orphans.flatMap((p) => p.event.sources.map((s) => s.documentId)))])) {
      for (const row of await db.selectFrom("alert_documents").select(["document_id", "event_id"]).where("document_id", "in", ids).execute()) {
        told.set(row.document_id, (told.get(row.document_id) ?? new Set()).add(row.event_id));
      }
    }
    const candidates = orphans.flatMap((p) => [...new Set(p.event.sources.flatMap((s) => [...(told.get(s.documentId) ?? [])]))].map((e) => ({ watchlist_id: p.watchlistId, event_id: e, for: p.event.id })));
    const found = new Map<string, Previous>();
    for (const row of await this.alertsOf(db, candidates)) {
      const key = keyOf(row.watchlist_id, row.event_id);
      if ((found.get(key)?.seq ?? -1) < row.seq) found.set(key, { seq: row.seq, eventId: row.event_id, version: row.version });
    }
    for (const c of candidates) {
      const previous = found.get(keyOf(c.watchlist_id, c.event_id));
      const key = keyOf(c.watchlist_id, c.for);
      if (previous && (latest.get(key)?.seq ?? -1) < previous.seq) latest.set(key, previous);
    }
    return { latest, alerted };
  }

  /** Every alert of these (watchlist, event) pairs, each found by the unique index. */
  private async alertsOf(db: Db, pairs: { watchlist_id: string; event_id: string }[]): Promise<{ watchlist_id: string; seq: number; event_id: string; version: string }[]> {
    const unique = [...new Map(pairs.map((p) => [`${p.watchlist_id} ${p.event_id}`, { watchlist_id: p.watchlist_id, event_id: p.event_id }])).values()];
    const out: { watchlist_id: string; seq: number; event_id: string; version: string }[] = [];
    for (const some of chunks(unique, 5000)) {
      const query = this.engine.joinEach(this.engine.rowsTable("p", ["watchlist_id", "event_id"], some), sql`p.watchlist_id`, {
        columns: sql`alerts.seq, alerts.event_id, alerts.version`,
        from: sql`alerts`,
        where: sql`alerts.watchlist_id = p.watchlist_id AND alerts.event_id = p.event_id`,
      });
      const { rows } = await sql<{ watchlist_id: string; seq: number; event_id: string; version: string }>`${query}`.execute(db);
      for (const row of rows) out.push({ ...row, seq: Number(row.seq) });
    }
    return out;
  }

  /** Alerts, newest first: a watchlist's, those after `afterSeq` (what a page has not shown yet), or only the failed. */
  async alerts(query: { watchlistId?: string; afterSeq?: number; failed?: boolean; limit?: number } = {}): Promise<(Alert & { watchlistName: string })[]> {
    let q = this.db
      .selectFrom("alerts")
      .innerJoin("watchlists", "watchlists.id", "alerts.watchlist_id")
      .innerJoin("alert_events", (join) => join.onRef("alert_events.event_id", "=", "alerts.event_id").onRef("alert_events.version", "=", "alerts.version"))
      .selectAll("alerts")
      .select(["watchlists.name as watchlist_name", "alert_events.record"]);
    if (query.watchlistId !== undefined) q = q.where("alerts.watchlist_id", "=", query.watchlistId);
    if (query.afterSeq !== undefined) q = q.where("alerts.seq", ">", query.afterSeq);
    q = query.failed ? q.where("alerts.state", "=", "failed") : q.where("alerts.state", "<>", "baseline");
    const rows = await q.orderBy("alerts.seq", "desc").limit(query.limit ?? 100).execute();
    return rows.map((row) => ({ ...alert(row, JSON.parse(row.record)), watchlistName: row.watchlist_name }));
  }

  async attempts(seq: number): Promise<AlertAttempt[]> {
    const rows = await this.db.selectFrom("alert_attempts").selectAll().where("alert_seq", "=", seq).orderBy("seq").execute();
    return rows.map((r) => ({ at: r.at, ok: r.ok === 1, status: r.status, error: r.error }));
  }

  /**
   * Takes up to `limit` alerts due for delivery and holds them for `leaseMs`: another deliverer
   * skips them (on PostgreSQL, rows being claimed are skipped, not waited for), and if this one
   * dies they are due again when the lease ends. The attempt is counted when claimed.
   */
  async claim(now: Date, limit: number, leaseMs: number): Promise<ClaimedAlert[]> {
    const at = now.toISOString();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    const due = this.engine.skipLocked(
      this.db
        .selectFrom("alerts")
        .select("seq")
        .where("state", "=", "pending")
        .where("next_at", "<=", at)
        .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<=", at)]))
        .orderBy("seq")
        .limit(limit),
    );
    const rows = await this.db
      .updateTable("alerts")
      .set({ lease_until: until, attempts: sql<number>`attempts + 1` })
      .where("seq", "in", due)
      .returningAll()
      .execute();
    if (rows.length === 0) return [];
    const targets = new Map(
      (await this.db.selectFrom("watchlists").select(["id", "name", "webhook", "secret"]).where("id", "in", [...new Set(rows.map((r) => r.watchlist_id))]).execute()).map((w) => [w.id, w]),
    );
    const records = await this.records(this.db, rows.map((r) => ({ eventId: r.event_id, version: r.version })));
    return rows
      .map((row) => {
        const w = targets.get(row.watchlist_id)!;
        return { ...alert(row, records.get(`${row.event_id} ${row.version}`)!), watchlistName: w.name, webhook: w.webhook ?? "", secret: w.secret };
      })
      .sort((a, b) => a.seq - b.seq);
  }

  /** Logs an attempt and settles the alert: delivered, due again after a backoff, or failed for good. */
  async settle(claimed: ClaimedAlert, outcome: { ok: boolean; status: number | null; error: string | null }, now: Date, policy: RetryPolicy): Promise<AlertState> {
    const at = now.toISOString();
    const giveUp = now.getTime() - Date.parse(claimed.createdAt) >= policy.retryForMs;
    const state: AlertState = outcome.ok ? "delivered" : giveUp ? "failed" : "pending";
    const wait = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** Math.max(0, claimed.attempts - 1));
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto("alert_attempts").values({ alert_seq: claimed.seq, at, ok: outcome.ok ? 1 : 0, status: outcome.status, error: outcome.error }).execute();
      await trx
        .updateTable("alerts")
        .set({
          state,
          lease_until: null,
          last_error: outcome.error,
          next_at: state === "pending" ? new Date(now.getTime() + wait).toISOString() : null,
          delivered_at: outcome.ok ? at : null,
        })
        .where("seq", "=", claimed.seq)
        .execute();
    });
    return state;
  }
}
