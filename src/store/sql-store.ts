import { sql, type ControlledTransaction, type Kysely, type SelectQueryBuilder } from "kysely";
import type { AnalystDecision, Doc, EventRecord, ReconcileRule, SourcedMention } from "../model.js";
import { resolveAll, resolveComponents, resolveMentions } from "../resolve/index.js";
import { chunks } from "./chunks.js";
import type { Engine } from "./engine.js";
import { filterConditions, orderBy } from "./filters.js";
import { linkNearDuplicates } from "./link-near-duplicates.js";
import { fingerprint, signatureBytes, storedBands } from "./near-duplicates.js";
import { insertRows } from "./insert-rows.js";
import { RESOLUTION } from "./locks.js";
import { MentionCache } from "./mention-cache.js";
import { resolvePort } from "./resolve-port.js";
import { SqlWatchlists } from "./watchlists.js";
import { mentionRow, sourcedMention, storedDocument, storedEvent, storedMentionId } from "./rows.js";
import type { Schema } from "./schema.js";
import { SqlSources } from "./sources.js";
import { parseTextQuery } from "./text-query.js";
import type { EventFilter, IngestEntry, IngestOutcome, Page, Stats, Store, StoredDocument } from "./store.js";

type Db = Kysely<Schema>;
type Trx = ControlledTransaction<Schema>;

// A literal rather than a bound parameter: SQLite uses the partial indexes on current documents
// (WHERE current = 1) only for a query it can see matches them; with a parameter, finding a
// document by URL read the whole table.
const CURRENT = sql.lit(1);


/** Resolution of a batch's mentions failed: the batch is undone and its documents tried one by one. */
class ResolutionFailure extends Error {}

/** The Store over any engine kysely speaks to; the engine supplies the DDL and text search. */
export class SqlStore implements Store {
  private readonly mentions = new MentionCache();
  /** Watchlists and their alerts; they fire in the transactions that write events (`port`). */
  readonly watchlists: SqlWatchlists;
  /** The feeds `sitrep watch` polls. */
  readonly sources: SqlSources;

  constructor(
    private readonly db: Db,
    private readonly engine: Engine,
    private readonly rule: ReconcileRule,
  ) {
    this.watchlists = new SqlWatchlists(db, engine);
    this.sources = new SqlSources(db, engine);
  }

  private port(db: Db) {
    return resolvePort(db, this.engine, this.mentions, this.watchlists.fire);
  }

  async ingest(entries: IngestEntry[]): Promise<IngestOutcome[]> {
    if (entries.length === 0) return [];
    try {
      return await this.ingestTogether(entries);
    } catch (err) {
      if (!(err instanceof ResolutionFailure)) throw err;
      // Nothing of the batch was kept. Alone, each document shows whether it was the one at fault.
      if (entries.length === 1) return [{ documentId: entries[0]!.doc.id, status: "failed", mentions: 0, error: err.message }];
      const outcomes: IngestOutcome[] = [];
      for (const entry of entries) outcomes.push(...(await this.ingest([entry])));
      return outcomes;
    }
  }

  /**
   * Writes the documents, then resolves all their mentions at once: an event several documents of
   * the batch report is rebuilt once, not once per document, and the result is the same
   * (resolution does not depend on the order mentions come in).
   */
  private async ingestTogether(entries: IngestEntry[]): Promise<IngestOutcome[]> {
    const trx = await this.db.startTransaction().execute();
    try {
      // Another writer storing the same text, or a version of the same document, waits for this
      // batch to commit and then finds what it stored.
      await this.engine.lock(trx, entries.flatMap(documentKeys));
      const fresh: SourcedMention[] = [];
      const outcomes = await this.writeAll(trx, entries, fresh);
      try {
        await this.engine.lock(trx, [RESOLUTION]);
        await resolveMentions(this.port(trx), fresh, { rule: this.rule });
      } catch (err) {
        throw new ResolutionFailure((err as Error).message);
      }
      await trx.commit().execute();
      return outcomes;
    } catch (err) {
      await trx.rollback().execute();
      // The resolver may have read and cached mentions that are now undone.
      this.mentions.clear();
      throw err;
    }
  }

