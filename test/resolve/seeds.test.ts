import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { extractDocument } from "../../src/extract/pipeline.js";
import type { Count, EventRecord, SourceDocument } from "../../src/model.js";
import { projectRoot } from "../../src/paths.js";
import { openStore } from "../../src/store/open.js";
import { ingestOne } from "../store/fixtures.js";

// The seed checks, run for real: extract the seed articles, store them one by one in a
// SQLite file (each document resolved as it arrives) and read the events back.

const seeds = join(projectRoot, "../shared/dev/seeds");

async function ingestSeeds(t: { after(fn: () => void): void }, file: string): Promise<EventRecord[]> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-seeds-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const store = await openStore({ db: join(dir, "sitrep.db") });
  try {
    for (const line of readFileSync(join(seeds, file), "utf8").split("\n").filter((l) => l.trim())) {
      const src = JSON.parse(line) as SourceDocument;
      const { doc, mentions } = extractDocument(src);
      await ingestOne(store, doc, src.text ?? src.html ?? "", mentions);
    }
    return (await store.listEvents({ limit: 1000 })).items;
  } finally {
    await store.close();
  }
}

const documents = (e: EventRecord) => new Set(e.sources.map((s) => s.documentId));
const nationalities = (e: EventRecord) => new Set(e.targets.map((t) => t.nationality));
const inTripoli = (e: EventRecord) => e.location?.country === "LY" && e.location.name === "Tripoli";

function embassyShooting(events: EventRecord[]): EventRecord {
  const found = events.filter((e) => inTripoli(e) && nationalities(e).has("KR") && !nationalities(e).has("MA"));
  assert.equal(found.length, 1, `one South Korean embassy event, got: ${found.map((e) => e.summary).join(" | ")}`);
  return found[0];
}

function embassyBombing(events: EventRecord[]): EventRecord {
  const found = events.filter((e) => inTripoli(e) && nationalities(e).has("MA") && !nationalities(e).has("KR"));
  assert.equal(found.length, 1, `one Moroccan embassy event, got: ${found.map((e) => e.summary).join(" | ")}`);
  return found[0];
}

function hotelAttack(events: EventRecord[]): EventRecord {
  const found = events.filter((e) => inTripoli(e) && documents(e).has("seed-001") && documents(e).has("seed-003"));
  assert.equal(found.length, 1, `one event reported by seed-001 and seed-003, got: ${found.map((e) => e.summary).join(" | ")}`);
  return found[0];
}

function checkEvents(events: EventRecord[]): { shooting: EventRecord; bombing: EventRecord; hotel: EventRecord } {
  for (const e of events) assert.equal(documents(e).size, e.sources.length, `${e.id} holds two mentions of one document`);
  const shooting = embassyShooting(events);
  assert.deepEqual([...documents(shooting)].sort(), ["seed-000", "seed-001", "seed-002"]);
  assert.equal(shooting.date?.start, "2015-04-12");
  const bombing = embassyBombing(events);
  assert.ok(documents(bombing).has("seed-000"));
  assert.equal(bombing.date?.start, "2015-04-13");
  const hotel = hotelAttack(events);
  assert.ok(hotel.conflicts.includes("killed"), hotel.summary);
  const figures = hotel.fields.killed.claims.map((c) => (c.value as Count).value!).sort((a, b) => a - b);
  assert.deepEqual(figures, [9, 10]);
  return { shooting, bombing, hotel };
}

test("dated seeds: one embassy shooting with three sources, one embassy bombing, one hotel attack with 9 against 10 dead", async (t) => {
  const { hotel } = checkEvents(await ingestSeeds(t, "documents.jsonl"));
  assert.equal(hotel.date?.start?.slice(0, 7), "2015-01");
});

test("undated seeds: the same events, dates taken from the dated report and marked inferred", async (t) => {
  const { shooting, bombing } = checkEvents(await ingestSeeds(t, "documents-undated.jsonl"));
  assert.equal(shooting.fields.date.provenance, "inferred");
  const propagated = shooting.fields.date.claims.filter((c) => (c.value as { inheritedFrom?: string[] }).inheritedFrom);
  assert.ok(propagated.length >= 1, "at least one report of the shooting took its year from another");
  assert.ok(bombing.fields.date.claims.length >= 1);
});
