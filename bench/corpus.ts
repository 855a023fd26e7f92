import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SourceDocument } from "../src/model.js";
import { projectRoot } from "../src/paths.js";

const samplesDir = join(projectRoot, "bench", "samples");

// Document i is built from a generator seeded with SEED + i only, so a corpus of n documents is
// the first n of any larger one and every run measures the same text.
const SEED = 20_150_413;

// Towns are swapped only for towns of the same country, so the provinces, groups and officials
// around them still fit. Capitals are left out: ministries, parliaments and central banks sit there.
const TOWNS_BY_COUNTRY: string[][] = [
  ["Mosul", "Kirkuk", "Tikrit", "Samarra", "Baqubah", "Ramadi", "Fallujah", "Basra", "Hawija"],
  ["Maiduguri", "Monguno", "Damasak", "Damaturu", "Konduga", "Gwoza", "Bama", "Biu", "Kano", "Lagos"],
  ["Jalalabad", "Kandahar", "Kunduz", "Herat", "Ghazni", "Gardez", "Khost", "Mazar-i-Sharif"],
  ["Beledweyne", "Baidoa", "Kismayo", "Afgooye", "Marka", "Garowe", "Jowhar", "Galkayo"],
  ["Peshawar", "Quetta", "Bannu", "Kohat", "Dera Ismail Khan", "Lakki Marwat", "Mardan", "Chaman"],
  ["Idlib", "Ariha", "Saraqeb", "Hama", "Aleppo", "Homs", "Jisr al-Shughur", "Maarat al-Numan"],
  ["Djibo", "Kaya", "Dori", "Ouahigouya", "Kongoussi", "Fada N'Gourma", "Gorom-Gorom", "Titao"],
  ["Mopti", "Gao", "Ménaka", "Kidal", "Ségou", "Douentza", "Bandiagara", "Timbuktu", "Sévaré"],
];

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

const OUTLETS = [
  "Lantern Wire", "Orbis News Agency", "Kestrel Daily", "Horn Ledger", "Sahel Dispatch",
  "Tigris Monitor", "Indus Ledger", "Orontes Review", "Savanna Courier", "The Meridian Post",
];

const FIRST_DAY = Date.UTC(2015, 0, 1);
const DAYS_IN_RANGE = 11 * 365;

/** Documents end up between these sizes in UTF-8 bytes, before numbers and names are varied. */
const MIN_TARGET_BYTES = 3800;
const TARGET_SPREAD_BYTES = 500;

/** A lead longer than this ends the headline block; shorter closing paragraphs are sign-offs. */
const LEAD_MIN_CHARS = 200;
const SIGN_OFF_MAX_CHARS = 80;

const PARAGRAPH_BREAK = "\n\n";

interface Sample {
  title?: string;
  head: string[];
  body: string[];
  tail: string[];
  shouting: boolean;
}

let samples: Sample[] | undefined;

/**
 * Builds n documents of about 4 KB from the articles in bench/samples: each one starts from a
 * sample, shuffles its body paragraphs, fills up with paragraphs from other samples, and swaps
 * towns, weekdays and figures. The same n always gives the same documents.
 */
export function buildCorpus(n: number): SourceDocument[] {
  checkCount(n);
  const pool = loadSamples();
  return Array.from({ length: n }, (_, i) => buildDocument(i, pool, "sample"));
}

/**
 * Builds n documents as a news feed brings them: most tell a story of their own (a sample's lead,
 * then body paragraphs drawn from every sample, towns, weekdays and figures swapped); about one in
 * five (SYNDICATED_SHARE) is another outlet's copy of an earlier document. `buildCorpus`, where
 * every document rewrites one of a dozen stories, is the worst case for near-duplicate detection;
 * this is the common case. The same n always gives the same documents, the first n
 * of any larger stream.
 */
export function buildStream(n: number): SourceDocument[] {
  checkCount(n);
  const pool = loadSamples();
  const rng = mulberry32(SEED - 1);
  const docs: SourceDocument[] = [];
  for (let i = 0; i < n; i++) {
    docs.push(i > 0 && rng() < SYNDICATED_SHARE ? syndicatedCopy(docs[Math.floor(rng() * i)]!, i, rng) : buildDocument(i, pool, "mixed"));
  }
  return docs;
}

const SYNDICATED_SHARE = 0.2;

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`bench corpus: n must be a whole number ≥ 0, got ${n}`);
}

const documentId = (i: number) => `bench-${String(i + 1).padStart(6, "0")}`;

/** The story as another outlet runs it: the same paragraphs but for its own closing one. */
function syndicatedCopy(original: SourceDocument, i: number, rng: () => number): SourceDocument {
  const paragraphs = (original.text ?? "").split(PARAGRAPH_BREAK);
  const outlets = OUTLETS.filter((o) => o !== original.outlet);
  return {
    ...original,
    id: documentId(i),
    outlet: outlets[Math.floor(rng() * outlets.length)],
    text: paragraphs.slice(0, Math.max(1, paragraphs.length - 1)).join(PARAGRAPH_BREAK),
  };
}

/**
 * Document i: a sample's head (headline, lead) and tail, and body paragraphs: the sample's own,
 * shuffled, then others' ("sample"); or only paragraphs drawn from every sample ("mixed").
 */
