import { activeCodebook } from "../src/codebook/load.js";
import { pathToFileURL } from "node:url";
import { prepareDocument } from "../src/document/prepare.js";
import { findCasualties } from "../src/extract/casualties/index.js";
import { splitSentences } from "../src/extract/sentences.js";
import { isAllCaps, tokenizeWords } from "../src/extract/words.js";
import { buildCorpus } from "./corpus.js";

/** Casualty figures alone, every sentence of ~4 KB documents. */
export async function run(): Promise<Record<string, number | string>> {
  const codebook = activeCodebook();
  const docs = buildCorpus(1000).map((src) => {
    const doc = prepareDocument(src);
    return { source: { doc, words: tokenizeWords(doc.clean), allCaps: isAllCaps(doc.clean) }, sentences: splitSentences(doc, activeCodebook()) };
  });
  // One pass first, so the figure is the steady state and not the compiler warming up.
  for (const { source, sentences } of docs) for (const s of sentences) findCasualties(source, s, codebook);
  const started = process.hrtime.bigint();
  let figures = 0;
  for (const { source, sentences } of docs) for (const s of sentences) figures += findCasualties(source, s, codebook).figures.length;
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    "casualties documents": docs.length,
    "casualties documents/s": Math.round(docs.length / secs),
    "casualties figures per document": Math.round((figures / docs.length) * 10) / 10,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) console.table(await run());
