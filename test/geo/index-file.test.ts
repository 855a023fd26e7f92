import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readIndex } from "../../src/geo/index-file.js";
import { gazetteer } from "../../src/geo/gazetteer.js";

test("a file that is not an index is refused with its path named", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-geo-"));
  try {
    const path = join(dir, "gazetteer.bin");
    writeFileSync(path, "not an index at all");
    assert.throws(() => readIndex(path), (err: Error) => err.message.includes(path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the index holds GeoNames places with their columns", () => {
  const g = gazetteer();
  assert.ok(g.size > 190000);
  const hit = g.lookup("tripoli")!;
  const places = [...hit.postings].map((p) => g.place(p >>> 1));
  const libyan = places.find((p) => p.country === "LY")!;
  assert.equal(libyan.geonameId, 2210247);
  assert.equal(libyan.kind, "PPLC");
  assert.ok(Math.abs(libyan.lat - 32.887) < 0.01);
});

test("the index knows ordinary English words", () => {
  const g = gazetteer();
  assert.equal(g.isCommonWord("reading"), true);
  assert.equal(g.isCommonWord("usulutan"), false);
});
