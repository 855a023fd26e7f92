import { existsSync } from "node:fs";
import { buildIndex } from "./build-index.js";
import { hashKey } from "./keys.js";
import { INDEX_VERSION, indexPath, readIndex, type GazetteerIndex, type KeyTable, type WordSet } from "./index-file.js";

/** One GeoNames place or region of the index. */
export interface IndexedPlace {
  index: number;
  geonameId: number | null;
  name: string;
  lat: number;
  lon: number;
  population: number;
  country: string;
  admin1: string | null;
  /** GeoNames feature code (PPL, PPLA, PPLC...), or ADM1 / ADM2 for a region. */
  kind: string;
}

/** What a key is in the index: a name (with its places), the start of longer names, or both. */
export interface KeyHit {
  /** Posting values: place index * 2, plus 1 when the key is the place's own name. */
  postings: Uint32Array;
  continues: boolean;
}

const noPostings = new Uint32Array(0);
const decoder = new TextDecoder();

function find(table: { h1: Uint32Array; h2: Uint32Array }, key: string): number {
  const [a, b] = hashKey(key);
  let lo = 0;
  let hi = table.h1.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = table.h1[mid];
    const y = table.h2[mid];
    if (x < a || (x === a && y < b)) lo = mid + 1;
    else if (x > a || y > b) hi = mid - 1;
    else return mid;
  }
  return -1;
}

export class Gazetteer {
  private readonly keys: KeyTable;
  private readonly words: WordSet;

  constructor(private readonly data: GazetteerIndex) {
    this.keys = data.keys;
    this.words = data.commonWords;
  }

  get size(): number {
    return this.data.places.lat.length;
  }

  lookup(key: string): KeyHit | null {
    const slot = find(this.keys, key);
    if (slot < 0) return null;
    const { postStart, postings } = this.keys;
    const from = postStart[slot];
    const to = postStart[slot + 1];
    return { postings: from === to ? noPostings : postings.subarray(from, to), continues: this.continues(slot) };
  }

  /** The key's slot, or -1: the scan's question, answered without allocating. */
  slot(key: string): number {
    return find(this.keys, key);
  }

  names(slot: number): boolean {
    return this.keys.postStart[slot + 1] > this.keys.postStart[slot];
  }

  continues(slot: number): boolean {
    return (this.keys.flags[slot] & 1) === 1;
  }

  /** True when the key is an ordinary lower-case English word ("reading", "police"). */
  isCommonWord(key: string): boolean {
    return find(this.words, key) >= 0;
  }

  place(index: number): IndexedPlace {
    const p = this.data.places;
    const h = this.data.header;
    const admin1 = p.admin1[index];
    return {
      index,
      geonameId: p.geonameId[index] || null,
      name: decoder.decode(p.names.subarray(p.nameStart[index], p.nameStart[index] + p.nameLength[index])),
      lat: Math.round(p.lat[index] * 1e5) / 1e5,
      lon: Math.round(p.lon[index] * 1e5) / 1e5,
      population: p.population[index],
      country: h.countries[p.country[index]],
      admin1: admin1 >= 0 ? h.admin1Names[admin1] : null,
      kind: h.kinds[p.kind[index]],
    };
  }

  /** Cheap column reads for scoring many candidates without building objects. */
  population(index: number): number {
    return this.data.places.population[index];
  }

  country(index: number): string {
    return this.data.header.countries[this.data.places.country[index]];
  }

  kind(index: number): string {
    return this.data.header.kinds[this.data.places.kind[index]];
  }

  latLon(index: number): [number, number] {
    return [this.data.places.lat[index], this.data.places.lon[index]];
  }

  indexOfGeonameId(geonameId: number): number {
    return this.data.places.geonameId.indexOf(geonameId);
  }
}

let loaded: Gazetteer | undefined;

/**
 * The gazetteer, read on first use. Installing builds the index (the prepare script); a checkout
 * without it, or with one of an older version, builds it here once.
 */
export function gazetteer(): Gazetteer {
  if (!loaded) {
    let data: GazetteerIndex | undefined;
    if (existsSync(indexPath)) {
      try {
        data = readIndex();
      } catch (err) {
        console.error(`gazetteer: ${(err as Error).message}; rebuilding`);
      }
    }
    if (!data || data.header.version !== INDEX_VERSION) {
      buildIndex();
      data = readIndex();
    }
    loaded = new Gazetteer(data);
  }
  return loaded;
}
