import assert from "node:assert/strict";
import type { TestContext } from "node:test";
import type { EventFilter } from "../../src/store/store.js";
import { freshStore, testEngines, type EngineName } from "./engines.js";
import { doc, mention, type MentionSketch, ingestOne } from "./fixtures.js";

// Five reports of five different happenings, far apart in time or place so that each is an event.
const REPORTS: [string, string, MentionSketch][] = [
  ["kano", "A car bomb exploded outside a police station in Kano, killing nine people.", { date: "2020-01-10", place: "Kano", lat: 12.0, lon: 8.52, killed: 9, attackTypes: ["BOMBING_EXPLOSION"], perpetrator: "Boko Haram" }],
  ["maid", "Fighters stormed an army base outside Maiduguri and were repelled after hours of fighting.", { date: "2020-06-15", place: "Maiduguri", killed: 3, attackTypes: ["ARMED_ASSAULT"], eventType: "BATTLES", subEventType: "ARMED_CLASH", perpetrator: "Islamic State West Africa Province" }],
  ["bama", "Gunmen abducted twelve travellers on the road near Bama.", { date: "2020-09-01", place: "Bama", lat: 11.52, lon: 13.69, attackTypes: ["HOSTAGE_TAKING_KIDNAPPING"], eventType: "VIOLENCE_AGAINST_CIVILIANS", subEventType: "ABDUCTION_FORCED_DISAPPEARANCE" }],
  ["niamey", "A grenade thrown into a bar in Niamey wounded five customers.", { date: "2021-02-02", country: "NE", place: "Niamey", lat: 13.51, lon: 2.11, wounded: 5, attackTypes: ["BOMBING_EXPLOSION"], subEventType: "GRENADE" }],
  ["undated", "Unknown attackers set fire to a school somewhere in the north.", { date: null, country: null, attackTypes: ["FACILITY_INFRASTRUCTURE_ATTACK"] }],
];

async function seededStore(t: TestContext, engine: EngineName) {
  const store = await freshStore(t, engine);
  for (const [id, text, sketch] of REPORTS) await ingestOne(store, doc(id, text), text, [mention(id, sketch)]);
  return store;
}

const documentsOf = (items: { documentId?: string; sources?: { documentId: string }[] }[]) =>
  items.map((i) => i.documentId ?? i.sources!.map((s) => s.documentId).join("+"));

testEngines("every filter narrows mentions and events alike", async (t, engine) => {
  const store = await seededStore(t, engine);
  const cases: [EventFilter, string[]][] = [
    [{ country: "ne" }, ["niamey"]],
    [{ since: "2020-06-15", until: "2020-09-01" }, ["bama", "maid"]],
    [{ since: "2021-01-01" }, ["niamey"]],
    [{ type: "BOMBING_EXPLOSION" }, ["niamey", "kano"]],
    [{ type: "armed_clash" }, ["maid"]],
    [{ type: "BOMBING" }, []],
    [{ actor: "boko" }, ["kano"]],
    [{ actor: "ISLAMIC STATE" }, ["maid"]],
    [{ actor: "100%_" }, []],
    [{ text: "travellers" }, ["bama"]],
    [{ text: "police station Kano" }, ["kano"]],
    [{ country: "NG", type: "BOMBING_EXPLOSION", since: "2020-01-01" }, ["kano"]],
    [{ documentId: "bama" }, ["bama"]],
    [{ documentId: "nowhere" }, []],
  ];
  for (const [filter, expected] of cases) {
    assert.deepEqual(documentsOf((await store.listMentions(filter)).items), expected, `mentions ${JSON.stringify(filter)}`);
    assert.deepEqual(documentsOf((await store.listEvents(filter)).items), expected, `events ${JSON.stringify(filter)}`);
  }
});

testEngines("near keeps what lies within the radius, not merely within its bounding box", async (t, engine) => {
  const store = await seededStore(t, engine);
  // Bama lies 68 km from Maiduguri, 58 km of it eastward: inside the bounding box of a 62 km
  // radius (which reaches 63 km east and west) but outside the circle.
  const maiduguri = { lat: 11.8469, lon: 13.1571 };
  assert.deepEqual(documentsOf((await store.listEvents({ near: { ...maiduguri, km: 70 } })).items).sort(), ["bama", "maid"]);
  assert.deepEqual(documentsOf((await store.listEvents({ near: { ...maiduguri, km: 62 } })).items), ["maid"]);
  assert.deepEqual(documentsOf((await store.listMentions({ near: { lat: 13.5, lon: 2.1, km: 5 } })).items), ["niamey"]);
});

testEngines("sorting puts unknown values last; limit and offset page through a stable order with the total", async (t, engine) => {
  const store = await seededStore(t, engine);
  assert.deepEqual(documentsOf((await store.listEvents({})).items), ["niamey", "bama", "maid", "kano", "undated"]);
  assert.deepEqual(documentsOf((await store.listEvents({ sort: "date" })).items), ["kano", "maid", "bama", "niamey", "undated"]);
  assert.deepEqual(documentsOf((await store.listEvents({ sort: "-killed" })).items).slice(0, 2), ["kano", "maid"]);
  assert.deepEqual(documentsOf((await store.listMentions({ sort: "killed" })).items).slice(0, 2), ["maid", "kano"]);
  const page = await store.listEvents({ sort: "date", limit: 2, offset: 1 });
  assert.equal(page.total, 5);
  assert.deepEqual(documentsOf(page.items), ["maid", "bama"]);
  assert.deepEqual(documentsOf((await store.listMentions({ sort: "date", offset: 4 })).items), ["undated"]);
  assert.equal((await store.listEvents({ sort: "sources" })).total, 5);
  await assert.rejects(store.listMentions({ sort: "sources" }), /sort: mentions sort by date, killed/);
  await assert.rejects(store.listEvents({ sort: "size" }), /not "size"/);
});
