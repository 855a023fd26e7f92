import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { activeCodebook } from "../../src/codebook/load.js";
import { readCodebook } from "../../src/codebook/read.js";
import { prepareDocument } from "../../src/document/prepare.js";
import { annotate, extractDocument, extractPrepared } from "../../src/extract/pipeline.js";
import { projectRoot } from "../../src/paths.js";

// Written for this test.
const BUDGET = "The finance ministry in Abuja presented the budget to parliament on Tuesday, officials said.";
const ATTACK = "Gunmen killed three farmers near Gwoza on Tuesday, police said.";

test("every layer is read when asked for, whether or not the text reports violence", () => {
  const a = annotate(prepareDocument({ id: "b", text: BUDGET, published: "2021-03-10" }));
  assert.equal(a.triggers.length, 0);
  assert.ok(a.places.some((p) => p.text === "Abuja"));
  assert.ok(a.dates.length > 0);
});

test("extraction stops at the triggers when there are none, and reports nothing", () => {
  const a = annotate(prepareDocument({ id: "b", text: BUDGET, published: "2021-03-10" }), {}, { eventsOnly: true });
  assert.deepEqual([a.triggers.length, a.places.length, a.dates.length], [0, 0, 0]);
  assert.deepEqual(extractDocument({ id: "b", text: BUDGET, published: "2021-03-10" }).mentions, []);
  const [attack] = extractDocument({ id: "a", text: ATTACK, published: "2021-03-10" }).mentions;
  assert.equal(attack?.killed?.value, 3);
});

// Written for this test: a wire dateline, then a claimed attack.
const WIRE = "KABUL, 4 MAR 2019 -- Gunmen attacked a checkpoint in Kabul, killing two guards. The group claimed responsibility for the attack.";

test("a stage switched off by name leaves its layer empty and the others as they were", () => {
  const doc = prepareDocument({ id: "w", text: WIRE });
  const all = annotate(doc);
  const noClaims = annotate(doc, { disable: ["claims"] });
  assert.ok(all.claims.length > 0);
  assert.deepEqual(noClaims.claims, []);
  assert.deepEqual(noClaims.triggers, all.triggers);
  assert.deepEqual(noClaims.places, all.places);
});

test("switching off an unknown stage, or one another stage needs, is an error that names it", () => {
  const doc = prepareDocument({ id: "w", text: WIRE });
  assert.throws(() => annotate(doc, { disable: ["claimz"] }), /unknown stage claimz/);
  assert.throws(() => annotate(doc, { disable: ["sentences"] }), /stage triggers needs sentences/);
});

test("the date line is a layer: the document is not changed, the extraction's copy is dated", () => {
  const doc = prepareDocument({ id: "w", text: WIRE });
  const { doc: dated, mentions } = extractPrepared(doc);
  assert.equal(doc.published, undefined);
  assert.equal(dated.published, "2019-03-04");
  assert.equal(dated.publishedFrom, "text");
  assert.equal(mentions[0]?.date?.start, "2019-03-04");
});

test("the stages read the codebook they are given, not one of their own", () => {
  const doc = prepareDocument({ id: "w", text: WIRE });
  const shipped = activeCodebook();
  const noClaimWords = { ...shipped, claims: { ...shipped.claims, claim: [] } };
  assert.ok(annotate(doc).claims.some((c) => c.kind === "claim"));
  assert.ok(!annotate(doc, { codebook: noClaimWords }).claims.some((c) => c.kind === "claim"));
  assert.ok(annotate(doc).claims.some((c) => c.kind === "claim"), "the shipped codebook is unchanged");
});

// Written for this test: a made-up town, a verb of killing and a part of a month.
const EDITED = "Gunmen attacked a convoy near Qarmalto in late August 2020, and two guards were liquidated.";

test("a copy of the codebook with one entry edited in places, casualties and dates changes what each of those reads", (t) => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-codebook-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(projectRoot, "codebook"), dir, { recursive: true });
  const edit = (file: string, from: string, to: string) => {
    const text = readFileSync(join(dir, file), "utf8");
    assert.ok(text.includes(from), `${file} holds ${from}`);
    writeFileSync(join(dir, file), text.replace(from, to));
  };
  edit("places.yaml", "places:\n", "places:\n  - { name: Qarmalto, country: LY, lat: 31.5, lon: 13.5, precision: city }\n");
  edit("casualties.yaml", "passive: [killed, ", "passive: [killed, liquidated, ");
  edit("dates.yaml", "month: [21, 31]", "month: [25, 31]");
  const src = { id: "e", text: EDITED, published: "2020-09-10" };
  const [shipped] = extractDocument(src).mentions;
  const [own] = extractDocument(src, { codebook: readCodebook(dir) }).mentions;
  // The shipped gazetteer lacks the town: kept by name, it has no point.
  assert.deepEqual([shipped?.location?.lat, shipped?.killed, shipped?.date?.start], [null, undefined, "2020-08-21"]);
  assert.deepEqual([own?.location?.name, own?.location?.lat, own?.killed?.value, own?.date?.start], ["Qarmalto", 31.5, 2, "2020-08-25"]);
});
