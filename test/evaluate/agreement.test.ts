import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { devSets } from "../../eval/dev-sets.js";
import { readGold } from "../../src/evaluate/gold.js";
import { predict } from "../../src/evaluate/predict.js";
import { score } from "../../src/evaluate/score.js";
import { projectRoot } from "../../src/paths.js";

// Our scorer must give the figures of the shared reference scorer, on the development sets and on
// Sitrep's own output for them. Neither is part of the repository; without them there is nothing to compare.
const reference = join(projectRoot, "../shared/tools/score.mjs");
const sets = devSets();
const skip = existsSync(reference) && sets.length > 0 ? false : "../shared (the reference scorer and the development sets) is absent";

interface ReferenceSummary {
  fieldAccuracy: number;
  eventRecall: number;
  eventPrecision: number;
  eventF1: number;
  fields: Record<string, number>;
}

function referenceScore(gold: string, pred: string, unscored: string[]): ReferenceSummary {
  const args = [reference, "--gold", gold, "--pred", pred, "--json", ...(unscored.length ? ["--unscored-types", unscored.join(",")] : [])];
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  const json = r.stdout.split("\n").find((l) => l.startsWith("{"));
  assert.ok(json, r.stdout);
  return JSON.parse(json) as ReferenceSummary;
}

test("on every development set, our figures are the reference scorer's: field accuracy, recall, precision, F1 and each field", { skip }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-agreement-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const set of sets) {
    const { mentions } = await predict(set.documents);
    const predPath = join(dir, `${set.name}.jsonl`);
    writeFileSync(predPath, mentions.map((m) => `${JSON.stringify(m)}\n`).join(""));
    const gold = readGold(set.gold);
    assert.deepEqual(gold.errors, [], `${set.name}: the gold reads`);
    const ours = score(gold.values, mentions, { unscoredTypes: set.unscoredTypes });
    const theirs = referenceScore(set.gold, predPath, set.unscoredTypes);
    for (const key of ["fieldAccuracy", "eventRecall", "eventPrecision", "eventF1"] as const) {
      assert.ok(Math.abs(ours[key] - theirs[key]) < 1e-12, `${set.name} ${key}: ours ${ours[key]}, reference ${theirs[key]}`);
    }
    const fields = Object.fromEntries(Object.entries(ours.fields).map(([f, t]) => [f, t.right / t.total]));
    assert.deepEqual(Object.keys(fields).sort(), Object.keys(theirs.fields).sort(), `${set.name}: the same fields scored`);
    for (const [f, accuracy] of Object.entries(fields)) assert.ok(Math.abs(accuracy - theirs.fields[f]!) < 1e-12, `${set.name} ${f}`);
  }
});
