import { activeCodebook } from "../src/codebook/load.js";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIndex } from "../src/geo/build-index.js";
import { distanceKm } from "../src/geo/candidates.js";
import { findPlaces } from "../src/geo/index.js";
import { projectRoot } from "../src/paths.js";
import { placeByName, sentencesOf } from "../test/geo/helpers.js";

// Gazetteer figures: building the index, loading it (in a fresh process, so that memory is the
// index's alone), finding places in news text, and resolving the MUC-4 gold location names.

const muc4 = join(projectRoot, "../shared/dev/muc4");

// Our own words, used when the development corpus is not beside the checkout.
const sample = `Gunmen attacked a checkpoint near Sirte on Sunday, Libyan officials said. The assault came a day
after a car bomb exploded in Benghazi, killing four soldiers. In Tripoli, the capital, the government
condemned the attacks. Egyptian and Tunisian officials called for talks. Later, fighting spread to
Derna and to the oil port of Ras Lanuf, and residents fled toward Tobruk and al-Qubbah.\n`;

function corpus(): string[] {
  const file = join(muc4, "documents.jsonl");
  if (!existsSync(file)) return Array.from({ length: 500 }, () => sample.repeat(6));
  return readFileSync(file, "utf8").trim().split("\n").map((l) => (JSON.parse(l) as { text: string }).text);
}

function loadInFreshProcess(): { loadMs: number; rssMB: number; heapMB: number } {
  const gazetteerUrl = new URL("../src/geo/gazetteer.js", import.meta.url).href;
  const script = `
    const before = process.memoryUsage();
    const t0 = performance.now();
    const { gazetteer } = await import(${JSON.stringify(gazetteerUrl)});
    gazetteer().lookup("tripoli");
    const loadMs = performance.now() - t0;
    const after = process.memoryUsage();
    console.log(JSON.stringify({ loadMs, rssMB: (after.rss - before.rss) / 1e6, heapMB: after.heapUsed / 1e6 }));`;
  const out = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(`loading the gazetteer failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split("\n").pop()!);
}

function mucPlaceByName(): string {
  const file = join(muc4, "gold.jsonl");
  if (!existsSync(file)) return "n/a";
  let total = 0;
  let within = 0;
  for (const line of readFileSync(file, "utf8").trim().split("\n")) {
    const loc = (JSON.parse(line) as { location?: { country: string; lat: number | null; lon: number | null; radiusKm?: number; geocoded?: { name: string }[] } }).location;
    if (!loc || loc.lat === null || loc.lon === null || !loc.geocoded?.length) continue;
    total++;
    const p = placeByName(loc.geocoded[0].name, { country: loc.country });
    if (p && p.lat !== null && p.lon !== null && distanceKm(p.lat, p.lon, loc.lat, loc.lon) <= (loc.radiusKm ?? 25)) within++;
  }
  return `${within}/${total}`;
}

export async function run(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-gazetteer-"));
  let build;
  const buildStart = performance.now();
  try {
    build = buildIndex(join(dir, "gazetteer.bin"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const buildSeconds = (performance.now() - buildStart) / 1000;
  const load = loadInFreshProcess();

  const texts = corpus();
  const codebook = activeCodebook();
  const docs = texts.map((text, i) => ({ doc: { id: String(i), text, clean: text }, sentences: sentencesOf(text) }));
  findPlaces(docs[0].doc, docs[0].sentences, codebook); // the first call reads the index and the codebook
  const bytes = texts.reduce((s, t) => s + t.length, 0);
  let places = 0;
  const t0 = performance.now();
  for (const { doc, sentences } of docs) places += findPlaces(doc, sentences, codebook).length;
  const seconds = (performance.now() - t0) / 1000;

  return {
    "gazetteer.places": build.places,
    "gazetteer.keys": build.keys,
    "gazetteer.indexMB": Number((build.bytes / 1e6).toFixed(1)),
    "gazetteer.buildSeconds": Number(buildSeconds.toFixed(2)),
    "gazetteer.loadMs": Number(load.loadMs.toFixed(1)),
    "gazetteer.rssAfterLoadMB": Number(load.rssMB.toFixed(1)),
    "gazetteer.heapAfterLoadMB": Number(load.heapMB.toFixed(1)),
    "findPlaces.corpus": existsSync(join(muc4, "documents.jsonl")) ? "muc4 dev documents" : "own sample",
    "findPlaces.docsPerSecond": Math.round(docs.length / seconds),
    "findPlaces.placesPerSecond": Math.round(places / seconds),
    "findPlaces.msPerKB": Number(((seconds * 1000) / (bytes / 1024)).toFixed(3)),
    "placeByName.muc4GoldWithinRadius": mucPlaceByName(),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, value] of Object.entries(await run())) console.log(`${name}: ${value}`);
}
