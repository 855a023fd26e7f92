import assert from "node:assert/strict";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { readCodebookCached } from "../../src/codebook/cache.js";
import { CodebookError, readCodebook } from "../../src/codebook/read.js";
import { projectRoot } from "../../src/paths.js";

function folder(t: { after(fn: () => void): void }): { dir: string; cache: string } {
  const root = mkdtempSync(join(tmpdir(), "sitrep-codebook-cache-"));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const dir = join(root, "codebook");
  cpSync(join(projectRoot, "codebook"), dir, { recursive: true });
  return { dir, cache: join(root, "cache/codebook.json") };
}

test("a codebook read and checked once is read from its kept copy while its files are unchanged", (t) => {
  const { dir, cache } = folder(t);
  assert.deepEqual(readCodebookCached(dir, cache), readCodebook(dir));
  // Mark the kept copy: a second read that returns the mark did not parse the files again.
  const kept = JSON.parse(readFileSync(cache, "utf8"));
  kept.codebook.abbreviations.abbreviations = ["marked"];
  writeFileSync(cache, JSON.stringify(kept));
  assert.deepEqual(readCodebookCached(dir, cache).abbreviations.abbreviations, ["marked"]);
});

test("an edit to a file is read and checked anew, and a broken file is refused though a copy is kept", (t) => {
  const { dir, cache } = folder(t);
  readCodebookCached(dir, cache);
  const kept = JSON.parse(readFileSync(cache, "utf8"));
  kept.codebook.abbreviations.abbreviations = ["marked"];
  writeFileSync(cache, JSON.stringify(kept));
  appendFileSync(join(dir, "abbreviations.yaml"), "\n# an analyst's note\n");
  assert.notDeepEqual(readCodebookCached(dir, cache).abbreviations.abbreviations, ["marked"]);
  appendFileSync(join(dir, "triggers.yaml"), "\nunknownKey: 1\n");
  assert.throws(() => readCodebookCached(dir, cache), CodebookError);
});
