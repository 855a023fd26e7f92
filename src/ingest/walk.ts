import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import { fsReason } from "./fsError.js";

export interface WalkEntry {
  path: string;
  error?: string;
}

/**
 * The files under `dir`, depth first in name order, hidden files and folders (".name") left out.
 * Symbolic links are followed, each real folder visited once so a link loop ends.
 */
export async function* walkFiles(dir: string, visited = new Set<string>()): AsyncGenerator<WalkEntry> {
  let names: string[];
  try {
    const real = await realpath(dir);
    if (visited.has(real)) return;
    visited.add(real);
    names = (await readdir(dir)).filter((name) => !name.startsWith(".")).sort();
  } catch (err) {
    yield { path: dir, error: fsReason(err) };
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    let isDir: boolean;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (err) {
      yield { path, error: fsReason(err) };
      continue;
    }
    if (isDir) yield* walkFiles(path, visited);
    else yield { path };
  }
}
