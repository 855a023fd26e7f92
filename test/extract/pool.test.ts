import { test } from "node:test";
import assert from "node:assert/strict";
import { activeCodebook } from "../../src/codebook/load.js";
import { prepareDocument } from "../../src/document/prepare.js";
import { extractor, inlineExtractor } from "../../src/extract/pool.js";
import type { Doc } from "../../src/model.js";

const docs = (n: number): Doc[] =>
  Array.from({ length: n }, (_, i) =>
    prepareDocument({ id: `p${i}`, published: "2023-02-06", text: `Gunmen shot dead ${(i % 5) + 1} farmers near a well outside the village of Tanout on Saturday, residents said.` }),
  );

test("threads give the documents' extractions in their order, as one thread does", async (t) => {
  const pool = extractor({ codebook: activeCodebook() }, 2);
  t.after(() => pool.close());
  const batch = docs(40);
  const [pooled, alone] = await Promise.all([pool.extract(batch), inlineExtractor({ codebook: activeCodebook() }).extract(batch)]);
  assert.deepEqual(pooled, alone);
  assert.deepEqual(pooled.map((o) => ("error" in o ? null : o.doc.id)), batch.map((d) => d.id));
});

test("a document that cannot be extracted is an outcome of its own; the others go on", async (t) => {
  const pool = extractor({ codebook: activeCodebook() }, 2);
  t.after(() => pool.close());
  const batch = docs(40);
  batch[7] = { ...batch[7]!, clean: undefined as unknown as string };
  const outcomes = await pool.extract(batch);
  assert.ok("error" in outcomes[7]!);
  assert.equal(outcomes.filter((o) => "error" in o).length, 1);
});
