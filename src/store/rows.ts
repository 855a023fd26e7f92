import type { Insertable, Selectable } from "kysely";
import type { EventRecord, Mention, SourcedMention } from "../model.js";
import type { DocumentsTable, EventsTable, MentionsTable } from "./schema.js";
import type { StoredDocument } from "./store.js";
import { isUndated } from "../resolve/features.js";

// Conversions between the model's objects and the rows that hold them. The JSON column is the
// object itself; the other columns copy what filters, sorts and counts read.

/** The store's id of a mention: unique across documents and their versions. */
export function storedMentionId(documentId: string, version: number, ordinal: number): string {
  return `${documentId}@v${version}#${ordinal}`;
}

/** Dates spanning more than this are "long": looked up with a wider window (resolve-port.ts). */
export const SHORT_DATE_DAYS = 31;

function isLongDate(start: string | null, end: string | null): boolean {
  if (start === null || end === null) return false;
  return (Date.parse(end) - Date.parse(start)) / 86_400_000 > SHORT_DATE_DAYS;
}

function actorsColumn(perpetrators: { name: string }[]): string {
  return perpetrators.map((p) => p.name.toLowerCase()).join("\n");
}

export function mentionRow(m: Mention, storedId: string, documentSeq: number, ordinal: number): Insertable<MentionsTable> {
  return {
    id: storedId,
    contract_id: m.id,
    document_id: m.documentId,
    document_seq: documentSeq,
    ordinal,
    superseded: 0,
    date_start: m.date?.start ?? null,
    date_end: m.date?.end ?? null,
    long_date: isLongDate(m.date?.start ?? null, m.date?.end ?? null) ? 1 : 0,
    undated: isUndated(m) ? 1 : 0,
    country: m.location?.country ?? null,
    lat: m.location?.lat ?? null,
    lon: m.location?.lon ?? null,
    attack_types: JSON.stringify(m.attackTypes),
    event_type: m.eventType,
    sub_event_type: m.subEventType,
    actors: actorsColumn(m.perpetrators),
    killed: m.killed?.value ?? null,
    wounded: m.wounded?.value ?? null,
    body: JSON.stringify(m),
  };
}

export interface MentionWithDocument {
  id: string;
  contract_id: string;
  body: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
}

export function sourcedMention(row: MentionWithDocument): SourcedMention {
  const mention = JSON.parse(row.body) as Mention;
  return { ...mention, id: row.id, contractId: row.contract_id, outlet: row.outlet, url: row.url, published: row.published };
}

/** An event as `eventRow` stored it. */
export function storedEvent(record: string): EventRecord {
  return JSON.parse(record) as EventRecord;
}

/** The columns filters read, as the events table holds them: watchlists match events on these (alerts/match.ts). */
export type EventColumns = Omit<Insertable<EventsTable>, "component" | "record">;

export function eventColumns(e: EventRecord): EventColumns {
  return {
    id: e.id,
    date_start: e.date?.start ?? null,
    date_end: e.date?.end ?? null,
    country: e.location?.country ?? null,
    lat: e.location?.lat ?? null,
    lon: e.location?.lon ?? null,
    attack_types: JSON.stringify(e.attackTypes),
    attack_type: e.attackTypes[0] ?? null,
    event_type: e.eventType,
    sub_event_type: e.subEventType,
    actors: actorsColumn(e.perpetrators),
    killed: e.killed,
    wounded: e.wounded,
    source_count: e.sources.length,
    conflict_count: e.conflicts.length,
  };
}

export function eventRow(e: EventRecord, component: string): Insertable<EventsTable> {
  return { ...eventColumns(e), component, record: JSON.stringify(e) };
}

export function storedDocument(row: Selectable<DocumentsTable>, nearDuplicates: string[]): StoredDocument {
  const doc: StoredDocument = {
    id: row.id,
    text: row.text,
    clean: row.clean,
    version: row.version,
    contentHash: row.content_hash,
    raw: row.raw ?? row.text,
    ingestedAt: row.ingested_at,
    nearDuplicates,
  };
  if (row.title !== null) doc.title = row.title;
  if (row.url !== null) doc.url = row.url;
  if (row.outlet !== null) doc.outlet = row.outlet;
  if (row.byline !== null) doc.byline = row.byline;
  if (row.published !== null) doc.published = row.published;
  if (row.published_from !== null) doc.publishedFrom = row.published_from as StoredDocument["publishedFrom"];
  if (row.language !== null) doc.language = row.language;
  return doc;
}
