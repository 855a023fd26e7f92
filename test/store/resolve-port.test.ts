import assert from "node:assert/strict";
import type { TestContext } from "node:test";
import type { EventRecord, SourcedMention } from "../../src/model.js";
import { openStore } from "../../src/store/open.js";
import { MentionCache } from "../../src/store/mention-cache.js";
import { resolvePort } from "../../src/store/resolve-port.js";
import { freshLocation, rawConnection, testEngines, type EngineName } from "./engines.js";
import { doc, mention, type MentionSketch, ingestOne } from "./fixtures.js";

// Stored mentions, each in a document of its own, far enough apart to be events of their own.
const STORED: [string, MentionSketch][] = [
  ["same-day", { date: "2021-03-07" }],
  ["day-before", { date: "2021-03-06", place: "Konduga", lat: 11.65, lon: 13.42 }],
  ["no-country", { date: "2021-03-08", country: null }],
  ["other-country", { date: "2021-03-07", country: "CM", place: "Mora", lat: 11.05, lon: 14.14 }],
  ["too-early", { date: "2021-03-04" }],
  ["undated-here", { date: null }],
  ["undated-elsewhere", { date: null, country: "NE", place: "Diffa", lat: 13.31, lon: 12.61 }],
];

async function setUp(t: TestContext, engine: EngineName) {
  const path = await freshLocation(t, engine);
  const store = await openStore({ db: path });
  t.after(() => store.close());
  for (const [id, sketch] of STORED) await ingestOne(store, doc(id, `Report ${id} of an attack.`), "", [mention(id, sketch)]);
  // A second connection, as the resolver would see the store through its port.
  const db = rawConnection(t, path);
  return { store, db, port: resolvePort(db, new MentionCache()) };
}

function probe(sketch: MentionSketch): SourcedMention {
  return { ...mention("probe", sketch), id: "probe@v1#0", outlet: null, url: null, published: null };
}

const documents = (found: { mention: SourcedMention }[]) => found.map((c) => c.mention.documentId).sort();

testEngines("candidates of a dated mention: within a day, same or no country, never the undated", async (t, engine) => {
  const { port } = await setUp(t, engine);
  const found = await port.candidates(probe({ date: "2021-03-07" }));
  assert.deepEqual(documents(found), ["day-before", "no-country", "same-day"]);
  assert.ok(found.every((c) => c.eventId.startsWith("ev-")));
  assert.equal(found.find((c) => c.mention.documentId === "same-day")!.mention.id, "same-day@v1#0");
  // A dated mention with no country reaches every country within the window.
  assert.deepEqual(documents(await port.candidates(probe({ date: "2021-03-07", country: null }))), ["day-before", "no-country", "other-country", "same-day"]);
});

testEngines("candidates of a mention that says nothing of when: none", async (t, engine) => {
  const { port } = await setUp(t, engine);
  assert.deepEqual(await port.candidates(probe({ date: null, country: "NE" })), []);
  assert.deepEqual(await port.candidates(probe({ date: null, country: null })), []);
});

testEngines("components, decisions and replaceEvents read and write what the resolver decides", async (t, engine) => {
  const { store, db, port } = await setUp(t, engine);
  const events = (await store.listEvents({})).items;
  const ids = events.map((e) => e.id);
  const reached = await port.components(ids);
  assert.deepEqual(reached.map((m) => m.mention.id).sort(), STORED.map(([id]) => `${id}@v1#0`).sort());
  assert.deepEqual(await port.components([]), []);

  // Three events, two of them in one component: reaching either reads both, never the third.
  const [first, second, third] = ids as [string, string, string];
  const membersOf = (id: string) => reached.filter((m) => m.eventId === id).map((m) => m.mention.id);
  const rest = ids.slice(3);
  await port.replaceEvents(ids, [
    { record: { ...events[0]!, id: "ev-a" }, mentionIds: membersOf(first), component: "c" },
    { record: { ...events[1]!, id: "ev-b" }, mentionIds: membersOf(second), component: "c" },
    { record: { ...events[2]!, id: "ev-c" }, mentionIds: [third, ...rest].flatMap(membersOf), component: "d" },
  ]);
  const eventsOf = (found: { eventId: string }[]) => [...new Set(found.map((m) => m.eventId))].sort();
  assert.deepEqual(eventsOf(await port.components(["ev-b"])), ["ev-a", "ev-b"]);
  assert.deepEqual((await port.components(["ev-a"])).map((m) => m.mention.id).sort(), [...membersOf(first), ...membersOf(second)].sort());
  assert.deepEqual(eventsOf(await port.components(["ev-c"])), ["ev-c"]);

  const joined: EventRecord = { ...events[0]!, id: "ev-joined", summary: "all of them", sources: events.flatMap((e) => e.sources) };
  await port.replaceEvents(["ev-a", "ev-b", "ev-c"], [{ record: joined, mentionIds: reached.map((m) => m.mention.id), component: "c" }]);
  assert.deepEqual((await store.listEvents({})).items.map((e) => [e.id, e.summary]), [["ev-joined", "all of them"]]);
  assert.deepEqual(eventsOf(await port.components(["ev-joined"])), ["ev-joined"]);

  assert.deepEqual(await port.decisions(), []);
  await store.splitEvent("ev-joined", ["undated-elsewhere@v1#0"]);
  // A port reads the decisions once: the split is seen by the next one.
  assert.deepEqual(await port.decisions(), []);
  const decisions = await resolvePort(db, new MentionCache()).decisions();
  assert.equal(decisions.length, 1);
  assert.equal(decisions[0]!.kind, "split");
  assert.deepEqual(decisions[0]!.mentionIds, ["undated-elsewhere@v1#0"]);
  assert.ok((await store.listEvents({})).total >= 2);
});
