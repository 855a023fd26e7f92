import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { openStore } from "../../src/store/open.js";
import type { IngestEntry } from "../../src/store/store.js";

// A writer of its own, for the concurrency tests: opens the store named on the command line,
// says "ready", and on the first line of input stores the entries of the JSON file given, in
// batches of the size given, printing the outcomes.

async function write(location: string, entriesFile: string, batch: number): Promise<void> {
  const entries = JSON.parse(readFileSync(entriesFile, "utf8")) as IngestEntry[];
  const store = await openStore({ db: location });
  process.stdout.write("ready\n");
  const lines = createInterface({ input: process.stdin });
  await new Promise((resolve) => lines.once("line", resolve));
  lines.close();
  const outcomes = [];
  for (let i = 0; i < entries.length; i += batch) outcomes.push(...(await store.ingest(entries.slice(i, i + batch))));
  await store.close();
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
}

// The test runner runs every file under test/, this one too, without arguments: then it does nothing.
const [location, entriesFile, batch] = process.argv.slice(2);
if (location && entriesFile && batch) await write(location, entriesFile, Number(batch));
