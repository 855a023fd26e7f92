import assert from "node:assert/strict";
import type { TestContext } from "node:test";
import type { EventRecord, SourcedMention } from "../../src/model.js";
import { engineFor, openStore } from "../../src/store/open.js";
import { MentionCache } from "../../src/store/mention-cache.js";
import { SqlStore } from "../../src/store/sql-store.js";
import { resolvePort } from "../../src/store/resolve-port.js";
import { countingStatements, freshLocation, rawConnection, testEngines, type EngineName } from "./engines.js";
import { doc, mention, type MentionSketch, ingestOne } from "./fixtures.js";

// Stored mentions, each in a document of its own, far enough apart to be events of their own.
const STORED: [string, MentionSketch][] = [
  ["same-day", { date: "2021-03-07" }],
  ["day-before", { date: "2021-03-06", place: "Konduga", lat: 11.65, lon: 13.42 }],
  ["no-country", { date: "2021-03-08", country: null }],
  ["other-country", { date: "2021-03-07", country: "CM", place: "Mora", lat: 11.05, lon: 14.14 }],
  ["too-early", { date: "2021-03-04" }],
  ["undated-here", { date: null }],
  ["year-unknown", { date: null, partial: { weekday: 0 }, place: "Bama", lat: 11.52, lon: 13.69 }],
  ["undated-elsewhere", { date: null, country: "NE", place: "Diffa", lat: 13.31, lon: 12.61 }],
];

async function setUp(t: TestContext, engine: EngineName) {
  const path = await freshLocation(t, engine);
  const store = await openStore({ db: path });
  t.after(() => store.close());
  for (const [id, sketch] of STORED) await ingestOne(store, doc(id, `Report ${id} of an attack.`), "", [mention(id, sketch)]);
  // A second connection, as the resolver would see the store through its port.
  const db = rawConnection(t, path);
  const cache = new MentionCache();
  return { store, db, location: path, cache, port: resolvePort(db, engineFor(path), cache, async () => {}) };
}

function probe(sketch: MentionSketch): SourcedMention {
  return { ...mention("probe", sketch), id: "probe@v1#0", outlet: null, url: null, published: null };
}

const documents = (found: { mention: SourcedMention }[]) => found.map((c) => c.mention.documentId).sort();

testEngines("candidates of a dated mention: within a day, same or no country, never the undated", async (t, engine) => {
  const { port } = await setUp(t, engine);
  const [found] = await port.candidates([probe({ date: "2021-03-07" })]);
  assert.deepEqual(documents(found!), ["day-before", "no-country", "same-day", "year-unknown"]);
  assert.ok(found!.every((c) => c.eventId.startsWith("ev-")));
  assert.equal(found!.find((c) => c.mention.documentId === "same-day")!.mention.id, "same-day@v1#0");
  // A dated mention with no country reaches every country within the window.
  const [anywhere] = await port.candidates([probe({ date: "2021-03-07", country: null })]);
  assert.deepEqual(documents(anywhere!), ["day-before", "no-country", "other-country", "same-day"]);
});

testEngines("candidates of a mention whose year is unknown: every mention of its country that says when", async (t, engine) => {
  const { port } = await setUp(t, engine);
  const [found] = await port.candidates([probe({ date: null, partial: { weekday: 1 } })]);
  assert.deepEqual(documents(found!), ["day-before", "same-day", "too-early", "year-unknown"]);
});

testEngines("candidates of a mention that says nothing of when: none", async (t, engine) => {
  const { port } = await setUp(t, engine);
  assert.deepEqual(await port.candidates([probe({ date: null, country: "NE" }), probe({ date: null, country: null })]), [[], []]);
  assert.deepEqual(await port.candidates([]), []);
});

testEngines("candidates of many mentions at once: for each, what it finds alone, in one statement", async (t, engine) => {
  const { store, db, location, cache, port } = await setUp(t, engine);
  const probes = [
    probe({ date: "2021-03-07" }),
    probe({ date: null, country: "NE" }),
    probe({ date: "2021-03-05", country: null }),
    probe({ date: null, partial: { month: 3 } }),
    probe({ date: "2021-03-07", country: "CM" }),
    probe({ date: "2021-03-07" }),
  ].map((p, i) => ({ ...p, id: `probe@v1#${i}` }));
  const alone = [];
  for (const p of probes) alone.push(...(await port.candidates([p])));
  // The stored mentions themselves, looked up together, never find themselves.
  const stored = (await store.listMentions({})).items;
  const counted = countingStatements(db);
  // Ids alone are read: the mentions come from the cache the first look-ups filled.
  const together = await resolvePort(counted.db, engineFor(location), cache, async () => {}).candidates([...probes, ...stored]);
  assert.equal(counted.statements(), 1);
  const byId = (found: { mention: SourcedMention; eventId: string }[]) => found.map((c) => `${c.mention.id} ${c.eventId}`).sort();
  assert.deepEqual(together.slice(0, probes.length).map(byId), alone.map(byId));
  for (const [i, m] of stored.entries()) assert.ok(together[probes.length + i]!.every((c) => c.mention.id !== m.id));
});

testEngines("components, decisions and replaceEvents read and write what the resolver decides", async (t, engine) => {
  const { store, db, location, port } = await setUp(t, engine);
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
  const decisions = await resolvePort(db, engineFor(location), new MentionCache(), async () => {}).decisions();
  assert.equal(decisions.length, 1);
  assert.equal(decisions[0]!.kind, "split");
  assert.deepEqual(decisions[0]!.mentionIds, ["undated-elsewhere@v1#0"]);
  assert.ok((await store.listEvents({})).total >= 2);
});

testEngines("a batch's mentions are looked up together: forty cost the statements two cost", async (t, engine) => {
  const location = await freshLocation(t, engine);
  const counted = countingStatements(await engineFor(location).open(location));
  const store = new SqlStore(counted.db, engineFor(location), "conservative");
  t.after(() => store.close());
  // Reports of one day in one document each find the others; the two documents are months apart.
  const statementsOf = async (id: string, date: string, mentions: number) => {
    const before = counted.statements();
    const sketches = Array.from({ length: mentions }, (_, i) => mention(id, { date, id: `m${i}`, killed: i }));
    assert.equal((await ingestOne(store, doc(id, `Report ${id} of ${mentions} attacks.`), "", sketches)).mentions, mentions);
    return counted.statements() - before;
  };
  const two = await statementsOf("two", "2021-03-07", 2);
  assert.equal(await statementsOf("forty", "2021-08-07", 40), two);
  assert.equal((await store.stats()).mentions, 42);
});
