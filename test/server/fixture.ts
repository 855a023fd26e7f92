import { extractDocument } from "../../src/extract/pipeline.js";
import type { Count, Evidence, Mention, SourceDocument } from "../../src/model.js";
import { openStore } from "../../src/store/open.js";
import type { Store } from "../../src/store/store.js";
import { freshLocation, type EngineName } from "../store/engines.js";
import { ingestOne } from "../store/fixtures.js";

// A small store of fictional reports written for these tests, stored through the real pipeline
// (document preparation, the store, resolution). Mentions are written by hand so the tests do not
// move with the extractor's recall; their evidence offsets are found in the prepared text.

export const SCRIPT_TEXT = "<script>window.__pwned = 1</script>";

interface Spec {
  doc: SourceDocument;
  date: string;
  dateWords: string;
  place: { name: string; country: string; admin1: string; lat: number; lon: number; words: string };
  attackType: string;
  eventType: string;
  actor?: { name: string; words: string };
  killed?: { value: number; words: string };
  wounded?: { value: number; words: string };
  sentence: string;
}

export const SPECS: Spec[] = [
  {
    doc: {
      id: "fx-market-1",
      outlet: "Sahel Courier",
      url: "https://example.org/sahel/market-attack",
      published: "2021-03-15",
      title: "Gunmen attack livestock market near Maiduguri",
      text:
        "MAIDUGURI, Nigeria — Gunmen on motorcycles opened fire on a crowded livestock market outside Maiduguri on Sunday, killing seven traders, residents said.\n\n" +
        "A local vigilante leader blamed Boko Haram for the raid, the third on the market this year. Soldiers arrived about an hour after the attackers fled into the bush.",
    },
    date: "2021-03-14",
    dateWords: "on Sunday",
    place: { name: "Maiduguri", country: "NG", admin1: "Borno", lat: 11.8464, lon: 13.1603, words: "Maiduguri" },
    attackType: "ARMED_ASSAULT",
    eventType: "VIOLENCE_AGAINST_CIVILIANS",
    actor: { name: "Boko Haram", words: "Boko Haram" },
    killed: { value: 7, words: "killing seven traders" },
    sentence: "Gunmen on motorcycles opened fire on a crowded livestock market outside Maiduguri on Sunday, killing seven traders, residents said.",
  },
  {
    doc: {
      id: "fx-market-2",
      outlet: "Lake Chad Monitor",
      url: "https://example.net/lcm/2021/market",
      published: "2021-03-16",
      title: "Death toll rises after Borno market raid",
      text:
        "The number of people killed when gunmen stormed a livestock market near Maiduguri on Sunday has risen to nine, a hospital official said on Tuesday.\n\n" +
        "Witnesses said the attackers, whom officials linked to Boko Haram, set stalls alight before leaving.",
    },
    date: "2021-03-14",
    dateWords: "on Sunday",
    place: { name: "Maiduguri", country: "NG", admin1: "Borno", lat: 11.8464, lon: 13.1603, words: "Maiduguri" },
    attackType: "ARMED_ASSAULT",
    eventType: "VIOLENCE_AGAINST_CIVILIANS",
    actor: { name: "Boko Haram", words: "Boko Haram" },
    killed: { value: 9, words: "risen to nine" },
    sentence: "The number of people killed when gunmen stormed a livestock market near Maiduguri on Sunday has risen to nine, a hospital official said on Tuesday.",
  },
  {
    doc: {
      id: "fx-kabul",
      outlet: "Hindu Kush Wire",
      url: "https://example.com/hkw/kabul-blast",
      published: "2023-06-02",
      title: "Blast at Kabul bus station",
      text:
        "KABUL — A bomb hidden in a handcart exploded at a bus station in western Kabul on Friday morning, killing twelve people and wounding about thirty, police said.\n\n" +
        "Islamic State claimed the bombing in a statement on its news channel.",
    },
    date: "2023-06-02",
    dateWords: "on Friday morning",
    place: { name: "Kabul", country: "AF", admin1: "Kabul", lat: 34.5281, lon: 69.1723, words: "Kabul" },
    attackType: "BOMBING_EXPLOSION",
    eventType: "EXPLOSIONS_REMOTE_VIOLENCE",
    actor: { name: "Islamic State", words: "Islamic State" },
    killed: { value: 12, words: "killing twelve people" },
    wounded: { value: 30, words: "wounding about thirty" },
    sentence: "A bomb hidden in a handcart exploded at a bus station in western Kabul on Friday morning, killing twelve people and wounding about thirty, police said.",
  },
  {
    doc: {
      id: "fx-mogadishu",
      outlet: "Horn Dispatch",
      url: "https://example.org/horn/hotel-siege",
      published: "2024-08-21",
      title: "Militants besiege Mogadishu hotel",
      text:
        "MOGADISHU — Militants stormed a beachfront hotel in Mogadishu late on Tuesday and were still holding part of the building at dawn, security officials said. " +
        "Al-Shabaab said its fighters carried out the assault. There was no word on casualties.",
    },
    date: "2024-08-20",
    dateWords: "late on Tuesday",
    place: { name: "Mogadishu", country: "SO", admin1: "Banaadir", lat: 2.0371, lon: 45.3438, words: "Mogadishu" },
    attackType: "HOSTAGE_TAKING_BARRICADE",
    eventType: "VIOLENCE_AGAINST_CIVILIANS",
    actor: { name: "al-Shabaab", words: "Al-Shabaab" },
    sentence: "Militants stormed a beachfront hotel in Mogadishu late on Tuesday and were still holding part of the building at dawn, security officials said.",
  },
  {
    doc: {
      id: "fx-script",
      outlet: "Coastline Review",
      url: "javascript:alert(1)",
      published: "2022-01-11",
      title: `Checkpoint attack ${SCRIPT_TEXT}`,
      text:
        `TRIPOLI — Gunmen attacked a police checkpoint in Tripoli on Monday, killing two officers, the interior ministry said. ` +
        `A forum post praising the attack, which ended with the code ${SCRIPT_TEXT}, was taken down within hours.`,
    },
    date: "2022-01-10",
    dateWords: "on Monday",
    place: { name: "Tripoli", country: "LY", admin1: "Tripoli", lat: 32.8872, lon: 13.1913, words: "Tripoli" },
    attackType: "ARMED_ASSAULT",
    eventType: "VIOLENCE_AGAINST_CIVILIANS",
    killed: { value: 2, words: "killing two officers" },
    sentence: "Gunmen attacked a police checkpoint in Tripoli on Monday, killing two officers, the interior ministry said.",
  },
];

