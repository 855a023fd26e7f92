import type { DateValue, Place, SourcedMention } from "../../src/model.js";

// Mentions written for these tests (not taken from any article): two attacks on embassies in one
// city a day apart, and a hotel attack reported weeks later with a different toll.

export function day(iso: string, text = iso): DateValue {
  return { start: iso, end: iso, precision: "day", text, provenance: "stated" };
}

export function yearUnknown(partial: DateValue["partial"], text: string): DateValue {
  return { start: null, end: null, precision: "day", text, provenance: "stated", partial };
}

export function place(name: string, lat: number, lon: number, geonameId: number, country = "LY"): Place & { text: string } {
  return { name, country, admin1: null, lat, lon, geonameId, precision: "city", provenance: "stated", text: name };
}

export const tripoli = place("Tripoli", 32.8872, 13.1913, 2210247);
export const tajura = place("Tajura", 32.8817, 13.3506, 2210221);
export const misrata = place("Misrata", 32.3754, 15.0925, 2214846);
export const libya: Place & { text: string } = {
  name: "Libya", country: "LY", admin1: null, lat: 27, lon: 17, geonameId: 2215636, precision: "country", provenance: "stated", text: "Libya",
};

export function mention(id: string, documentId: string, fields: Partial<SourcedMention> = {}): SourcedMention {
  return {
    documentId,
    id,
    date: null,
    location: null,
    attackTypes: [],
    eventType: null,
    subEventType: null,
    perpetrators: [],
    targets: [],
    victims: [],
    weapons: [],
    claimed: false,
    claim: null,
    suicide: false,
    sentence: "",
    evidence: [],
    confidence: 0.8,
    outlet: `outlet of ${documentId}`,
    url: `https://example.org/${documentId}`,
    published: null,
    ...fields,
  };
}

const islamicState = { name: "Islamic State", kind: "organization" as const, text: "Islamic State" };

/** Three reports of a shooting at an embassy, two of a bombing at another the next night. */
export function embassyReports(): SourcedMention[] {
  const shooting = {
    location: tripoli,
    attackTypes: ["ARMED_ASSAULT"],
    perpetrators: [islamicState],
    targets: [{ type: "GOVERNMENT_DIPLOMATIC", text: "the South Korean embassy", nationality: "KR" }],
    weapons: [{ type: "FIREARMS", text: "rifles" }],
  };
  const bombing = {
    location: tripoli,
    attackTypes: ["BOMBING_EXPLOSION"],
    perpetrators: [islamicState],
    targets: [{ type: "GOVERNMENT_DIPLOMATIC", text: "the Moroccan embassy", nationality: "MA" }],
  };
  return [
    mention("a-1", "a", {
      ...shooting,
      date: day("2015-04-12", "on Sunday"),
      published: "2015-04-13",
      killed: { value: 2, text: "two guards" },
      wounded: { value: 1, text: "one more" },
      sentence: "Gunmen opened fire on the South Korean embassy in Tripoli on Sunday, killing two guards.",
    }),
    mention("a-2", "a", {
      ...bombing,
      date: day("2015-04-13", "early Monday"),
      published: "2015-04-13",
      killed: { value: 0, text: "no one" },
      sentence: "A bomb went off outside the Moroccan embassy in Tripoli early Monday, hurting no one.",
    }),
    mention("b-1", "b", {
      ...shooting,
      date: day("2015-04-12", "on Sunday"),
      published: "2015-04-12",
      killed: { value: 2, text: "two police officers" },
      sentence: "Two police officers guarding the South Korean embassy compound in Tripoli were shot dead on Sunday.",
    }),
    mention("c-1", "c", {
      ...shooting,
      date: day("2015-04-13", "Monday"),
      published: "2015-04-13",
      killed: { value: 2, text: "two local guards" },
      sentence: "Two local guards at the South Korean embassy were killed in a gunfight with militants Monday.",
    }),
    mention("c-2", "c", {
      ...bombing,
      date: day("2015-04-13", "Monday"),
      published: "2015-04-13",
      sentence: "The Moroccan embassy was damaged by a blast on Monday.",
    }),
  ];
}

/** A hotel attack: ten dead in a report from the week after, nine in a report a month later. */
export function hotelReports(): SourcedMention[] {
  const common = {
    location: tripoli,
    perpetrators: [islamicState],
    targets: [{ type: "BUSINESS", text: "a hotel" }],
  };
  return [
    mention("d-1", "d", {
      ...common,
      date: day("2015-01-28", "on January 28"),
      published: "2015-02-03",
      attackTypes: ["ARMED_ASSAULT", "BOMBING_EXPLOSION"],
      killed: { value: 10, text: "ten people" },
      sentence: "Gunmen stormed a hotel in Tripoli on January 28, killing ten people, five of them foreigners.",
    }),
    mention("e-1", "e", {
      ...common,
      date: { start: "2015-01-01", end: "2015-01-31", precision: "month", text: "a January", provenance: "inferred" },
      published: "2015-02-20",
      attackTypes: ["ARMED_ASSAULT"],
      killed: { value: 9, text: "nine people" },
      background: true,
      sentence: "The group claimed a January assault on a Tripoli hotel that killed nine people, five of them foreigners.",
    }),
  ];
}

/** A deterministic shuffle (a small linear congruential generator), so failures reproduce. */
export function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
