import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { projectRoot } from "../paths.js";

// The codebook is data an analyst edits: YAML files in the repository's codebook/ folder.
const codebookDir = join(projectRoot, "codebook/");
const cache = new Map<string, unknown>();

/** Reads codebook/NAME.yaml once per process. */
export function loadCodebook<T>(name: string): T {
  let value = cache.get(name);
  if (value === undefined) {
    const path = `${codebookDir}${name}.yaml`;
    try {
      value = parse(readFileSync(path, "utf8"));
    } catch (err) {
      throw new Error(`codebook ${path}: ${(err as Error).message}`);
    }
    cache.set(name, value);
  }
  return value as T;
}
