import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { prepareDocument } from "../src/document/prepare.js";
import { readJsonl } from "../src/ingest/jsonl.js";
import { projectRoot } from "../src/paths.js";
import { reportHtml } from "../test/document/fixtures.js";

// Throughput of the document stage on the scraped seed articles (2-4 KB of text each, boilerplate
// and all) and on an HTML page, and of JSONL reading.

function perSecond(count: number, ms: number): number {
  return Math.round((count / ms) * 1000);
}

function timeIt(rounds: number, body: () => void): number {
  body(); // warm-up: codebook loading and JIT
  const start = performance.now();
  for (let i = 0; i < rounds; i++) body();
  return performance.now() - start;
}

export async function run(): Promise<Record<string, number | string>> {
  const dir = join(projectRoot, "../shared/dev/seeds/raw");
  const texts = readdirSync(dir)
    .filter((n) => n.endsWith(".txt"))
    .map((n) => readFileSync(join(dir, n), "utf8"));
  const meanKb = texts.reduce((n, t) => n + t.length, 0) / texts.length / 1024;

  const textRounds = 600;
  const textMs = timeIt(textRounds, () => texts.forEach((text, i) => prepareDocument({ id: `d${i}`, text })));
  const htmlRounds = 300;
  const htmlMs = timeIt(htmlRounds, () => prepareDocument({ id: "h", html: reportHtml }));

  const lines = Array.from({ length: 10_000 }, (_, i) => JSON.stringify({ id: `doc-${i}`, text: texts[i % texts.length] })).join("\n");
  const jsonlStart = performance.now();
  let read = 0;
  for await (const item of readJsonl(Readable.from([Buffer.from(lines)]))) if (item.doc) read++;
  const jsonlMs = performance.now() - jsonlStart;

  return {
    "document.text.kbPerDoc": Number(meanKb.toFixed(1)),
    "document.text.docsPerSec": perSecond(textRounds * texts.length, textMs),
    "document.html.docsPerSec": perSecond(htmlRounds, htmlMs),
    "document.jsonl.linesPerSec": perSecond(read, jsonlMs),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const [name, value] of Object.entries(await run())) console.log(`${name}: ${value}`);
}
