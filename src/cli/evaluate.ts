import { Command } from "commander";
import { readGold } from "../evaluate/gold.js";
import { predict } from "../evaluate/predict.js";
import { readPredictions, type Prediction } from "../evaluate/prediction.js";
import { errorsText, figuresText, scoreJson } from "../evaluate/report.js";
import { score } from "../evaluate/score.js";
import { progressBar } from "./progress.js";

interface EvaluateFlags {
  gold: string;
  input?: string;
  pred?: string;
  json?: boolean;
  unscoredTypes?: string;
  region?: string;
}

export function evaluateCommand(): Command {
  return new Command("evaluate")
    .description("Score extraction against hand-coded gold events: per-field accuracy, event recall and precision, every disagreement")
    .requiredOption("--gold <file>", "the hand-coded events, JSONL (README, Evaluate)")
    .option("--input <file>", "the coded documents, JSONL: extract them and score what comes out")
    .option("--pred <file>", "score these mentions (sitrep extract's output) instead of extracting")
    .option("--json", "one JSON object instead of the table")
    .option("--unscored-types <types>", "ACLED event types whose unpaired mentions do not count against precision, comma-separated")
    .option("--region <cc>", "ISO alpha-2 country that ambiguous place names should prefer (with --input)")
    .action(async (flags: EvaluateFlags) => {
      process.exitCode = await runEvaluate(flags);
    });
}

/** Scores and prints; bad lines are reported on stderr and make the exit status 1, the rest still scored. */
async function runEvaluate(flags: EvaluateFlags): Promise<number> {
  if ((flags.input === undefined) === (flags.pred === undefined)) throw new Error("evaluate: give either --input DOCS.jsonl or --pred PRED.jsonl");
  const gold = readGold(flags.gold);
  const errors = [...gold.errors];
  let predictions: Prediction[];
  if (flags.input !== undefined) {
    const bar = progressBar("documents");
    const predicted = await predict(flags.input, flags.region ? { region: flags.region.toUpperCase() } : {}, (ok) => bar.tick(ok));
    bar.stop();
    errors.push(...predicted.errors);
    // A coded document missing from the input would count as missed events for no fault of the extraction.
    for (const doc of new Set(gold.values.map((g) => g.documentId))) {
      if (!predicted.documentIds.has(doc)) errors.push(`${flags.gold}: document ${JSON.stringify(doc)} is not in ${flags.input}`);
    }
    predictions = predicted.mentions;
  } else {
    const read = readPredictions(flags.pred!);
    errors.push(...read.errors);
    predictions = read.values;
  }
  for (const e of errors) process.stderr.write(`${e}\n`);
  const result = score(gold.values, predictions, { unscoredTypes: flags.unscoredTypes?.split(",").map((t) => t.trim()).filter(Boolean) });
  const out = flags.json ? JSON.stringify(scoreJson(result), null, 2) : [...figuresText(result), ...errorsText(result)].join("\n");
  process.stdout.write(`${out}\n`);
  return errors.length > 0 ? 1 : 0;
}
