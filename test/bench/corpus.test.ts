import { test } from "node:test";
import assert from "node:assert/strict";
import { buildCorpus, buildStream } from "../../bench/corpus.js";

const KB = 1024;

test("builds exactly n documents with unique ids", () => {
  const docs = buildCorpus(2000);
  assert.equal(docs.length, 2000);
  assert.equal(new Set(docs.map((d) => d.id)).size, 2000);
});

test("documents average between 3.5 and 4.5 KB", () => {
  const docs = buildCorpus(500);
  const average = docs.reduce((sum, d) => sum + Buffer.byteLength(d.text ?? ""), 0) / docs.length;
  assert.ok(average >= 3.5 * KB && average <= 4.5 * KB, `average ${Math.round(average)} bytes`);
});

test("every document has text, an outlet and an ISO publication date", () => {
  for (const doc of buildCorpus(100)) {
    assert.ok((doc.text ?? "").length > 0, doc.id);
    assert.ok(doc.outlet, doc.id);
    assert.match(doc.published ?? "", /^\d{4}-\d{2}-\d{2}$/, doc.id);
  }
});

test("the same n gives the same corpus, and a smaller corpus is the start of a larger one", () => {
  assert.deepEqual(buildCorpus(40), buildCorpus(40));
  assert.deepEqual(buildCorpus(15), buildCorpus(40).slice(0, 15));
});

test("documents made from the same sample differ in text and date", () => {
  const docs = buildCorpus(120);
  const samples = 12;
  const fromFirstSample = docs.filter((_, i) => i % samples === 0);
  assert.equal(new Set(fromFirstSample.map((d) => d.text)).size, fromFirstSample.length);
  assert.ok(new Set(docs.map((d) => d.published)).size > docs.length / 2);
});

test("towns, weekdays and figures vary, and a town is only swapped for one in the same country", () => {
  // The first sample is a car bombing at an Iraqi checkpoint; its lead names the town, the day and the toll.
  const iraqiTowns = ["Mosul", "Kirkuk", "Tikrit", "Samarra", "Baqubah", "Ramadi", "Fallujah", "Basra", "Hawija"];
  const texts = buildCorpus(240)
    .filter((_, i) => i % 12 === 0)
    .map((d) => d.text ?? "");
  const towns = texts.map((t) => /checkpoint near (\S+) /.exec(t)?.[1] ?? "");
  for (const town of towns) assert.ok(iraqiTowns.includes(town), `${town} is not an Iraqi town of the list`);
  assert.ok(new Set(towns).size > 1);
  assert.ok(new Set(texts.map((t) => /on (\w+day)/.exec(t)?.[1])).size > 1);
  assert.ok(new Set(texts.map((t) => /killing at least (\d+) people/.exec(t)?.[1])).size > 1);
});

test("a wire story in capitals stays in capitals when paragraphs are mixed in", () => {
  const shouting = buildCorpus(60).filter((d) => d.text === d.text?.toUpperCase());
  assert.ok(shouting.length > 0);
});

test("n of zero gives no documents; a negative or fractional n is refused by name", () => {
  assert.deepEqual(buildCorpus(0), []);
  assert.throws(() => buildCorpus(-1), /n must be a whole number/);
  assert.throws(() => buildCorpus(2.5), /got 2\.5/);
});

test("a stream: stories of their own, about one in five a copy of an earlier one by another outlet", () => {
  const docs = buildStream(500);
  assert.equal(new Set(docs.map((d) => d.id)).size, 500);
  assert.deepEqual(buildStream(60).slice(0, 20), buildStream(20));
  const paragraphs = (d: (typeof docs)[number]) => new Set((d.text ?? "").split("\n\n"));
  const copies = docs.filter((d, i) => docs.slice(0, i).some((e) => e.outlet !== d.outlet && [...paragraphs(d)].every((p) => paragraphs(e).has(p))));
  assert.ok(copies.length >= 70 && copies.length <= 130, `${copies.length} copies`);
  // The others are stories of their own: no two alike.
  const own = docs.filter((d) => !copies.includes(d));
  assert.equal(new Set(own.map((d) => d.text)).size, own.length);
});