  /**
   * Writes the entries with the outcomes of writing them one by one, in order. Most are documents
   * whose text, id and URL the store does not hold: each run of them is written together, a few
   * statements for the run where each document took a dozen round trips (a millisecond each over
   * a network). A duplicate, a new version, or a document whose text, id or URL came earlier in
   * the batch is written alone, after what came before it.
   */
  private async writeAll(trx: Trx, entries: IngestEntry[], fresh: SourcedMention[]): Promise<IngestOutcome[]> {
    const held = await this.heldKeys(trx, entries);
    const outcomes: IngestOutcome[] = [];
    let run: IngestEntry[] = [];
    for (const entry of entries) {
      const keys = documentKeys(entry);
      const plain = keys.every((k) => !held.has(k));
      for (const key of keys) held.add(key);
      if (plain) {
        run.push(entry);
        continue;
      }
      outcomes.push(...(await this.writeRun(trx, run, fresh)), await this.writeAlone(trx, entry, fresh));
      run = [];
    }
    outcomes.push(...(await this.writeRun(trx, run, fresh)));
    return outcomes;
  }

  /** Which of the entries' keys (documentKeys) the store's current documents hold. */
  private async heldKeys(db: Db, entries: IngestEntry[]): Promise<Set<string>> {
    const held = new Set<string>();
    const current = db.selectFrom("documents").where("current", "=", CURRENT);
    // Any version's text: a text stored once is a duplicate ever after.
    for (const hash of (await this.knownContent(entries.map((e) => e.hash), db)).keys()) held.add(`content:${hash}`);
    for (const some of chunks([...new Set(entries.map((e) => e.doc.id))])) {
      for (const row of await current.select("id").where("id", "in", some).execute()) held.add(`id:${row.id}`);
    }
    for (const some of chunks([...new Set(entries.flatMap((e) => (e.doc.url ? [e.doc.url] : [])))])) {
      for (const row of await current.select("url").where("url", "in", some).execute()) held.add(`url:${row.url}`);
    }
    return held;
  }

  /**
   * New documents, written together in a savepoint; should one of them fail, the run is undone
   * and its documents are written alone, so that only the one at fault is lost.
   */
  private async writeRun(trx: Trx, run: IngestEntry[], fresh: SourcedMention[]): Promise<IngestOutcome[]> {
    if (run.length === 0) return [];
    if (run.length === 1) return [await this.writeAlone(trx, run[0]!, fresh)];
    const before = await trx.savepoint("run").execute();
    try {
      const written: SourcedMention[] = [];
      const outcomes = await this.insert(trx, run.map((entry) => ({ entry, id: entry.doc.id, version: 1 })), written);
      await before.releaseSavepoint("run").execute();
      fresh.push(...written);
      return outcomes;
    } catch {
      const undone = await before.rollbackToSavepoint("run").execute();
      await undone.releaseSavepoint("run").execute();
      const outcomes: IngestOutcome[] = [];
      for (const entry of run) outcomes.push(await this.writeAlone(trx, entry, fresh));
      return outcomes;
    }
  }

  /** One document in a savepoint of its own: a failure leaves nothing of it and is its outcome. */
  private async writeAlone(trx: Trx, entry: IngestEntry, fresh: SourcedMention[]): Promise<IngestOutcome> {
    const before = await trx.savepoint("document").execute();
    try {
      const outcome = await this.write(trx, entry, fresh);
      await before.releaseSavepoint("document").execute();
      return outcome;
    } catch (err) {
      const undone = await before.rollbackToSavepoint("document").execute();
      await undone.releaseSavepoint("document").execute();
      return { documentId: entry.doc.id, status: "failed", mentions: 0, error: (err as Error).message };
    }
  }

  async knownContent(hashes: string[], db: Db = this.db): Promise<Map<string, string>> {
    const known = new Map<string, string>();
    for (const some of chunks([...new Set(hashes)])) {
      const rows = await db.selectFrom("documents").select(["content_hash", "id"]).where("content_hash", "in", some).execute();
      for (const row of rows) known.set(row.content_hash, row.id);
    }
    return known;
  }

  /** One document and its mentions, inside the caller's transaction; its mentions, to resolve, join `fresh`. */
  private async write(trx: Db, entry: IngestEntry, fresh: SourcedMention[]): Promise<IngestOutcome> {
    const same = await trx.selectFrom("documents").select("id").where("content_hash", "=", entry.hash).executeTakeFirst();
    if (same) return { documentId: same.id, status: "duplicate", mentions: 0 };
    const { previous, id } = await this.placeOf(trx, entry.doc);
    if (previous) {
      await this.retire(trx, previous.seq, id);
      // A version stored earlier in this batch: its mentions, superseded now, are not to be resolved.
      for (let i = fresh.length - 1; i >= 0; i--) if (fresh[i]!.documentId === id) fresh.splice(i, 1);
    }
    const [outcome] = await this.insert(trx, [{ entry, id, version: previous ? previous.version + 1 : 1 }], fresh);
    return { ...outcome!, status: previous ? "version" : "new" };
  }

