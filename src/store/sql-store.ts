import { sql, type Kysely, type SelectQueryBuilder } from "kysely";
import type { AnalystDecision, Doc, EventRecord, ReconcileRule, SourcedMention } from "../model.js";
import { resolveAll, resolveComponents, resolveMentions } from "../resolve/index.js";
import { chunks } from "./chunks.js";
import type { Engine } from "./engine.js";
import { filterConditions, orderBy } from "./filters.js";
import { fingerprint, LATEST_PER_BAND, MAX_CANDIDATES, MAX_NEAR_DUPLICATES, NEAR_DUPLICATE_SIMILARITY, signatureBytes, similarity, storedBands, type Fingerprint } from "./near-duplicates.js";
import { insertRows } from "./insert-rows.js";
import { MentionCache } from "./mention-cache.js";
import { resolvePort } from "./resolve-port.js";
import { mentionRow, sourcedMention, storedDocument, storedEvent, storedMentionId } from "./rows.js";
import type { Schema } from "./schema.js";
import { parseTextQuery } from "./text-query.js";
import type { EventFilter, IngestEntry, IngestOutcome, Page, Stats, Store, StoredDocument } from "./store.js";

type Db = Kysely<Schema>;

// A literal rather than a bound parameter: SQLite uses the partial indexes on current documents
// (WHERE current = 1) only for a query it can see matches them; with a parameter, finding a
// document by URL read the whole table.
const CURRENT = sql.lit(1);

/**
 * The lock every writer of events takes: resolution reads the events and mentions stored before it
 * and rewrites some, which is right only while no other resolution runs. Documents are written
 * before it is taken, so many writers still store at once.
 */
const RESOLUTION = "resolution";

/** Resolution of a batch's mentions failed: the batch is undone and its documents tried one by one. */
class ResolutionFailure extends Error {}

/** The Store over any engine kysely speaks to; the engine supplies the DDL and text search. */
export class SqlStore implements Store {
  private readonly mentions = new MentionCache();

