import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { extractDocument } from "../../src/extract/pipeline.js";
import type { Count, EventRecord, SourceDocument } from "../../src/model.js";
import { openStore } from "../../src/store/open.js";
import { ingestOne, tempDir } from "../store/fixtures.js";

// Articles written for this test, run for real: extracted, stored one by one in a SQLite file (each
// document resolved as it arrives) and read back as events. Three outlets report a shooting at one
// embassy, two of them a bombing of another the next day; two recall an earlier hotel attack with
// different tolls.
const articles: SourceDocument[] = [
  {
    id: "wire-a",
    published: "2019-06-10",
    title: "Gunmen attack Danish embassy in Nairobi",
    text: "Gunmen opened fire on the Danish embassy in Nairobi, Kenya on Sunday, killing two police guards and wounding a third, Kenyan officials said.\n\nIn a separate attack early Monday, a bomb exploded outside the Greek embassy in Nairobi. A police spokesman said no one was hurt in the blast.",
  },
  {
    id: "wire-b",
    published: "2019-06-09",
    title: "Two guards killed at Danish embassy in Kenya",
    text: "Two Kenyan police officers guarding the gate of the Danish embassy in Nairobi were shot dead by gunmen early on Sunday, the foreign ministry said.\n\nThe Sunday attack came months after gunmen stormed a hotel in Nairobi on January 15, killing 10 people.",
  },
  {
    id: "portal-c",
    published: "2019-06-11",
    title: "Embassy attacks shake Nairobi",
    text: "Militants fired on the Danish embassy in Nairobi on Sunday, killing two police officers. On Monday a bomb exploded outside the Greek embassy in the Kenyan capital.",
  },
  {
    id: "paper-d",
    published: "2019-02-20",
    title: "Kenya on alert",
    text: "Security was tightened across Kenya after a January assault on a Nairobi hotel that killed nine people, five of them foreigners.",
  },
];

/** The same articles with no publication date; only the first carries one, in a date line under its title. */
const undated = articles.map(({ published: _, ...a }): SourceDocument =>
  a.id === "wire-a" ? { ...a, text: `${a.title}\nJune 10, 2019, 9:42 am\n\n${a.text}` } : a,
);

async function ingest(t: { after(fn: () => void): void }, docs: SourceDocument[]): Promise<EventRecord[]> {
  const store = await openStore({ db: join(tempDir(t), "sitrep.db") });
  try {
    for (const src of docs) {
      const { doc, mentions } = extractDocument(src);
      await ingestOne(store, doc, src.text ?? "", mentions);
    }
    return (await store.listEvents({ limit: 1000 })).items;
  } finally {
    await store.close();
  }
}

const documents = (e: EventRecord) => [...new Set(e.sources.map((s) => s.documentId))].sort();
const nationalities = (e: EventRecord) => new Set(e.targets.map((t) => t.nationality));
const inNairobi = (e: EventRecord) => e.location?.country === "KE" && e.location.name === "Nairobi";

function one(events: EventRecord[], what: string, keep: (e: EventRecord) => boolean): EventRecord {
  const found = events.filter((e) => inNairobi(e) && keep(e));
  assert.equal(found.length, 1, `one ${what}, got: ${found.map((e) => e.summary).join(" | ")}`);
  return found[0]!;
}

function checkEvents(events: EventRecord[]): { shooting: EventRecord; bombing: EventRecord; hotel: EventRecord } {
  for (const e of events) assert.equal(new Set(e.sources.map((s) => s.documentId)).size, e.sources.length, `${e.id} holds two mentions of one document`);
  const shooting = one(events, "Danish embassy event", (e) => nationalities(e).has("DK") && !nationalities(e).has("GR"));
  assert.deepEqual(documents(shooting), ["portal-c", "wire-a", "wire-b"]);
  assert.equal(shooting.date?.start, "2019-06-09");
  const bombing = one(events, "Greek embassy event", (e) => nationalities(e).has("GR") && !nationalities(e).has("DK"));
  assert.deepEqual(documents(bombing), ["portal-c", "wire-a"]);
  assert.equal(bombing.date?.start, "2019-06-10");
  const hotel = one(events, "hotel attack", (e) => documents(e).includes("paper-d"));
  assert.deepEqual(documents(hotel), ["paper-d", "wire-b"]);
  assert.ok(hotel.conflicts.includes("killed"), hotel.summary);
  const figures = hotel.fields.killed.claims.map((c) => (c.value as Count).value!).sort((a, b) => a - b);
  assert.deepEqual(figures, [9, 10]);
  return { shooting, bombing, hotel };
}

test("dated reports: one embassy shooting with three sources, one bombing with two, one hotel attack with 9 against 10 dead", async (t) => {
  const { hotel } = checkEvents(await ingest(t, articles));
  assert.equal(hotel.date?.start, "2019-01-15");
});

test("undated reports: the same events, dates taken from the report with a date line and marked inferred", async (t) => {
  const { shooting, bombing } = checkEvents(await ingest(t, undated));
  assert.equal(shooting.fields.date.provenance, "inferred");
  const propagated = shooting.fields.date.claims.filter((c) => (c.value as { inheritedFrom?: string[] }).inheritedFrom);
  assert.ok(propagated.length >= 1, "at least one report of the shooting took its year from another");
  assert.ok(bombing.fields.date.claims.length >= 1);
});
