import { activeCodebook } from "../src/codebook/load.js";
import { pathToFileURL } from "node:url";
import { prepareDocument } from "../src/document/prepare.js";
import { findDates, findPublicationDate } from "../src/extract/dates/index.js";
import { splitSentences } from "../src/extract/sentences.js";
import { buildCorpus } from "./corpus.js";

/** Date extraction alone (publication date line and every date expression) over ~4 KB documents. */
export async function run(): Promise<Record<string, number | string>> {
  const codebook = activeCodebook();
  const docs = buildCorpus(1000).map((src) => {
    const doc = prepareDocument(src);
    return { doc, sentences: splitSentences(doc, activeCodebook()) };
  });
  // One pass first, so the figure is the steady state and not the compiler warming up.
  for (const { doc, sentences } of docs) findDates(doc, sentences, doc.published, codebook);
  const started = process.hrtime.bigint();
  let spans = 0;
  for (const { doc, sentences } of docs) {
    findPublicationDate(doc.text, codebook);
    spans += findDates(doc, sentences, doc.published, codebook).length;
  }
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    "dates documents": docs.length,
    "dates documents/s": Math.round(docs.length / secs),
    "dates spans per document": Math.round((spans / docs.length) * 10) / 10,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) console.table(await run());
