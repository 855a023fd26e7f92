import { pathToFileURL } from "node:url";
import type { SourcedMention } from "../src/model.js";
import { resolveAll, resolveMentions } from "../src/resolve/index.js";
import { MemoryResolvePort } from "../test/resolve/memory-port.js";

// Clusters generated mentions with a realistic spread (about 15,000 events, 1 to 8 reports
// each, dates over five years, places in sixty countries; some reports a day off, vague about
// place, or without a year) and reports time, memory and growth, both from scratch and one
// document at a time.

const SIZES = [10_000, 25_000, 50_000];
const COUNTRIES = 60;
const DAYS = 5 * 365;
const FIRST_DAY = Date.UTC(2015, 0, 1) / 86_400_000;
const ATTACKS = ["ARMED_ASSAULT", "BOMBING_EXPLOSION", "ASSASSINATION", "HOSTAGE_TAKING_KIDNAPPING", "FACILITY_INFRASTRUCTURE_ATTACK"];
const TARGETS = ["POLICE", "MILITARY", "BUSINESS", "GOVERNMENT_GENERAL", "PRIVATE_CITIZENS_PROPERTY", "RELIGIOUS_FIGURES_INSTITUTIONS"];
const VERBS = ["attacked", "stormed", "bombed", "ambushed", "shelled", "raided", "struck", "targeted"];
const NOUNS = ["checkpoint", "convoy", "market", "mosque", "barracks", "village", "station", "school", "bridge", "patrol", "camp", "office"];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Mentions of generated events, each report a document of its own, in a shuffled order. */
export function generateMentions(count: number, seed = 7): SourcedMention[] {
  const rnd = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const mentions: SourcedMention[] = [];
  for (let e = 0; mentions.length < count; e++) {
    const country = `C${Math.floor(rnd() * COUNTRIES)}`;
    const lat = -40 + rnd() * 80;
    const lon = -170 + rnd() * 340;
    const day = FIRST_DAY + Math.floor(rnd() * DAYS);
    const attack = pick(ATTACKS);
    const target = pick(TARGETS);
    const group = `Group ${Math.floor(rnd() * 300)}`;
    const killed = Math.floor(rnd() * 30);
    const words = [pick(VERBS), pick(NOUNS), pick(NOUNS), `town${e}`, `district${Math.floor(rnd() * 5000)}`];
    const reports = 1 + Math.floor(7 * rnd() ** 1.5);
    for (let r = 0; r < reports && mentions.length < count; r++) {
      const doc = `d${e}-${r}`;
      const shift = rnd() < 0.15 ? 1 : 0;
      const yearless = rnd() < 0.02;
      const vague = rnd() < 0.1;
      mentions.push({
        documentId: doc,
        id: `${doc}-m1`,
        date: yearless
          ? { start: null, end: null, precision: "day", text: "on Sunday", provenance: "stated", partial: { weekday: new Date((day + shift) * 86_400_000).getUTCDay() } }
          : { start: iso(day + shift), end: iso(day + shift), precision: "day", text: "on Sunday", provenance: "inferred" },
        location: vague
          ? { name: country, country, admin1: null, lat: null, lon: null, geonameId: null, precision: "country", provenance: "stated", text: country }
          : { name: `town${e}`, country, admin1: null, lat, lon, geonameId: 1_000_000 + e, precision: "city", provenance: "stated", text: `town${e}` },
        attackTypes: rnd() < 0.8 ? [attack] : [],
        eventType: null,
        subEventType: null,
        perpetrators: rnd() < 0.6 ? [{ name: group, kind: "organization", text: group }] : [],
        targets: rnd() < 0.7 ? [{ type: target, text: target.toLowerCase() }] : [],
        victims: [],
        weapons: [],
        killed: rnd() < 0.7 ? { value: killed + (rnd() < 0.2 ? 1 : 0), text: String(killed) } : undefined,
        claimed: false,
        claim: null,
        suicide: false,
        sentence: `Gunmen ${words.filter(() => rnd() < 0.8).join(" ")} killing ${killed} people.`,
        evidence: [],
        confidence: 0.8,
        outlet: `outlet ${r}`,
        url: null,
        published: iso(day + 1 + r),
      });
    }
  }
  for (let i = mentions.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [mentions[i], mentions[j]] = [mentions[j], mentions[i]];
  }
  return mentions;
}

