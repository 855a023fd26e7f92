import { join } from "node:path";
import { projectRoot } from "../paths.js";
import { readCodebookCached } from "./cache.js";
import { readCodebook } from "./read.js";
import type { Codebook } from "./schema.js";

/** The package's own codebook folder. */
export const DEFAULT_CODEBOOK_DIR = join(projectRoot, "codebook");

// A deployment points at its own copy with SITREP_CODEBOOK or --codebook, without touching the package.
let dir = process.env.SITREP_CODEBOOK || DEFAULT_CODEBOOK_DIR;
let active: Codebook | null = null;

/** Makes the codebook in `path` the one this process reads from now on (`--codebook`). */
export function useCodebook(path: string): void {
  if (path === dir) return;
  dir = path;
  active = null;
}

/** The folder of the codebook this process reads (a worker thread reads the same). */
export function activeCodebookDir(): string {
  return dir;
}

/**
 * The codebook this process reads: read and checked on first use (the package's own as it was
 * last checked, while its files are unchanged); a bad one throws a `CodebookError`.
 */
export function activeCodebook(): Codebook {
  return (active ??= dir === DEFAULT_CODEBOOK_DIR ? readCodebookCached(dir) : readCodebook(dir));
}

/**
 * What a module compiles from a codebook, built once a codebook. The codebook is always given: a
 * stage's is the one the pipeline passes it (a test's small one, a deployment's copy), never one of
 * its own; only entry points outside the pipeline pass `activeCodebook()`.
 */
export function perCodebook<T>(build: (book: Codebook) => T): (book: Codebook) => T {
  const built = new WeakMap<Codebook, T>();
  return (book) => {
    let value = built.get(book);
    if (value === undefined) {
      value = build(book);
      built.set(book, value);
    }
    return value;
  };
}
