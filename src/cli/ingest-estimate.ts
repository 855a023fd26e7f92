import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { walkFiles } from "../ingest/walk.js";

// The progress bar's total, for its ETA: one item a file and one a JSONL line. Feeds count as one
// and files a folder will skip count too: an estimate, and the bar grows if it falls short.

const JSONL = new Set([".jsonl", ".ndjson"]);

async function lines(path: string): Promise<number> {
  let n = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
    last = chunk[chunk.length - 1] ?? last;
  }
  return last === 10 ? n : n + 1;
}

async function fileItems(path: string): Promise<number> {
  return JSONL.has(extname(path).toLowerCase()) ? lines(path).catch(() => 1) : 1;
}

export async function estimateItems(paths: string[], urls: number): Promise<number> {
  let total = urls;
  for (const path of paths) {
    const isDir = await stat(path).then((s) => s.isDirectory(), () => false);
    if (!isDir) total += await fileItems(path);
    else for await (const entry of walkFiles(path)) total += entry.error ? 1 : await fileItems(entry.path);
  }
  return total;
}
