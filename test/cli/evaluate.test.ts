import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sitrep } from "./run.js";

// An analyst's sample: a report of a shooting, coded with one count the extraction reads otherwise,
// and a report of nothing violent.
const docs = [
  { id: "bus", published: "2022-05-16", text: "Gunmen opened fire on a bus near Peshawar on Sunday, killing six passengers and wounding nine." },
  { id: "budget", published: "2022-05-16", text: "The provincial council met on Monday to discuss the budget for schools and roads." },
];
const coded = {
  documentId: "bus",
  id: "e1",
  date: { start: "2022-05-15", end: "2022-05-15" },
  location: { names: ["Peshawar"], country: "PK", lat: 34.008, lon: 71.578 },
  attackType: ["ARMED_ASSAULT"],
  killed: 6,
  wounded: 8,
};

function files(goldLines: string[], docLines = docs.map((d) => JSON.stringify(d))) {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-evaluate-"));
  const gold = join(dir, "gold.jsonl");
  const input = join(dir, "docs.jsonl");
  writeFileSync(gold, goldLines.join("\n"));
  writeFileSync(input, docLines.join("\n"));
  return { dir, gold, input };
}

test("--input extracts the documents and prints the per-field table and each disagreement with its sentence", async () => {
  const { gold, input } = files([JSON.stringify(coded)]);
  const r = await sitrep(["evaluate", "--gold", gold, "--input", input]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^killed\s+100\.0 %\s+1\/1$/m);
  assert.match(r.stdout, /^wounded\s+0\.0 %\s+0\/1$/m);
  assert.match(r.stdout, /fieldAccuracy=0\.800 eventRecall=1\.000 eventPrecision=1\.000 eventF1=1\.000/);
  assert.match(r.stdout, /wounded\s+gold 8; predicted 9 {2}from "wounding nine"/);
  assert.ok(r.stdout.includes(`sentence: "${docs[0]!.text}"`), r.stdout);
});

test("--pred scores mentions written earlier, with the same figures, as JSON with --json", async () => {
  const { dir, gold, input } = files([JSON.stringify(coded)]);
  const pred = join(dir, "pred.jsonl");
  const extracted = await sitrep(["extract", "--input", input, "--output", pred]);
  assert.equal(extracted.code, 0, extracted.stderr);
  const r = await sitrep(["evaluate", "--gold", gold, "--pred", pred, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout) as { fieldAccuracy: number; eventPrecision: number; disagreements: { field: string; evidence: string }[] };
  assert.equal(json.fieldAccuracy, 0.8);
  assert.equal(json.eventPrecision, 1);
  assert.deepEqual(json.disagreements.map((d) => [d.field, d.evidence]), [["wounded", "wounding nine"]]);
});

test("bad gold and input lines, and a coded document the input lacks, are reported; the rest is scored; exit status 1", async () => {
  const { gold, input } = files(
    [JSON.stringify(coded), JSON.stringify({ documentId: "bus", id: "e2", weapon: "GUNS" }), JSON.stringify({ ...coded, documentId: "lost" })],
    [JSON.stringify(docs[0]), "{not json", JSON.stringify(docs[1])],
  );
  const r = await sitrep(["evaluate", "--gold", gold, "--input", input]);
  assert.equal(r.code, 1);
  const errors = r.stderr.trim().split("\n");
  assert.ok(errors.includes(`${gold}:2: weapon: "GUNS" is not a code of the contract`), r.stderr);
  assert.ok(errors.some((e) => e.startsWith(`${input}:2: invalid JSON`)), r.stderr);
  assert.ok(errors.includes(`${gold}: document "lost" is not in ${input}`), r.stderr);
  assert.match(r.stdout, /required gold events 2 \(of 2\)/);
});

test("neither or both of --input and --pred is a usage error", async () => {
  const { gold, input } = files([JSON.stringify(coded)]);
  for (const args of [[], ["--input", input, "--pred", input]]) {
    const r = await sitrep(["evaluate", "--gold", gold, ...args]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /give either --input DOCS\.jsonl or --pred PRED\.jsonl/);
  }
});
