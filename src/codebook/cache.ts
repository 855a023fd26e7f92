import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../paths.js";
import { readCodebook } from "./read.js";
import { CODEBOOK_FILES, type Codebook } from "./schema.js";

// Parsing the codebook's YAML and checking it against its schemas costs a third of a second, more
// than extracting a report: every command that reads it would pay that at start. What was read and
// checked once is kept as JSON beside the gazetteer index, under the hash of the files and of the
// schemas' code, so that an edit of either is read and checked again.

const CACHE = join(projectRoot, ".cache/codebook.json");
const SCHEMA_CODE = readFileSync(fileURLToPath(new URL("./schema.js", import.meta.url)), "utf8");

/** The codebook in `dir`, read and checked, or as it was the last time these same files were (kept in `cache`). */
export function readCodebookCached(dir: string, cache = CACHE): Codebook {
  const hash = createHash("sha256").update(SCHEMA_CODE).update(dir);
  for (const file of Object.values(CODEBOOK_FILES)) {
    let text: string;
    try {
      text = readFileSync(join(dir, file), "utf8");
    } catch {
      // A file missing: the reader names it.
      return readCodebook(dir);
    }
    hash.update("\0").update(file).update("\0").update(text);
  }
  const key = hash.digest("hex");
  try {
    const kept = JSON.parse(readFileSync(cache, "utf8")) as { key: string; codebook: Codebook };
    if (kept.key === key) return kept.codebook;
  } catch {
    // No copy kept yet, or an unreadable one: read the files.
  }
  const codebook = readCodebook(dir);
  try {
    mkdirSync(dirname(cache), { recursive: true });
    const temp = `${cache}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ key, codebook }));
    renameSync(temp, cache);
  } catch {
    // A read-only install reads the files each time.
  }
  return codebook;
}
