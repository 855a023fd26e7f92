import type { EventRecord, SourcedMention } from "../../src/model.js";
import { mention } from "../store/fixtures.js";

// An event and a mention written for these tests.

export function event(overrides: Partial<EventRecord> = {}): EventRecord {
  return {
    id: "ev-a@v1#0",
    date: { start: "2021-03-07", end: "2021-03-07", precision: "day", text: "on Sunday", provenance: "inferred" },
    location: { name: "Maiduguri", country: "NG", admin1: "Borno", lat: 11.8469, lon: 13.1571, geonameId: 2331447, precision: "city", provenance: "stated" },
    attackTypes: ["BOMBING_EXPLOSION", "ARMED_ASSAULT"],
    eventType: "EXPLOSIONS_REMOTE_VIOLENCE",
    subEventType: "SUICIDE_BOMB",
    perpetrators: [{ name: "Boko Haram", kind: "organization", text: "the group" }],
    targets: [{ type: "PRIVATE_CITIZENS_PROPERTY", text: "market", nationality: "NG" }],
    weapons: [{ type: "EXPLOSIVES", text: "vest" }],
    killed: 4,
    wounded: null,
    claimed: false,
    suicide: true,
    summary: 'A bomber struck a market, killing "four", police said\nlate on Sunday',
    sources: [
      { documentId: "a", mentionId: "a@v1#0", outlet: "Lake Chad Monitor", url: "https://m.example/1", published: "2021-03-08" },
      { documentId: "b", mentionId: "b@v1#0", outlet: "Sahel Wire", url: "https://w.example/2", published: "2021-03-09" },
    ],
    fields: {},
    conflicts: ["killed"],
    ...overrides,
  };
}

export function sourcedMention(): SourcedMention {
  return { ...mention("a", { killed: 4, perpetrator: "Boko Haram" }), id: "a@v1#0", outlet: "Lake Chad Monitor", url: "https://m.example/1", published: "2021-03-08" };
}

/** RFC 4180 records, for reading exports back. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") record.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field), records.push(record), (field = ""), (record = []), i++;
    } else field += c;
  }
  if (field !== "" || record.length > 0) record.push(field), records.push(record);
  return records;
}

/** Each CSV record as an object keyed by the header. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i] ?? ""])));
}
