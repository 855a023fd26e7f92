import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../src/paths.js";
import { sitrep } from "./run.js";

// Written for this test: a report whose only trigger word is one the shipped codebook lacks.
const REPORT = JSON.stringify({ id: "r1", text: "Gunmen zorbled a police post in Kandahar on Monday.", published: "2020-05-06" });

function copyOfCodebook(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-codebook-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const copy = join(dir, "codebook");
  cpSync(join(projectRoot, "codebook"), copy, { recursive: true });
  return copy;
}

test("--codebook reads a deployment's own copy, SITREP_CODEBOOK too", async (t) => {
  const copy = copyOfCodebook(t);
  const triggers = readFileSync(join(copy, "triggers.yaml"), "utf8").replace(
    "triggers:\n",
    "triggers:\n  - name: zorbling\n    patterns: [zorbled]\n    attackType: ARMED_ASSAULT\n    eventType: VIOLENCE_AGAINST_CIVILIANS\n    subEventType: ATTACK\n",
  );
  writeFileSync(join(copy, "triggers.yaml"), triggers);
  const shipped = await sitrep(["extract"], { input: REPORT });
  assert.equal(shipped.stdout.trim(), "");
  const own = await sitrep(["extract", "--codebook", copy], { input: REPORT });
  assert.equal(own.code, 0, own.stderr);
  assert.equal(JSON.parse(own.stdout.trim().split("\n")[0]!).attackTypes[0], "ARMED_ASSAULT");
  const env = await sitrep(["extract"], { input: REPORT, env: { SITREP_CODEBOOK: copy } });
  assert.equal(JSON.parse(env.stdout.trim().split("\n")[0]!).attackTypes[0], "ARMED_ASSAULT");
});

test("a bad codebook stops the command before anything is read, naming the file and the line", async (t) => {
  const copy = copyOfCodebook(t);
  const triggers = readFileSync(join(copy, "triggers.yaml"), "utf8").replace("    attackType: BOMBING_EXPLOSION\n", "    attakType: BOMBING_EXPLOSION\n");
  writeFileSync(join(copy, "triggers.yaml"), triggers);
  const run = await sitrep(["extract", "--codebook", copy], { input: REPORT });
  assert.notEqual(run.code, 0);
  assert.match(run.stderr, /codebook\/triggers\.yaml:\d+: entry "[^"]+": unknown key "attakType"/);
  assert.equal(run.stdout, "");
});
