import { createWriteStream } from "node:fs";
import { basename, extname } from "node:path";
import { once } from "node:events";
import { Command } from "commander";
import { prepareDocument } from "../document/prepare.js";
import type { Doc } from "../model.js";
import { readJsonl, type JsonlItem } from "../ingest/jsonl.js";
import { readSources } from "../ingest/sources.js";
import { extractor } from "../extract/pool.js";
import { addExtractOptions, addThreadsOption, extractOptionsOf, type ExtractFlags } from "./options.js";
import { progressBar } from "./progress.js";

interface Flags extends ExtractFlags {
  input: string;
  output: string;
  threads: number;
}

const SINGLE_DOCUMENT = new Set([".txt", ".html", ".htm"]);

// Documents handed to the extractor at once, a thread: enough that every thread is busy while the
// next are read, few enough that output keeps coming.
const DOCUMENTS_A_THREAD = 32;

export function extractCommand(): Command {
  const command = new Command("extract")
    .description("Read documents (JSONL, .txt, .html) and write event mentions as JSONL (shared/contract)")
    .option("--input <file>", "documents: a JSONL file, a .txt/.html file, or - for standard input", "-")
    .option("--output <file>", "where the mentions go, or - for standard output", "-");
  addThreadsOption(addExtractOptions(command));
  return command.action(async (flags: Flags) => {
    process.exitCode = await runExtract(flags);
  });
}

/**
 * The contract's command: every readable document is extracted and written in input order; each
 * rejected line is reported on stderr as `LINE: reason` and makes the exit status 1.
 */
async function runExtract(flags: Flags): Promise<number> {
  const opts = extractOptionsOf(flags);
  const extract = extractor(opts, flags.threads);
  const out = flags.output === "-" ? process.stdout : createWriteStream(flags.output);
  const bar = progressBar("documents");
  let failed = 0;
  const reject = (line: number, reason: string) => {
    failed++;
    process.stderr.write(`${line}: ${reason}\n`);
    bar.tick(false);
  };
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, "drain");
  };
  const flush = async (batch: { line: number; doc: Doc }[]) => {
    const outcomes = await extract.extract(batch.map((b) => b.doc));
    for (const [n, outcome] of outcomes.entries()) {
      if ("error" in outcome) {
        reject(batch[n]!.line, outcome.error);
        continue;
      }
      for (const m of outcome.mentions) await write(`${JSON.stringify(m)}\n`);
      bar.tick(true);
    }
  };
  try {
    let batch: { line: number; doc: Doc }[] = [];
    for await (const item of inputItems(flags.input)) {
      if (item.error || !item.doc) {
        // Written where it stands: what came before it goes out first.
        await flush(batch);
        batch = [];
        reject(item.line, item.error ?? "no document");
        continue;
      }
      try {
        batch.push({ line: item.line, doc: prepareDocument(item.doc, opts.codebook) });
      } catch (err) {
        await flush(batch);
        batch = [];
        reject(item.line, (err as Error).message);
        continue;
      }
      if (batch.length >= DOCUMENTS_A_THREAD * flags.threads) {
        await flush(batch);
        batch = [];
      }
    }
    await flush(batch);
  } finally {
    bar.stop();
    await extract.close();
  }
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