/**
 * Pairwise quality against the generated truth: of the pairs of mentions put in one event, the
 * share that report one generated event (precision); of the pairs that report one generated
 * event, the share put together (recall).
 */
function pairQuality(groups: string[][]): { precision: number; recall: number } {
  const truthOf = (id: string) => id.replace(/-\d+-m1$/, "");
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const truthSizes = new Map<string, number>();
  let together = 0;
  let right = 0;
  for (const ids of groups) {
    const bySource = new Map<string, number>();
    for (const id of ids) {
      const t = truthOf(id);
      bySource.set(t, (bySource.get(t) ?? 0) + 1);
      truthSizes.set(t, (truthSizes.get(t) ?? 0) + 1);
    }
    together += pairs(ids.length);
    for (const n of bySource.values()) right += pairs(n);
  }
  let truePairs = 0;
  for (const n of truthSizes.values()) truePairs += pairs(n);
  return { precision: together === 0 ? 1 : right / together, recall: truePairs === 0 ? 1 : right / truePairs };
}

function peakTracker() {
  let heap = 0;
  const sample = () => (heap = Math.max(heap, process.memoryUsage().heapUsed));
  const timer = setInterval(sample, 50);
  return { sample, stop: () => (clearInterval(timer), sample(), heap) };
}

export async function run(): Promise<Record<string, number | string>> {
  const all = generateMentions(SIZES[SIZES.length - 1]);
  const figures: Record<string, number | string> = {};
  const rule = { rule: "conservative" as const };
  // Loading the codebook and compiling the hot paths would otherwise count against the first size.
  resolveAll(generateMentions(2_000, 1), [], rule);
  let fromScratch: string[] = [];
  for (const size of SIZES) {
    const mentions = all.slice(0, size);
    const peak = peakTracker();
    const t0 = performance.now();
    const events = resolveAll(mentions, [], rule);
    figures[`resolveAll ${size / 1000}k mentions, s`] = round((performance.now() - t0) / 1000);
    figures[`resolveAll ${size / 1000}k peak heap, MB`] = round(peak.stop() / 2 ** 20);
    figures[`resolveAll ${size / 1000}k events (generated)`] = `${events.length} (${new Set(mentions.map((m) => m.documentId.replace(/-\d+$/, ""))).size})`;
    const quality = pairQuality(events.map((e) => e.mentionIds));
    figures[`resolveAll ${size / 1000}k pair precision, %`] = round(100 * quality.precision);
    figures[`resolveAll ${size / 1000}k pair recall, %`] = round(100 * quality.recall);
    if (size === all.length) fromScratch = events.map((e) => `${e.record.id} ${e.mentionIds.join(" ")}`).sort();
  }
  for (const size of SIZES) {
    const mentions = all.slice(0, size);
    const port = new MemoryResolvePort();
    const peak = peakTracker();
    const t0 = performance.now();
    for (const m of mentions) {
      port.add([m]);
      await resolveMentions(port, [m], rule);
    }
    figures[`incremental ${size / 1000}k mentions, s`] = round((performance.now() - t0) / 1000);
    figures[`incremental ${size / 1000}k peak heap, MB`] = round(peak.stop() / 2 ** 20);
    if (size === all.length) {
      const incremental = port.events().map((e) => `${e.record.id} ${e.mentionIds.join(" ")}`).sort();
      figures["incremental equals resolveAll at 50k"] = JSON.stringify(incremental) === JSON.stringify(fromScratch) ? "yes" : "no";
    }
  }
  figures["growth resolveAll 10k->50k (time ratio; 5 is linear)"] = round(
    (figures["resolveAll 50k mentions, s"] as number) / (figures["resolveAll 10k mentions, s"] as number),
  );
  figures["growth incremental 10k->50k (time ratio; 5 is linear)"] = round(
    (figures["incremental 50k mentions, s"] as number) / (figures["incremental 10k mentions, s"] as number),
  );
  figures["max RSS, MB"] = round(process.resourceUsage().maxRSS / 1024);
  return figures;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const [name, value] of Object.entries(await run())) console.log(`${name}: ${value}`);
}
