import { createWriteStream } from "node:fs";
import { basename, extname } from "node:path";
import { once } from "node:events";
import { Command } from "commander";
import { extractDocument } from "../extract/pipeline.js";
import { readJsonl, type JsonlItem } from "../ingest/jsonl.js";
import { readSources } from "../ingest/sources.js";
import { addExtractOptions, extractOptionsOf, type ExtractFlags } from "./options.js";
import { progressBar } from "./progress.js";

interface Flags extends ExtractFlags {
  input: string;
  output: string;
}

const SINGLE_DOCUMENT = new Set([".txt", ".html", ".htm"]);

export function extractCommand(): Command {
  const command = new Command("extract")
    .description("Read documents (JSONL, .txt, .html) and write event mentions as JSONL (shared/contract)")
    .option("--input <file>", "documents: a JSONL file, a .txt/.html file, or - for standard input", "-")
    .option("--output <file>", "where the mentions go, or - for standard output", "-");
  return addExtractOptions(command).action(async (flags: Flags) => {
      process.exitCode = await runExtract(flags);
    });
}

/**
 * The contract's command: every readable document is extracted and written in input order; each
 * rejected line is reported on stderr as `LINE: reason` and makes the exit status 1.
 */
async function runExtract(flags: Flags): Promise<number> {
  const out = flags.output === "-" ? process.stdout : createWriteStream(flags.output);
  const opts = extractOptionsOf(flags);
  const bar = progressBar("documents");
  let failed = 0;
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, "drain");
  };
  for await (const item of inputItems(flags.input)) {
    if (item.error || !item.doc) {
      failed++;
      process.stderr.write(`${item.line}: ${item.error ?? "no document"}\n`);
      bar.tick(false);
      continue;
    }
    try {
      const { mentions } = extractDocument(item.doc, opts);
      for (const m of mentions) await write(`${JSON.stringify(m)}\n`);
      bar.tick(true);
    } catch (err) {
      failed++;
      process.stderr.write(`${item.line}: ${(err as Error).message}\n`);
      bar.tick(false);
    }
  }
  bar.stop();
  if (out !== process.stdout) {
    out.end();
    await once(out, "finish");
  }
  return failed > 0 ? 1 : 0;
}

/** JSONL lines, or the one document of a .txt/.html file (named by its file name). */
async function* inputItems(input: string): AsyncGenerator<JsonlItem> {
  if (input !== "-" && SINGLE_DOCUMENT.has(extname(input).toLowerCase())) {
    for await (const item of readSources([input])) {
      yield item.doc ? { line: 1, doc: item.doc } : { line: 1, error: `${basename(input)}: ${item.error ?? "unreadable"}` };
    }
    return;
  }
  yield* readJsonl(input === "-" ? process.stdin : input);
}