function buildDocument(i: number, pool: Sample[], body: "sample" | "mixed"): SourceDocument {
  const rng = mulberry32(SEED + i);
  const baseIndex = i % pool.length;
  const base = pool[baseIndex];
  const own = body === "sample";
  const paragraphs = own ? shuffle(base.body, rng) : [];
  const target = MIN_TARGET_BYTES + Math.floor(rng() * TARGET_SPREAD_BYTES);
  const used = new Set(paragraphs);
  let size = Buffer.byteLength([...base.head, ...paragraphs, ...base.tail].join(PARAGRAPH_BREAK));
  while (size < target) {
    const donor = own ? pool[(baseIndex + 1 + Math.floor(rng() * (pool.length - 1))) % pool.length] : pool[Math.floor(rng() * pool.length)];
    const paragraph = donor.body[Math.floor(rng() * donor.body.length)];
    if (used.has(paragraph)) continue;
    used.add(paragraph);
    paragraphs.splice(Math.floor(rng() * (paragraphs.length + 1)), 0, base.shouting ? paragraph.toUpperCase() : paragraph);
    size += Buffer.byteLength(paragraph) + PARAGRAPH_BREAK.length;
  }
  const vary = varier(rng);
  const doc: SourceDocument = {
    id: documentId(i),
    outlet: OUTLETS[Math.floor(rng() * OUTLETS.length)],
    published: new Date(FIRST_DAY + Math.floor(rng() * DAYS_IN_RANGE) * 86_400_000).toISOString().slice(0, 10),
    text: vary([...base.head, ...paragraphs, ...base.tail].join(PARAGRAPH_BREAK)),
  };
  if (base.title) doc.title = vary(base.title);
  return doc;
}

function loadSamples(): Sample[] {
  if (samples) return samples;
  const files = readdirSync(samplesDir).filter((f) => f.endsWith(".txt")).sort();
  if (files.length < 2) throw new Error(`buildCorpus: need at least two .txt samples in ${samplesDir}, found ${files.length}`);
  samples = files.map((f) => splitSample(readFileSync(join(samplesDir, f), "utf8"), f));
  return samples;
}

function splitSample(text: string, file: string): Sample {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const lead = paragraphs.findIndex((p) => p.length > LEAD_MIN_CHARS);
  if (lead < 0) throw new Error(`bench/samples/${file}: no paragraph longer than ${LEAD_MIN_CHARS} characters to open the article`);
  let end = paragraphs.length;
  while (end > lead + 1 && paragraphs[end - 1].length <= SIGN_OFF_MAX_CHARS) end--;
  if (end === lead + 1) throw new Error(`bench/samples/${file}: no paragraphs after the lead to shuffle or lend to other documents`);
  const headline = paragraphs[lead - 1];
  return {
    title: headline !== undefined && !/^(#|Follow us)/i.test(headline) ? headline : undefined,
    head: paragraphs.slice(0, lead + 1),
    body: paragraphs.slice(lead + 1, end),
    tail: paragraphs.slice(end),
    shouting: text === text.toUpperCase(),
  };
}

/** One document's substitutions, applied alike to its title and its text. */
function varier(rng: () => number): (s: string) => string {
  const names = new Map<string, string>();
  for (const towns of TOWNS_BY_COUNTRY) {
    const swapped = shuffle(towns, rng);
    towns.forEach((t, k) => names.set(t.toLowerCase(), swapped[k]));
  }
  const days = shuffle(WEEKDAYS, rng);
  WEEKDAYS.forEach((d, k) => names.set(d.toLowerCase(), days[k]));
  const figures = new Map<string, string>();
  return (s) =>
    s
      .replace(namePattern, (m) => keepCase(m, names.get(m.toLowerCase()) ?? m))
      .replace(figurePattern, (m) => {
        if (!figures.has(m)) figures.set(m, varyFigure(m, rng));
        return figures.get(m)!;
      });
}

// Names as written and in capitals (wire copy); a case-blind pattern would be several times slower.
const namePattern = new RegExp(
  `(?<!\\p{L})(${[...TOWNS_BY_COUNTRY.flat(), ...WEEKDAYS]
    .flatMap((t) => [t, t.toUpperCase()])
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|")})(?!\\p{L})`,
  "gu",
);

// Whole counts only ("14", "1,000"): years, decimals and clock times are left alone.
const figurePattern = /(?<![\d.,:])\d{1,3}(?:,\d{3})*(?!\d|[.,:]\d)/g;

function varyFigure(figure: string, rng: () => number): string {
  const value = Number(figure.replace(/,/g, ""));
  if (value <= 1) return figure;
  const varied = Math.max(2, Math.round(value * (0.6 + rng() * 0.8)));
  return varied >= 1000 ? varied.toLocaleString("en-US") : String(varied);
}

function keepCase(original: string, replacement: string): string {
  return original === original.toUpperCase() ? replacement.toUpperCase() : replacement;
}

function shuffle<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let k = out.length - 1; k > 0; k--) {
    const j = Math.floor(rng() * (k + 1));
    [out[k], out[j]] = [out[j], out[k]];
  }
  return out;
}

/** A small seeded generator (mulberry32): the same seed gives the same sequence on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
