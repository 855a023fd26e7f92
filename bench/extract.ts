import { resourceUsage } from "node:process";
import { pathToFileURL } from "node:url";
import { activeCodebook } from "../src/codebook/load.js";
import { prepareDocument } from "../src/document/prepare.js";
import { extractDocument } from "../src/extract/pipeline.js";
import { CORES, extractor } from "../src/extract/pool.js";
import { buildCorpus } from "./corpus.js";

/** Extraction throughput on one core, and on a thread a core, over a generated corpus of about 4 KB documents. */
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
  // As `sitrep extract --threads N` runs, N the cores: prepared here, extracted on the threads, their start included.
  const pool = extractor({ codebook: activeCodebook() }, CORES);
  const pooledStart = process.hrtime.bigint();
  for (let i = 0; i < docs.length; i += 64 * CORES) await pool.extract(docs.slice(i, i + 64 * CORES).map((d) => prepareDocument(d)));
  const pooledSecs = Number(process.hrtime.bigint() - pooledStart) / 1e9;
  await pool.close();
  return {
    "extract documents": docs.length,
    "extract mean document KB": Math.round(bytes / docs.length / 102.4) / 10,
    "extract documents/s (wall, one thread)": Math.round(docs.length / secs),
    "extract documents/s (process CPU time)": Math.round(docs.length / cpuSecs),
    [`extract documents/s (wall, ${CORES} threads)`]: Math.round(docs.length / pooledSecs),
    "extract mentions": mentions,
    "extract peak RSS MB": Math.round(resourceUsage().maxRSS / 1024),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) console.table(await run());
