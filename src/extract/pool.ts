import { availableParallelism } from "node:os";
import Tinypool from "tinypool";
import { activeCodebookDir } from "../codebook/load.js";
import type { Doc } from "../model.js";
import type { ExtractOptions } from "./annotated.js";
import { extractPrepared, type Extraction } from "./pipeline.js";

// Extraction holds the thread it runs on, so a machine's other cores work only when documents are
// handed to threads of their own. The store's writes stay where the caller is.

/** One document's extraction, or why it failed: the other documents of its batch go on. */
export type ExtractOutcome = Extraction | { error: string };

/** Extraction as the caller configured it (region, codebook, stages off), over batches of prepared documents. */
export interface Extractor {
  /** The documents' outcomes, in the documents' order. */
  extract(docs: Doc[]): Promise<ExtractOutcome[]>;
  close(): Promise<void>;
}

/** What a worker thread needs to extract as the caller does: the codebook's folder (it reads and checks it itself). */
export type ThreadSettings = Omit<ExtractOptions, "codebook"> & { codebookDir: string };

/** The machine's cores: on this project's two, two threads extract no faster than one (V8's
 * collector and compiler threads already take the second core), so one thread is the default. */
export const CORES = availableParallelism();

/** Each document extracted alone: one that throws is an outcome, not the batch's failure. */
export function extractEach(docs: Doc[], opts: ExtractOptions): ExtractOutcome[] {
  return docs.map((doc) => {
    try {
      return extractPrepared(doc, opts);
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  });
}

/** Extraction on the caller's own thread. */
export function inlineExtractor(opts: ExtractOptions): Extractor {
  return { extract: async (docs) => extractEach(docs, opts), close: async () => {} };
}

// Documents handed to a thread at a time: reports differ in length a hundredfold, so small stretches
// keep every thread busy to the end of a batch, where one stretch a thread waits on the longest.
const STRETCH = 16;

// Starting a thread costs about what extracting a few dozen documents does (it reads the codebook
// and the gazetteer, and compiles the patterns): a run of fewer documents than this a thread
// extracts on the caller's thread, and starts none.
const FEWEST_A_THREAD = 16;

/**
 * An extractor over `threads` threads, each reading the process's active codebook (`--codebook`);
 * one thread extracts on the caller's own. A batch is cut into stretches taken in turn by the
 * threads and put back in order, so its outcomes are the same as one thread's.
 */
export function extractor(opts: ExtractOptions, threads: number): Extractor {
  const inline = inlineExtractor(opts);
  if (threads <= 1) return inline;
  const { codebook: _, ...rest } = opts;
  const settings: ThreadSettings = { ...rest, codebookDir: activeCodebookDir() };
  let pool: Tinypool | undefined;
  return {
    async extract(docs) {
      if (!pool && docs.length < FEWEST_A_THREAD * threads) return inline.extract(docs);
      pool ??= new Tinypool({ filename: new URL("./pool-worker.js", import.meta.url).href, minThreads: threads, maxThreads: threads, workerData: settings });
      const stretches: Promise<ExtractOutcome[]>[] = [];
      for (let i = 0; i < docs.length; i += STRETCH) stretches.push(pool.run(docs.slice(i, i + STRETCH)));
      return (await Promise.all(stretches)).flat();
    },
    close: async () => {
      await pool?.destroy();
    },
  };
}
