import { resourceUsage } from "node:process";
import { pathToFileURL } from "node:url";
import { extractDocument } from "../src/extract/pipeline.js";
import { buildCorpus } from "./corpus.js";

/** Extraction throughput on one core over a generated corpus of about 4 KB documents. */
export async function run(): Promise<Record<string, number | string>> {
  const docs = buildCorpus(2000);
  const bytes = docs.reduce((n, d) => n + (d.text ?? "").length, 0);
  // Warm up the lazily built lexicons and the gazetteer so the figure is the steady state.
  extractDocument(docs[0]!);
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let mentions = 0;
  for (const d of docs) mentions += extractDocument(d).mentions.length;
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  // Extraction runs on one JavaScript thread: wall time on an idle machine is its one-core rate.
  // Process CPU time also counts V8's garbage-collector and compiler threads, so it reads lower.
  const cpuSecs = (used.user + used.system) / 1e6;
  return {
    "extract documents": docs.length,
    "extract mean document KB": Math.round(bytes / docs.length / 102.4) / 10,
    "extract documents/s (wall, one thread)": Math.round(docs.length / secs),
    "extract documents/s (process CPU time)": Math.round(docs.length / cpuSecs),
    "extract mentions": mentions,
    "extract peak RSS MB": Math.round(resourceUsage().maxRSS / 1024),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) console.table(await run());
