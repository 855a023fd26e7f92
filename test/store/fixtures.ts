import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DateValue, Doc, Mention } from "../../src/model.js";
import { contentHash } from "../../src/store/content-hash.js";
import type { IngestEntry, IngestOutcome, Store } from "../../src/store/store.js";

// Documents and mentions written for these tests; none is taken from a real article.

export function tempDir(t: { after(fn: () => unknown): void }): string {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-store-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** What the ingest service hands the store for a prepared document. */
export function entry(d: Doc, raw: string, mentions: Mention[]): IngestEntry {
  return { doc: d, raw, hash: contentHash(d.clean), mentions };
}

/** Stores one document, as a batch of one. */
export async function ingestOne(store: Store, d: Doc, raw: string, mentions: Mention[]): Promise<IngestOutcome> {
  const [outcome] = await store.ingest([entry(d, raw, mentions)]);
  return outcome!;
}

export function doc(id: string, text: string, extra: Partial<Doc> = {}): Doc {
  return { id, text, clean: text, published: "2021-03-08", publishedFrom: "given", ...extra };
}

export interface MentionSketch {
  date?: string | null;
  /** With no date: what the report says of when without a year (a year-unknown date). */
  partial?: DateValue["partial"];
  country?: string | null;
  lat?: number;
  lon?: number;
  place?: string;
  attackTypes?: string[];
  eventType?: string;
  subEventType?: string;
  perpetrator?: string;
  killed?: number;
  wounded?: number;
  id?: string;
}

export function mention(documentId: string, s: MentionSketch = {}): Mention {
  const date = s.date === undefined ? "2021-03-07" : s.date;
  const country = s.country === undefined ? "NG" : s.country;
  return {
    documentId,
    id: s.id ?? "m1",
    date:
      date !== null
        ? { start: date, end: date, precision: "day", text: "on Sunday", provenance: "inferred" }
        : s.partial
          ? { start: null, end: null, precision: "day", text: "on Sunday", provenance: "stated", partial: s.partial }
          : null,
    location:
      country === null
        ? null
        : {
            name: s.place ?? "Maiduguri",
            country,
            admin1: "Borno",
            lat: s.lat ?? 11.8469,
            lon: s.lon ?? 13.1571,
            geonameId: null,
            precision: "city",
            provenance: "stated",
            text: s.place ?? "Maiduguri",
          },
    attackTypes: s.attackTypes ?? ["BOMBING_EXPLOSION"],
    eventType: s.eventType ?? "EXPLOSIONS_REMOTE_VIOLENCE",
    subEventType: s.subEventType ?? "SUICIDE_BOMB",
    perpetrators: s.perpetrator ? [{ name: s.perpetrator, kind: "organization", text: s.perpetrator }] : [],
    targets: [{ type: "PRIVATE_CITIZENS_PROPERTY", text: "a market", nationality: null }],
    victims: [],
    weapons: [{ type: "EXPLOSIVES", text: "explosive vest" }],
    ...(s.killed === undefined ? {} : { killed: { value: s.killed, text: String(s.killed) } }),
    ...(s.wounded === undefined ? {} : { wounded: { value: s.wounded, text: String(s.wounded) } }),
    claimed: false,
    claim: null,
    suicide: true,
    sentence: "A bomber blew himself up at a market.",
    evidence: [{ field: "sentence", start: 0, end: 6, text: "A bomb" }],
    confidence: 0.7,
  };
}
