import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findDates, findPublicationDate } from "../../../src/extract/dates/index.js";
import type { DateSpan, Doc } from "../../../src/model.js";
import { projectRoot } from "../../../src/paths.js";
import { wholeText } from "./helpers.js";

const seeds = join(projectRoot, "../shared/dev/seeds");

interface SeedDoc {
  id: string;
  text: string;
  published?: string;
}

interface GoldEvent {
  documentId: string;
  id: string;
  date?: { start: string | null; end: string | null };
}

function readJsonl<T>(name: string): T[] {
  return readFileSync(join(seeds, name), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** Dates as the pipeline would find them: the given publication date, else the text's own. */
function datesOf(seed: SeedDoc): DateSpan[] {
  const doc: Doc = { id: seed.id, text: seed.text, clean: seed.text, published: seed.published ?? findPublicationDate(seed.text)?.date };
  return findDates(doc, wholeText(doc), doc.published);
}

test("every dated gold event of the seed articles has a date span inside its interval", () => {
  const spans = new Map(readJsonl<SeedDoc>("documents.jsonl").map((d) => [d.id, datesOf(d)]));
  const gold = readJsonl<GoldEvent>("gold.jsonl").filter((g) => g.date?.start && g.date.end);
  assert.ok(gold.length >= 10);
  for (const g of gold) {
    const found = spans.get(g.documentId)!.some((s) => s.value.start && s.value.start >= g.date!.start! && s.value.end! <= g.date!.end!);
    assert.ok(found, `${g.documentId} ${g.id}: no date within ${g.date!.start}..${g.date!.end}`);
  }
});

test("'on Sunday' in an article of Monday 13 April 2015 is 12 April", () => {
  const seed = readJsonl<SeedDoc>("documents.jsonl").find((d) => d.id === "seed-000")!;
  const sunday = datesOf(seed).find((s) => s.text === "Sunday")!;
  assert.equal(sunday.value.start, "2015-04-12");
  assert.equal(sunday.value.provenance, "inferred");
});

test("undated seeds: the one with a date line resolves, the others keep years unknown, none use the clock", () => {
  const undated = readJsonl<SeedDoc>("documents-undated.jsonl");
  for (const seed of undated) {
    assert.equal(seed.published, undefined);
    const spans = datesOf(seed);
    const pub = findPublicationDate(seed.text);
    if (seed.id === "seed-002") {
      assert.equal(pub?.date, "2015-04-13");
      assert.ok(spans.some((s) => s.text === "mid-November" && s.value.start === "2014-11-11"));
      continue;
    }
    assert.equal(pub, null, seed.id);
    for (const s of spans) {
      if (s.value.provenance === "inferred") assert.equal(s.value.start, null, `${seed.id} ${s.text}`);
    }
  }
  const seed000 = datesOf(undated.find((d) => d.id === "seed-000")!);
  assert.deepEqual(seed000.find((s) => s.text === "Sunday")!.value.partial, { weekday: 0 });
  const seed001 = datesOf(undated.find((d) => d.id === "seed-001")!);
  assert.deepEqual(seed001.find((s) => s.text === "January 28")!.value.partial, { month: 1, day: 28 });
});