  /** Inserts documents (each as `id`, version `version`) with their mentions, which join `fresh`. */
  private async insert(trx: Db, docs: { entry: IngestEntry; id: string; version: number }[], fresh: SourcedMention[]): Promise<IngestOutcome[]> {
    const ingestedAt = new Date().toISOString();
    const prints = docs.map(({ entry }) => fingerprint(entry.doc.clean));
    const inserted = await insertRows(
      trx,
      "documents",
      docs.map(({ entry: { doc, raw, hash }, id, version }, i) => ({
        id,
        version,
        current: 1,
        url: doc.url ?? null,
        title: doc.title ?? null,
        outlet: doc.outlet ?? null,
        byline: doc.byline ?? null,
        published: doc.published ?? null,
        published_from: doc.publishedFrom ?? null,
        language: doc.language ?? null,
        content_hash: hash,
        raw: raw === doc.text ? null : raw,
        text: doc.text,
        clean: doc.clean,
        minhash: signatureBytes(prints[i]!.signature),
        ingested_at: ingestedAt,
      })),
      ["seq", "id"],
    );
    // By id: an engine need not return a multi-row insert's rows in their order.
    const seqs = new Map(inserted.map((row) => [row.id as string, Number(row.seq)]));
    const written = docs.map(({ entry, id, version }, i) => ({ entry, id, version, seq: seqs.get(id)!, print: prints[i]! }));
    await this.engine.indexDocuments(trx, written.map(({ entry: { doc }, seq }) => ({ seq, title: doc.title ?? null, text: doc.clean })));
    await linkNearDuplicates(trx, this.engine, written);
    const stored = written.flatMap(({ entry: { doc, mentions }, id, version, seq }) =>
      mentions.map((m, n) => ({ doc, seq, n, mention: { ...m, documentId: id }, storedId: storedMentionId(id, version, n) })),
    );
    await insertRows(trx, "mentions", stored.map(({ mention, storedId, seq, n }) => mentionRow(mention, storedId, seq, n)));
    for (const { doc, mention, storedId } of stored) {
      fresh.push({ ...mention, id: storedId, contractId: mention.id, outlet: doc.outlet ?? null, url: doc.url ?? null, published: doc.published ?? null });
    }
    return written.map(({ id, entry }) => ({ documentId: id, status: "new", mentions: entry.mentions.length }));
  }

  /**
   * The current version `doc` is a new text of, and the id it is stored under. A version is its
   * outlet's own: the same URL, else the same id, and the same outlet (or none for both). A page
   * another outlet claims (a feed listing a site's article under its own name, two dumps that
   * number their reports alike) is a document of its own, stored, when its id is taken, under the
   * id followed by its outlet.
   */
  private async placeOf(db: Db, doc: Doc): Promise<{ previous?: { seq: number; id: string; version: number }; id: string }> {
    const current = db.selectFrom("documents").select(["seq", "id", "version", "outlet"]).where("current", "=", CURRENT);
    const owner = doc.outlet ?? null;
    const owned = (row: { outlet: string | null }) => row.outlet === owner;
    if (doc.url) {
      const sameUrl = (await current.where("url", "=", doc.url).orderBy("seq", "desc").execute()).find(owned);
      if (sameUrl) return { previous: sameUrl, id: sameUrl.id };
    }
    for (const id of [doc.id, `${doc.id} (${owner ?? "no outlet"})`]) {
      const holder = await current.where("id", "=", id).executeTakeFirst();
      if (!holder) return { id };
      if (owned(holder)) return { previous: holder, id };
    }
    throw new Error(`id ${doc.id} is held by another outlet's document, under both its forms`);
  }

  /** Retires a document's current version: out of search, its mentions superseded, their events rebuilt. */
  private async retire(db: Db, seq: number, id: string): Promise<void> {
    await this.engine.lock(db, [RESOLUTION]);
    const { minhash } = await db.updateTable("documents").set({ current: 0 }).where("seq", "=", seq).returning("minhash").executeTakeFirstOrThrow();
    await this.engine.unindexDocument(db, seq);
    // By the primary key: an index on document_seq alone would cost every document stored.
    await db.deleteFrom("document_bands").where("band", "in", storedBands(minhash)).where("document_seq", "=", seq).execute();
    await db.deleteFrom("near_duplicates").where((eb) => eb.or([eb("document_id", "=", id), eb("other_id", "=", id)])).execute();
    const affected = await db
      .selectFrom("event_sources")
      .innerJoin("mentions", "mentions.id", "event_sources.mention_id")
      .select("event_sources.event_id")
      .distinct()
      .where("mentions.document_seq", "=", seq)
      .execute();
    await db.updateTable("mentions").set({ superseded: 1 }).where("document_seq", "=", seq).execute();
    if (affected.length > 0) await this.rebuild(db, affected.map((a) => a.event_id));
  }

