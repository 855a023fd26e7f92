import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../src/paths.js";

/** A development set: documents, their gold events, and how its precision is counted. */
export interface DevSet {
  name: string;
  documents: string;
  gold: string;
  unscoredTypes: string[];
}

/** Where the development sets are: beside the repository, never inside it (their terms forbid copies). */
export const devDir = join(projectRoot, "../shared/dev");

// MUC-4's task did not code combat between armed forces and guerrillas, which the contract does.
const unscoredTypes: Record<string, string[]> = { muc4: ["BATTLES"] };
// The sets in the order the figures are usually quoted; a new set joins after them.
const order = ["seeds", "muc4", "acled", "news", "ar"];

/** Every folder of the development directory that holds documents.jsonl and gold.jsonl. */
export function devSets(): DevSet[] {
  if (!existsSync(devDir)) return [];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return readdirSync(devDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(devDir, d.name, "documents.jsonl")) && existsSync(join(devDir, d.name, "gold.jsonl")))
    .map((d) => d.name)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((name) => ({
      name,
      documents: join(devDir, name, "documents.jsonl"),
      gold: join(devDir, name, "gold.jsonl"),
      unscoredTypes: unscoredTypes[name] ?? [],
    }));
}
