import { sql, type Kysely } from "kysely";
import { chunks } from "./chunks.js";
import type { Engine } from "./engine.js";
import { insertRows } from "./insert-rows.js";
import { LATEST_PER_BAND, MAX_CANDIDATES, MAX_NEAR_DUPLICATES, NEAR_DUPLICATE_SIMILARITY, signatureBytes, similarity, type Fingerprint } from "./near-duplicates.js";
import type { Schema } from "./schema.js";

/** A document just written, in the order the batch wrote them. */
export interface NewDocument {
  id: string;
  seq: number;
  print: Fingerprint;
}

// Bands read in one statement: a batch of 128 documents has up to 2,688 distinct bands, and each
// is one bound value of one list.
const BANDS_PER_STATEMENT = 1_000;

/**
 * Links each document to its closest near-duplicates among the stored documents and those before
 * it in `docs`, then files it under its bands: the same links as writing the documents one by
 * one, in three statements for the batch where that took three for each document.
 */
export async function linkNearDuplicates(db: Kysely<Schema>, engine: Engine, docs: NewDocument[]): Promise<void> {
  if (docs.length === 0) return;
  const stored = await latestPerBand(db, engine, [...new Set(docs.flatMap((d) => d.print.bands))]);
  // The batch's own documents are the latest of any band they share.
  const written = new Map<number, number[]>();
  const candidates = docs.map((doc) => {
    const shared = new Map<number, number>();
    for (const band of new Set(doc.print.bands)) {
      const seqs = [...(written.get(band) ?? []), ...(stored.get(band) ?? [])].slice(0, LATEST_PER_BAND);
      for (const seq of seqs) shared.set(seq, (shared.get(seq) ?? 0) + 1);
      written.set(band, [doc.seq, ...(written.get(band) ?? [])]);
    }
    // The likeliest near-duplicates first (a pair at similarity s shares 21·s³ bands on average), the latest first among equals.
    return [...shared].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, MAX_CANDIDATES).map(([seq]) => seq);
  });
  const batch = new Map(docs.map((d) => [d.seq, { id: d.id, minhash: signatureBytes(d.print.signature) }]));
  const others = await signatures(db, [...new Set(candidates.flat())].filter((seq) => !batch.has(seq)));
  const pairs = docs.flatMap((doc, i) =>
    candidates[i]!
      .map((seq) => ({ seq, ...(batch.get(seq) ?? others.get(seq)!) }))
      .map((c) => ({ seq: c.seq, other: c.id, similarity: similarity(doc.print.signature, c.minhash) }))
      .filter((c) => c.similarity >= NEAR_DUPLICATE_SIMILARITY)
      .sort((a, b) => b.similarity - a.similarity || b.seq - a.seq)
      .slice(0, MAX_NEAR_DUPLICATES)
      .flatMap((l) => [
        { document_id: doc.id, other_id: l.other, similarity: l.similarity },
        { document_id: l.other, other_id: doc.id, similarity: l.similarity },
      ]),
  );
  await insertRows(db, "near_duplicates", pairs);
  await insertRows(db, "document_bands", docs.flatMap((d) => [...new Set(d.print.bands)].map((band) => ({ band, document_seq: d.seq }))));
}

/**
 * The latest LATEST_PER_BAND documents filed under each band, latest first. Each band's come from
 * its own range of the primary key: a band hundreds of copies share is never read whole.
 */
async function latestPerBand(db: Kysely<Schema>, engine: Engine, bands: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (const some of chunks(bands, BANDS_PER_STATEMENT)) {
    const list = engine.rowsTable("b", ["band"], some.map((band) => ({ band: String(band) })));
    const { rows } = await sql<{ band: string; seqs: string | null }>`SELECT b.band, (SELECT string_agg(CAST(document_seq AS TEXT), ',') FROM (
SELECT document_seq FROM document_bands WHERE document_bands.band = CAST(b.band AS BIGINT) ORDER BY document_seq DESC LIMIT ${sql.lit(LATEST_PER_BAND)}) AS latest) AS seqs
FROM ${list}`.execute(db);
    for (const row of rows) {
      if (row.seqs) out.set(Number(row.band), row.seqs.split(",").map(Number).sort((a, b) => b - a));
    }
  }
  return out;
}

async function signatures(db: Kysely<Schema>, seqs: number[]): Promise<Map<number, { id: string; minhash: Uint8Array }>> {
  const out = new Map<number, { id: string; minhash: Uint8Array }>();
  for (const some of chunks(seqs)) {
    const rows = await db.selectFrom("documents").select(["seq", "id", "minhash"]).where("seq", "in", some).execute();
    for (const row of rows) out.set(Number(row.seq), { id: row.id, minhash: row.minhash });
  }
  return out;
}