  /**
   * Re-resolves the components of events `eventIds`, whole: a mention gone or a decision made can
   * change which of a component's links are joined.
   */
  private async rebuild(db: Db, eventIds: string[]): Promise<void> {
    await resolveComponents(this.port(db), eventIds, [], { rule: this.rule });
  }

  /** The events now holding these mentions, by id. */
  private async eventsHolding(db: Db, mentionIds: string[]): Promise<EventRecord[]> {
    const rows = await db
      .selectFrom("events")
      .select("record")
      .where("id", "in", (eb) => eb.selectFrom("event_sources").select("event_id").where("mention_id", "in", mentionIds))
      .orderBy("id")
      .execute();
    return rows.map((row) => storedEvent(row.record));
  }

  /** The mentions of these events, by id. */
  private async eventMembers(db: Db, eventIds: string[]): Promise<string[]> {
    const rows = await db.selectFrom("event_sources").select("mention_id").where("event_id", "in", eventIds).orderBy("mention_id").execute();
    return rows.map((r) => r.mention_id);
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    const row = await this.db.selectFrom("documents").selectAll().where("id", "=", id).where("current", "=", CURRENT).executeTakeFirst();
    return row ? storedDocument(row, await this.nearDuplicatesOf([id]).then((m) => m.get(id) ?? [])) : null;
  }

  async listDocuments(filter: { text?: string; limit?: number; offset?: number }): Promise<Page<StoredDocument>> {
    let query = this.db.selectFrom("documents").where("current", "=", CURRENT);
    if (filter.text !== undefined) query = query.where("seq", "in", this.engine.matchingDocuments(parseTextQuery(filter.text)));
    const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
    const rows = await page(query.selectAll().orderBy("seq", "desc"), filter).execute();
    const near = await this.nearDuplicatesOf(rows.map((r) => r.id));
    return { total: Number(total), items: rows.map((row) => storedDocument(row, near.get(row.id) ?? [])) };
  }

  private async nearDuplicatesOf(ids: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (ids.length === 0) return out;
    for (const some of chunks(ids)) {
      const rows = await this.db
        .selectFrom("near_duplicates")
        .select(["document_id", "other_id"])
        .where("document_id", "in", some)
        .orderBy("similarity", "desc")
        .execute();
      for (const row of rows) out.set(row.document_id, [...(out.get(row.document_id) ?? []), row.other_id]);
    }
    return out;
  }

  async listMentions(filter: EventFilter): Promise<Page<SourcedMention>> {
    const query = this.db
      .selectFrom("mentions")
      .innerJoin("documents", "documents.seq", "mentions.document_seq")
      .where("mentions.superseded", "=", 0)
      .where((eb) => eb.and(filterConditions("mentions", filter, this.engine)));
    const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
    const rows = await page(
      query
        .select(["mentions.id", "mentions.contract_id", "mentions.body", "documents.outlet", "documents.url", "documents.published"])
        .orderBy(orderBy("mentions", filter.sort, this.engine)),
      filter,
    ).execute();
    return { total: Number(total), items: rows.map(sourcedMention) };
  }

  async listEvents(filter: EventFilter): Promise<Page<EventRecord>> {
    const query = this.db.selectFrom("events").where((eb) => eb.and(filterConditions("events", filter, this.engine)));
    const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
    const rows = await page(query.select("events.record").orderBy(orderBy("events", filter.sort, this.engine)), filter).execute();
    return { total: Number(total), items: rows.map((row) => storedEvent(row.record)) };
  }

  async getEvent(id: string): Promise<EventRecord | null> {
    const row = await this.db.selectFrom("events").select("record").where("id", "=", id).executeTakeFirst();
    return row ? storedEvent(row.record) : null;
  }