function span(text: string, field: string, words: string, after = 0): Evidence {
  const start = text.indexOf(words, after);
  if (start < 0) throw new Error(`fixture: "${words}" not in the text`);
  return { field, start, end: start + words.length, text: words };
}

function count(c: { value: number; words: string } | undefined): Count | undefined {
  return c ? { value: c.value, text: c.words } : undefined;
}

function mentionFor(spec: Spec, text: string): Mention {
  const { words, ...place } = spec.place;
  const at = text.indexOf(spec.sentence);
  const evidence = [
    span(text, "sentence", spec.sentence),
    span(text, "date", spec.dateWords, at),
    span(text, "location", spec.place.words, at),
    ...(spec.actor ? [span(text, "perpetrators", spec.actor.words)] : []),
    ...(spec.killed ? [span(text, "killed", spec.killed.words)] : []),
    ...(spec.wounded ? [span(text, "wounded", spec.wounded.words)] : []),
  ];
  return {
    documentId: spec.doc.id,
    id: `${spec.doc.id}-m1`,
    date: { start: spec.date, end: spec.date, precision: "day", text: spec.dateWords, provenance: "inferred" },
    location: { ...place, geonameId: null, precision: "city", provenance: "stated", text: words },
    attackTypes: [spec.attackType],
    eventType: spec.eventType,
    subEventType: null,
    perpetrators: spec.actor ? [{ name: spec.actor.name, kind: "organization", text: spec.actor.words }] : [],
    targets: [],
    victims: [],
    weapons: [],
    killed: count(spec.killed),
    wounded: count(spec.wounded),
    claimed: false,
    claim: null,
    suicide: false,
    sentence: spec.sentence,
    evidence,
    confidence: 0.9,
  };
}

export interface Fixture {
  store: Store;
  /** The store's file or URL. */
  path: string;
  /** Closes the store and removes its folder or database. */
  dispose(): Promise<void>;
}

/** A fresh store of `engine` holding the fixture's documents. */
export async function fixtureStore(engine: EngineName = "sqlite"): Promise<Fixture> {
  const cleanups: (() => unknown)[] = [];
  const path = await freshLocation({ after: (fn) => void cleanups.push(fn) }, engine);
  const store = await openStore({ db: path });
  for (const spec of SPECS) {
    const { doc } = extractDocument(spec.doc);
    await ingestOne(store, doc, spec.doc.text!, [mentionFor(spec, doc.text)]);
  }
  return {
    store,
    path,
    async dispose() {
      await store.close();
      for (const cleanup of cleanups) await cleanup();
    },
  };
}
