import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { devSets } from "../../eval/dev-sets.js";
import { projectRoot } from "../../src/paths.js";

// The script's shape only: the figures themselves are what it is there to show, not to assert.
const script = join(projectRoot, "dist/eval/run.js");
const skip = devSets().some((s) => s.name === "seeds") ? false : "../shared/dev/seeds is absent";
const run = (args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

test("--set runs one set: its table, its errors and a summary line", { skip }, () => {
  const r = run(["--set", "seeds", "--worst", "1"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^== seeds \(5 documents; [\d.]+ s\)$/m);
  assert.match(r.stdout, /^field\s+accuracy\s+right\/total$/m);
  assert.match(r.stdout, /\n== summary\nseeds {2}fieldAccuracy=\d\.\d{3} eventRecall=\d\.\d{3} eventPrecision=\d\.\d{3} eventF1=\d\.\d{3}\n$/);
  assert.ok(!/== muc4/.test(r.stdout));
});

test("an unknown set is refused with the list of sets", { skip }, () => {
  const r = run(["--set", "nowhere"]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /unknown set nowhere; the sets are seeds/);
});