  async stats(): Promise<Stats> {
    const count = async (query: SelectQueryBuilder<Schema, any, object>) =>
      Number((await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    const documents = await count(this.db.selectFrom("documents").where("current", "=", CURRENT));
    const mentions = await count(this.db.selectFrom("mentions").where("superseded", "=", 0));
    const events = await count(this.db.selectFrom("events"));
    const conflicts = await count(this.db.selectFrom("events").where("conflict_count", ">", 0));
    const byCountry = await this.db
      .selectFrom("events")
      .select([sql<string>`coalesce(country, '')`.as("country"), (eb) => eb.fn.countAll<number>().as("events")])
      .groupBy("country")
      .orderBy("events", "desc")
      .orderBy("country")
      .execute();
    const primaryType = sql<string>`coalesce(attack_type, 'UNKNOWN')`;
    const byType = await this.db
      .selectFrom("events")
      .select([primaryType.as("type"), (eb) => eb.fn.countAll<number>().as("events")])
      .groupBy(primaryType)
      .orderBy("events", "desc")
      .orderBy("type")
      .execute();
    const year = sql<string>`substr(date_start, 1, 4)`;
    const byYear = await this.db
      .selectFrom("events")
      .select([year.as("year"), (eb) => eb.fn.countAll<number>().as("events")])
      .where("date_start", "is not", null)
      .groupBy(year)
      .orderBy("year")
      .execute();
    return {
      documents,
      mentions,
      events,
      conflicts,
      byCountry: byCountry.map((r) => ({ country: r.country, events: Number(r.events) })),
      byType: byType.map((r) => ({ type: r.type, events: Number(r.events) })),
      byYear: byYear.map((r) => ({ year: Number(r.year), events: Number(r.events) })),
    };
  }

  async mergeEvents(ids: string[]): Promise<EventRecord> {
    return this.db.transaction().execute(async (trx) => {
      await this.engine.lock(trx, [RESOLUTION]);
      await this.requireEvents(trx, ids);
      const mentionIds = await this.eventMembers(trx, ids);
      await this.decide(trx, { kind: "merge", mentionIds, at: new Date().toISOString() });
      await this.rebuild(trx, ids);
      const [merged] = await this.eventsHolding(trx, [mentionIds[0]!]);
      if (!merged) throw new Error(`merge of ${ids.join(", ")} gave no event holding ${mentionIds[0]}`);
      return merged;
    });
  }

  async splitEvent(id: string, mentionIds: string[]): Promise<EventRecord[]> {
    return this.db.transaction().execute(async (trx) => {
      await this.engine.lock(trx, [RESOLUTION]);
      await this.requireEvents(trx, [id]);
      const members = new Set(await this.eventMembers(trx, [id]));
      const strangers = mentionIds.filter((m) => !members.has(m));
      if (strangers.length > 0) throw new Error(`event ${id} has no mention ${strangers.join(", ")}`);
      await this.decide(trx, { kind: "split", mentionIds, at: new Date().toISOString() });
      await this.rebuild(trx, [id]);
      return this.eventsHolding(trx, [...members]);
    });
  }

  private async requireEvents(db: Db, ids: string[]): Promise<void> {
    const found = new Set((await db.selectFrom("events").select("id").where("id", "in", ids).execute()).map((r) => r.id));
    const missing = ids.filter((i) => !found.has(i));
    if (missing.length > 0) throw new Error(`no event ${missing.join(", ")}`);
  }

  private async decide(db: Db, decision: AnalystDecision): Promise<void> {
    await insertRows(db, "decisions", [{ kind: decision.kind, mention_ids: JSON.stringify(decision.mentionIds), at: decision.at }]);
  }

  async reresolve(rule: ReconcileRule = this.rule): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      await this.engine.lock(trx, [RESOLUTION]);
      const port = this.port(trx);
      const mentions = await trx
        .selectFrom("mentions")
        .innerJoin("documents", "documents.seq", "mentions.document_seq")
        .select(["mentions.id", "mentions.contract_id", "mentions.body", "documents.outlet", "documents.url", "documents.published"])
        .where("mentions.superseded", "=", 0)
        .orderBy("mentions.document_seq")
        .orderBy("mentions.ordinal")
        .execute();
      const events = resolveAll(mentions.map(sourcedMention), await port.decisions(), { rule });
      const old = (await trx.selectFrom("events").select("id").execute()).map((r) => r.id);
      await port.replaceEvents(old, events);
      return events.length;
    });
  }

  async backup(path: string): Promise<void> {
    await this.engine.backup(this.db, path);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** What two writers must not store at once, and a batch must not write in one run: a text, an id, a URL. */
function documentKeys({ doc, hash }: IngestEntry): string[] {
  return [`content:${hash}`, `id:${doc.id}`, ...(doc.url ? [`url:${doc.url}`] : [])];
}

function page<Q extends { limit(n: number): Q; offset(n: number): Q }>(query: Q, filter: { limit?: number; offset?: number }): Q {
  // SQL has OFFSET only after a LIMIT, so an offset alone comes with a limit no table reaches.
  if (filter.limit === undefined && filter.offset === undefined) return query;
  return query.limit(filter.limit ?? Number.MAX_SAFE_INTEGER).offset(filter.offset ?? 0);
}
