import { join } from "node:path";
import { Command } from "commander";
import { CodebookError, readCodebook } from "../codebook/read.js";
import type { Codebook } from "../codebook/schema.js";
import { projectRoot } from "../paths.js";

/** The entries of a codebook: the items of each file's lists and tables, a setting counting one. */
export function entryCount(book: Codebook): number {
  let n = 0;
  for (const file of Object.values(book)) {
    for (const section of Object.values(file as Record<string, unknown>)) {
      n += Array.isArray(section) ? section.length : section !== null && typeof section === "object" ? Object.keys(section).length : 1;
    }
  }
  return n;
}

export function codebookCommand(): Command {
  const check = new Command("check")
    .description("Check a codebook folder (a copy being edited, say) as extraction would load it")
    .argument("[dir]", "the codebook folder", join(projectRoot, "codebook"))
    .action((dir: string) => {
      try {
        const book = readCodebook(dir);
        process.stdout.write(`codebook ${dir}: ${Object.keys(book).length} files, ${entryCount(book)} entries, ok\n`);
      } catch (err) {
        if (!(err instanceof CodebookError)) throw err;
        process.stderr.write(`${err.message}\ncodebook ${dir}: ${err.problems.length} problem${err.problems.length === 1 ? "" : "s"}\n`);
        process.exitCode = 1;
      }
    });
  return new Command("codebook").description("Work with the codebook: the word lists and patterns extraction reads").addCommand(check);
}
