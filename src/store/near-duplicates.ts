// Syndicated copies and rewrites of one wire story share many word pairs; separate reports, even
// of the same event, share few. Measured (Jaccard of word pairs): a rewritten wire story 0.51
// (the demo corpus's demo-014/015); separate reports of one attack 0.10 at most in the demo
// corpus and 0.08 in the seed articles. LSH bands of 3 values make pairs at 0.5 candidates with
// probability 0.94 and pairs at 0.1 with 0.02, without comparing every pair.
const PERMUTATIONS = 64;
const BAND_SIZE = 3;
const SHINGLE_WORDS = 2;
export const NEAR_DUPLICATE_SIMILARITY = 0.3;
/**
 * A wire story can have hundreds of copies. A document is compared with those sharing the most
 * bands (a pair at similarity s shares 21·s³ of them on average: the likeliest near-duplicates
 * first, the latest first among equals) among the latest LATEST_PER_BAND of each of its bands,
 * and linked to the closest few.
 */
export const MAX_CANDIDATES = 50;
export const LATEST_PER_BAND = 16;
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

export interface Fingerprint {
  /** MinHash signature, PERMUTATIONS values. */
  signature: Uint32Array;
  /** One integer key per band of the signature: documents sharing a key are candidates. */
  bands: number[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Hashes of the text's distinct runs of SHINGLE_WORDS words (the whole text when shorter), a word
 * being a run of letters and digits hashed with FNV-1a. One pass over the characters: no word
 * strings are made, and only characters beyond ASCII meet a regular expression.
 */
function shingles(text: string): Set<number> {
  const lower = text.toLowerCase();
  const words: number[] = [];
  let h = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    // A letter outside the first plane is two code units, tested and hashed together.
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < lower.length ? 2 : 1;
    const word = code < 0x80 ? (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) : WORD_CHAR.test(lower.slice(i, i + width));
    if (word) {
      h = Math.imul(h ^ code, FNV_PRIME);
      if (width === 2) h = Math.imul(h ^ lower.charCodeAt(++i), FNV_PRIME);
      inWord = true;
    } else if (inWord) {
      words.push(h >>> 0);
      h = FNV_OFFSET;
      inWord = false;
    }
  }
  if (inWord) words.push(h >>> 0);
  const out = new Set<number>();
  const n = Math.max(words.length - SHINGLE_WORDS + 1, Math.min(words.length, 1));
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (let j = i; j < Math.min(i + SHINGLE_WORDS, words.length); j++) k = mix(Math.imul(k, FNV_PRIME) ^ words[j]!);
    out.add(k);
  }
  return out;
}

/** A 48-bit key (an exact JavaScript number and an SQL integer on every engine) for band `index`. */
function bandKey(index: number, values: Uint32Array): number {
  let high = mix(index + 1);
  let low = mix(~index);
  for (const v of values) {
    high = mix(high ^ v);
    low = mix(Math.imul(low, FNV_PRIME) ^ v);
  }
  return (high & 0xffff) * 0x1_0000_0000 + low;
}

export function fingerprint(text: string): Fingerprint {
  const signature = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const h of shingles(text)) {
    for (let i = 0; i < PERMUTATIONS; i++) {
      const v = mix(h ^ SEEDS[i]!);
      if (v < signature[i]!) signature[i] = v;
    }
  }
  return { signature, bands: bandsOf(signature) };
}

function bandsOf(signature: Uint32Array): number[] {
  const bands: number[] = [];
  for (let start = 0; start + BAND_SIZE <= PERMUTATIONS; start += BAND_SIZE) {
    bands.push(bandKey(start / BAND_SIZE, signature.subarray(start, start + BAND_SIZE)));
  }
  return bands;
}

/** The band keys of a signature as stored (`signatureBytes`): what a document was filed under. */
export function storedBands(stored: Uint8Array): number[] {
  // Copied: the stored bytes may sit at an offset no Uint32Array can start at.
  return bandsOf(new Uint32Array(Uint8Array.from(stored).buffer));
}

export function signatureBytes(signature: Uint32Array): Uint8Array {
  return new Uint8Array(signature.buffer, signature.byteOffset, signature.byteLength);
}

/**
 * Estimated Jaccard similarity of the word pairs of two texts, given one's signature and the
 * other's as stored (`signatureBytes`). Compared byte by byte: the stored bytes may sit at any
 * offset of a buffer the driver shares, and copying them costs more than the comparison.
 */
export function similarity(signature: Uint32Array, stored: Uint8Array): number {
  const bytes = signatureBytes(signature);
  let same = 0;
  for (let o = 0; o < bytes.length; o += 4) {
    if (bytes[o] === stored[o] && bytes[o + 1] === stored[o + 1] && bytes[o + 2] === stored[o + 2] && bytes[o + 3] === stored[o + 3]) same++;
  }
  return same / signature.length;
}