  constructor(
    private readonly db: Db,
    private readonly engine: Engine,
    private readonly rule: ReconcileRule,
  ) {}

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
   * Writes each document in a savepoint of its own, then resolves all their mentions at once:
   * an event several documents of the batch report is rebuilt once, not once per document, and
   * the result is the same (resolution does not depend on the order mentions come in).
   */
  private async ingestTogether(entries: IngestEntry[]): Promise<IngestOutcome[]> {
    const trx = await this.db.startTransaction().execute();
    try {
      // Another writer storing the same text, or a version of the same document, waits for this
      // batch to commit and then finds what it stored.
      await this.engine.lock(trx, entries.flatMap(({ doc, hash }) => [`content:${hash}`, `id:${doc.id}`, ...(doc.url ? [`url:${doc.url}`] : [])]));
      const outcomes: IngestOutcome[] = [];
      const fresh: SourcedMention[] = [];
      for (const entry of entries) {
        const before = await trx.savepoint("document").execute();
        try {
          outcomes.push(await this.write(trx, entry, fresh));
          await before.releaseSavepoint("document").execute();
        } catch (err) {
          const undone = await before.rollbackToSavepoint("document").execute();
          await undone.releaseSavepoint("document").execute();
          outcomes.push({ documentId: entry.doc.id, status: "failed", mentions: 0, error: (err as Error).message });
        }
      }
      try {
        await this.engine.lock(trx, [RESOLUTION]);
        await resolveMentions(resolvePort(trx, this.engine, this.mentions), fresh, { rule: this.rule });
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

  async knownContent(hashes: string[]): Promise<Map<string, string>> {
    if (hashes.length === 0) return new Map();
    const rows = await this.db.selectFrom("documents").select(["content_hash", "id"]).where("content_hash", "in", hashes).execute();
    return new Map(rows.map((r) => [r.content_hash, r.id]));
  }

  /** One document and its mentions, inside the caller's transaction; its mentions, to resolve, join `fresh`. */
  private async write(trx: Db, { doc, raw, hash, mentions }: IngestEntry, fresh: SourcedMention[]): Promise<IngestOutcome> {
    const same = await trx.selectFrom("documents").select("id").where("content_hash", "=", hash).executeTakeFirst();
    if (same) return { documentId: same.id, status: "duplicate", mentions: 0 };
    const print = fingerprint(doc.clean);

    const previous = await this.previousVersion(trx, doc);
    const id = previous?.id ?? doc.id;
    const version = previous ? previous.version + 1 : 1;
    if (previous) await this.retire(trx, previous.seq, id);

    const [inserted] = await insertRows(
      trx,
      "documents",
      [
        {
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
          minhash: signatureBytes(print.signature),
          ingested_at: new Date().toISOString(),
        },
      ],
      ["seq"],
    );
    const seq = Number(inserted!.seq);
    await this.engine.indexDocument(trx, seq, doc.title ?? null, doc.clean);
    await this.linkNearDuplicates(trx, id, seq, print);

    const stored = mentions.map((m, n) => ({ mention: { ...m, documentId: id }, storedId: storedMentionId(id, version, n) }));
    await insertRows(trx, "mentions", stored.map(({ mention, storedId }, n) => mentionRow(mention, storedId, seq, n)));
    const sourced: SourcedMention[] = stored.map(({ mention, storedId }) => ({
      ...mention,
      id: storedId,
      contractId: mention.id,
      outlet: doc.outlet ?? null,
      url: doc.url ?? null,
      published: doc.published ?? null,
    }));
    fresh.push(...sourced);
    return { documentId: id, status: previous ? "version" : "new", mentions: stored.length };
  }

  /** The current version of the document `doc` is a new text of: the same URL, else the same id. */
  private async previousVersion(db: Db, doc: Doc) {
    const current = db.selectFrom("documents").select(["seq", "id", "version"]).where("current", "=", CURRENT);
    if (doc.url) {
      const byUrl = await current.where("url", "=", doc.url).orderBy("seq", "desc").executeTakeFirst();
      if (byUrl) return byUrl;
    }
    return current.where("id", "=", doc.id).executeTakeFirst();
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
    await resolveComponents(resolvePort(db, this.engine, this.mentions), eventIds, [], { rule: this.rule });
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

  private async linkNearDuplicates(db: Db, id: string, seq: number, print: Fingerprint): Promise<void> {
    // Only current versions have bands (retire() drops the others'), so the band index alone
    // names the candidates. Each band gives its latest few only: a band hundreds of documents
    // share would otherwise be read whole for every document stored, more the larger the store.
    const latest = [...new Set(print.bands)].map(
      (band, i) =>
        sql`SELECT document_seq FROM (SELECT document_seq FROM document_bands WHERE band = ${band} ORDER BY document_seq DESC LIMIT ${sql.lit(LATEST_PER_BAND)}) AS ${sql.id(`band${i}`)}`,
    );
    const { rows: candidates } = await sql<{ id: string; minhash: Uint8Array }>`SELECT id, minhash FROM documents WHERE seq IN (
SELECT document_seq FROM (${sql.join(latest, sql` UNION ALL `)}) AS shared
GROUP BY document_seq ORDER BY count(*) DESC, document_seq DESC LIMIT ${sql.lit(MAX_CANDIDATES)})`.execute(db);
    const links = candidates
      .map((c) => ({ other: c.id, similarity: similarity(print.signature, c.minhash) }))
      .filter((c) => c.similarity >= NEAR_DUPLICATE_SIMILARITY)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, MAX_NEAR_DUPLICATES);
    await insertRows(
      db,
      "near_duplicates",
      links.flatMap((l) => [
        { document_id: id, other_id: l.other, similarity: l.similarity },
        { document_id: l.other, other_id: id, similarity: l.similarity },
      ]),
    );
    await insertRows(db, "document_bands", [...new Set(print.bands)].map((band) => ({ band, document_seq: seq })));
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
      const port = resolvePort(trx, this.engine, this.mentions);
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

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

function page<Q extends { limit(n: number): Q; offset(n: number): Q }>(query: Q, filter: { limit?: number; offset?: number }): Q {
  // SQL has OFFSET only after a LIMIT, so an offset alone comes with a limit no table reaches.
  if (filter.limit === undefined && filter.offset === undefined) return query;
  return query.limit(filter.limit ?? Number.MAX_SAFE_INTEGER).offset(filter.offset ?? 0);
}
