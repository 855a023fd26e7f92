import { parseArgs } from "node:util";
import { progressBar } from "../src/cli/progress.js";
import { readGold } from "../src/evaluate/gold.js";
import { predict } from "../src/evaluate/predict.js";
import { errorsText, figuresText, summaryLine } from "../src/evaluate/report.js";
import { score, type Score } from "../src/evaluate/score.js";
import { devDir, devSets, type DevSet } from "./dev-sets.js";

// `npm run eval`: extracts every development set, scores it as ../shared/tools/score.mjs does, and
// prints its per-field table and worst errors, then one line of figures a set to compare runs by.
// `npm run eval -- --set news` runs one; `--worst N` shows N errors of each kind (default 5).
const { values } = parseArgs({ options: { set: { type: "string", multiple: true }, worst: { type: "string", default: "5" } } });
const worst = Number(values.worst);
if (!Number.isInteger(worst) || worst < 0) throw new Error(`--worst must be a whole number, got ${values.worst}`);

const available = devSets();
if (available.length === 0) {
  console.error(`no development sets in ${devDir}`);
  process.exit(1);
}
const unknown = (values.set ?? []).filter((name) => !available.some((s) => s.name === name));
if (unknown.length) {
  console.error(`unknown set ${unknown.join(", ")}; the sets are ${available.map((s) => s.name).join(", ")}`);
  process.exit(1);
}
const chosen = values.set ? available.filter((s) => values.set!.includes(s.name)) : available;

async function evaluateSet(set: DevSet): Promise<Score> {
  const started = Date.now();
  const bar = progressBar(`${set.name} documents`);
  const predicted = await predict(set.documents, {}, (ok) => bar.tick(ok));
  bar.stop();
  const gold = readGold(set.gold);
  for (const e of [...predicted.errors, ...gold.errors]) console.error(e);
  const result = score(gold.values, predicted.mentions, { unscoredTypes: set.unscoredTypes });
  const unscored = set.unscoredTypes.length ? `, ${set.unscoredTypes.join(", ")} unscored` : "";
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n== ${set.name} (${predicted.documentIds.size} documents${unscored}; ${seconds} s)`);
  console.log([...figuresText(result), ...errorsText(result, worst)].join("\n"));
  return result;
}

const results: [string, Score][] = [];
for (const set of chosen) results.push([set.name, await evaluateSet(set)]);
const width = Math.max(...results.map(([name]) => name.length));
console.log("\n== summary");
for (const [name, result] of results) console.log(`${name.padEnd(width)}  ${summaryLine(result)}`);
