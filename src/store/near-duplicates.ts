import { createHash } from "node:crypto";

// Syndicated copies and rewrites of one wire story share many word pairs; separate reports, even
// of the same event, share few. Measured (Jaccard of word pairs): a rewritten wire story 0.51
// (the demo corpus's demo-014/015); separate reports of one attack 0.10 at most in the demo
// corpus and 0.08 in the seed articles. LSH bands of 3 values make pairs at 0.5 candidates with
// probability 0.94 and pairs at 0.1 with 0.02, without comparing every pair.
const PERMUTATIONS = 64;
const BAND_SIZE = 3;
const SHINGLE_WORDS = 2;
export const NEAR_DUPLICATE_SIMILARITY = 0.3;
/** A wire story can have hundreds of copies; a document is compared with and linked to the latest. */
export const MAX_CANDIDATES = 200;
export const MAX_NEAR_DUPLICATES = 10;

// The minhash package hashes each string once per permutation (2 ms for a 4 KB article, half
// the store's time per document), so the signature is computed here: one hash per shingle
// (FNV-1a words, mixed in order), then per permutation a murmur3 finaliser over that hash
// xor the permutation's seed.
const SEEDS = Uint32Array.from({ length: PERMUTATIONS }, (_, i) => mix(0x9e3779b9 * (i + 1)));

function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export interface Fingerprint {
  /** MinHash signature, PERMUTATIONS values. */
  signature: Uint32Array;
  /** One integer key per band of the signature: documents sharing a key are candidates. */
  bands: number[];
}

/** Hashes of the text's distinct runs of SHINGLE_WORDS words (the whole text when shorter). */
function shingles(text: string): Set<number> {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(fnv1a);
  const out = new Set<number>();
  const n = Math.max(words.length - SHINGLE_WORDS + 1, Math.min(words.length, 1));
  for (let i = 0; i < n; i++) {
    let h = 0;
    for (let j = i; j < Math.min(i + SHINGLE_WORDS, words.length); j++) h = mix(Math.imul(h, 0x01000193) ^ words[j]!);
    out.add(h);
  }
  return out;
}

function bandKey(index: number, values: Uint32Array): number {
  const digest = createHash("sha1").update(String(index)).update(values).digest();
  // 48 bits: an exact JavaScript number and an SQL integer on every engine.
  return digest.readUIntBE(0, 6);
}

export function fingerprint(text: string): Fingerprint {
  const signature = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const h of shingles(text)) {
    for (let i = 0; i < PERMUTATIONS; i++) {
      const v = mix(h ^ SEEDS[i]!);
      if (v < signature[i]!) signature[i] = v;
    }
  }
  const bands: number[] = [];
  for (let start = 0; start + BAND_SIZE <= PERMUTATIONS; start += BAND_SIZE) {
    bands.push(bandKey(start / BAND_SIZE, signature.subarray(start, start + BAND_SIZE)));
  }
  return { signature, bands };
}

/** Estimated Jaccard similarity of the two texts' word pairs. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

export function signatureBytes(signature: Uint32Array): Uint8Array {
  return new Uint8Array(signature.buffer, signature.byteOffset, signature.byteLength);
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  // Copied: a Buffer from the driver may share a pool and start at an unaligned offset.
  return new Uint32Array(Uint8Array.from(bytes).buffer);
}
