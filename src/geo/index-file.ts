import { readFileSync, writeFileSync, mkdirSync, renameSync } from "node:fs";
import { dirname, join } from "node:path";
import { projectRoot } from "../paths.js";

// The gazetteer index on disk: a small JSON header, then typed-array sections that are used in
// place after one read, so loading costs a file read and no parsing of 200,000 places.

export const INDEX_VERSION = 3;
export const indexPath = join(projectRoot, ".cache/gazetteer.bin");
const MAGIC = "SITREPGZ";

/** Column tables of the places; row i of every column is place i. */
export interface PlaceColumns {
  geonameId: Uint32Array;
  lat: Float32Array;
  lon: Float32Array;
  population: Uint32Array;
  /** Index into header.countries. */
  country: Uint16Array;
  /** Index into header.admin1Names, or -1. */
  admin1: Int32Array;
  /** Index into header.kinds (GeoNames feature codes, plus ADM1 and ADM2 for regions). */
  kind: Uint8Array;
  nameStart: Uint32Array;
  nameLength: Uint16Array;
  names: Uint8Array;
}

/** Name keys, as hashes sorted by (h1, h2); postings[postStart[k] .. postStart[k + 1]) are key k's. */
export interface KeyTable {
  h1: Uint32Array;
  h2: Uint32Array;
  /** Bit 0: a longer key starts with this key and a space. */
  flags: Uint8Array;
  postStart: Uint32Array;
  /** place index * 2, plus 1 when the key is the place's own name rather than an alternate. */
  postings: Uint32Array;
}

/** Common English words (lower case), hashed and sorted like the keys. */
export interface WordSet {
  h1: Uint32Array;
  h2: Uint32Array;
}

export interface IndexHeader {
  version: number;
  countries: string[];
  admin1Names: string[];
  kinds: string[];
  built: string;
}

export interface GazetteerIndex {
  header: IndexHeader;
  places: PlaceColumns;
  keys: KeyTable;
  commonWords: WordSet;
}

type Section = [string, Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array];

function sections(index: GazetteerIndex): Section[] {
  const { places: p, keys: k, commonWords: w } = index;
  return [
    ["geonameId", p.geonameId], ["lat", p.lat], ["lon", p.lon], ["population", p.population],
    ["country", p.country], ["admin1", p.admin1], ["kind", p.kind], ["nameStart", p.nameStart],
    ["nameLength", p.nameLength], ["names", p.names],
    ["keyH1", k.h1], ["keyH2", k.h2], ["keyFlags", k.flags], ["postStart", k.postStart], ["postings", k.postings],
    ["wordH1", w.h1], ["wordH2", w.h2],
  ];
}

const align = (n: number) => (n + 7) & ~7;

export function writeIndex(index: GazetteerIndex, path = indexPath): number {
  const parts = sections(index);
  const layout: [string, number, number][] = [];
  let offset = 0;
  for (const [name, array] of parts) {
    layout.push([name, offset, array.byteLength]);
    offset = align(offset + array.byteLength);
  }
  const header = Buffer.from(JSON.stringify({ ...index.header, layout }), "utf8");
  const dataStart = align(MAGIC.length + 4 + header.length);
  const out = Buffer.alloc(dataStart + offset);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  parts.forEach(([, array], i) => {
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(out, dataStart + layout[i][1]);
  });
  mkdirSync(dirname(path), { recursive: true });
  // Written aside and renamed, so a reader never sees half a file.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, out);
  renameSync(tmp, path);
  return out.length;
}

/** Reads the index; throws when the file is missing, foreign or of another version. */
export function readIndex(path = indexPath): GazetteerIndex {
  const file = readFileSync(path);
  if (file.toString("latin1", 0, MAGIC.length) !== MAGIC) throw new Error(`${path}: not a gazetteer index`);
  const headerLength = file.readUInt32LE(MAGIC.length);
  const header = JSON.parse(file.toString("utf8", MAGIC.length + 4, MAGIC.length + 4 + headerLength)) as IndexHeader & {
    layout: [string, number, number][];
  };
  if (header.version !== INDEX_VERSION) throw new Error(`${path}: index version ${header.version}, expected ${INDEX_VERSION}`);
  const dataStart = align(MAGIC.length + 4 + headerLength);
  // Typed arrays need aligned offsets; a fresh copy is aligned when the read buffer is not.
  const bytes = file.byteOffset % 8 === 0 ? file : Buffer.from(file);
  const at = new Map(header.layout.map(([name, offset, length]) => [name, [bytes.byteOffset + dataStart + offset, length]]));
  const view = <T>(name: string, Type: { new (b: ArrayBufferLike, o: number, n: number): T; BYTES_PER_ELEMENT: number }): T => {
    const [offset, length] = at.get(name) ?? [0, 0];
    return new Type(bytes.buffer, offset, length / Type.BYTES_PER_ELEMENT);
  };
  return {
    header,
    places: {
      geonameId: view("geonameId", Uint32Array), lat: view("lat", Float32Array), lon: view("lon", Float32Array),
      population: view("population", Uint32Array), country: view("country", Uint16Array), admin1: view("admin1", Int32Array),
      kind: view("kind", Uint8Array), nameStart: view("nameStart", Uint32Array), nameLength: view("nameLength", Uint16Array),
      names: view("names", Uint8Array),
    },
    keys: {
      h1: view("keyH1", Uint32Array), h2: view("keyH2", Uint32Array), flags: view("keyFlags", Uint8Array),
      postStart: view("postStart", Uint32Array), postings: view("postings", Uint32Array),
    },
    commonWords: { h1: view("wordH1", Uint32Array), h2: view("wordH2", Uint32Array) },
  };
}
