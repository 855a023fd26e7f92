import assert from "node:assert/strict";
import { test } from "node:test";
import type { AnalystDecision, SourcedMention } from "../../src/model.js";
import { resolveAll, resolveMentions } from "../../src/resolve/index.js";
import { embassyReports, hotelReports, mention, shuffled, yearUnknown } from "./fixtures.js";
import { MemoryResolvePort } from "./memory-port.js";

const rule = { rule: "conservative" as const };

function byDocument(mentions: SourcedMention[]): SourcedMention[][] {
  const docs = new Map<string, SourcedMention[]>();
  for (const m of mentions) docs.set(m.documentId, [...(docs.get(m.documentId) ?? []), m]);
  return [...docs.values()];
}

async function ingestOneByOne(documents: SourcedMention[][], decisions: AnalystDecision[] = []): Promise<MemoryResolvePort> {
  const port = new MemoryResolvePort();
  for (const d of decisions) port.decide(d);
  for (const mentions of documents) {
    port.add(mentions);
    await resolveMentions(port, mentions, rule);
  }
  return port;
}

const sorted = <T extends { record: { id: string } }>(events: T[]): T[] => [...events].sort((a, b) => (a.record.id < b.record.id ? -1 : 1));

// Undated reports make the order matter most: the year arrives with the last dated one.
function reportsWithUndated(): SourcedMention[] {
  const [a1, a2, b1, c1, c2] = embassyReports();
  return [
    { ...a1, date: yearUnknown({ weekday: 0 }, "on Sunday"), published: null },
    { ...a2, date: yearUnknown({ weekday: 1 }, "early Monday"), published: null },
    b1,
    c1,
    c2,
    ...hotelReports(),
  ];
}

test("ingesting one document at a time, in any order, gives what resolveAll gives", async () => {
  for (const all of [[...embassyReports(), ...hotelReports()], reportsWithUndated()]) {
    const expected = sorted(resolveAll(all, [], rule));
    for (let seed = 1; seed <= 12; seed++) {
      const port = await ingestOneByOne(shuffled(byDocument(all), seed));
      assert.deepEqual(sorted(port.events()), expected, `order ${seed}`);
    }
  }
});

test("a new report joins the existing event and replaces it; the others are untouched", async () => {
  const [a1, a2, b1, c1, c2] = embassyReports();
  const port = await ingestOneByOne([[a1, a2], [b1], ...byDocument(hotelReports())]);
  const hotelBefore = port.events().find((e) => e.mentionIds.includes("d-1"));
  assert.deepEqual(port.events().map((e) => e.mentionIds.join(" ")).sort(), ["a-1 b-1", "a-2", "d-1 e-1"]);
  port.add([c1, c2]);
  await resolveMentions(port, [c1, c2], rule);
  assert.deepEqual(port.events().map((e) => e.mentionIds.join(" ")).sort(), ["a-1 b-1 c-1", "a-2 c-2", "d-1 e-1"]);
  assert.equal(port.events().find((e) => e.mentionIds.includes("d-1")), hotelBefore, "the hotel event was not rewritten");
});

test("analysts' decisions hold on the incremental path too", async () => {
  const split: AnalystDecision = { kind: "split", mentionIds: ["c-1"], at: "2024-01-01T00:00:00Z" };
  const all = embassyReports();
  const expected = sorted(resolveAll(all, [split], rule));
  for (let seed = 1; seed <= 6; seed++) {
    const port = await ingestOneByOne(shuffled(byDocument(all), seed), [split]);
    assert.deepEqual(sorted(port.events()), expected);
  }
  assert.ok(expected.some((e) => e.mentionIds.join(" ") === "c-1"));
});

test("several documents resolved in one call give the same events as one by one", async () => {
  const all = [...embassyReports(), ...hotelReports()];
  const port = new MemoryResolvePort();
  const [first, ...rest] = byDocument(all);
  port.add(first);
  await resolveMentions(port, first, rule);
  const batch = rest.flat();
  port.add(batch);
  await resolveMentions(port, batch, rule);
  assert.deepEqual(sorted(port.events()), sorted(resolveAll(all, [], rule)));
});

test("reports a refused link ties together are resolved together, in any order", async () => {
  const [first] = embassyReports();
  const month = first!.date!.start!.slice(0, 7);
  const dated = (id: string, start: string, end = start, precision: "day" | "month" = "day") =>
    mention(id, id.replace(/-\d+$/, ""), { ...first!, id, documentId: id.replace(/-\d+$/, ""), date: { start, end, precision, text: start, provenance: "stated" } });
  // One report of the month links to an attack early in it and to one late in it; a fourth report
  // links only to the late one. Which event the vague report joins depends on all four.
  const all = [dated("e-1", `${month}-03`), dated("m-1", `${month}-01`, `${month}-28`, "month"), dated("l-1", `${month}-20`), dated("k-1", `${month}-21`)];
  const expected = sorted(resolveAll(all, [], rule));
  assert.equal(new Set(expected.map((e) => e.component)).size, 1);
  for (let seed = 1; seed <= 12; seed++) {
    const port = await ingestOneByOne(shuffled(byDocument(all), seed));
    assert.deepEqual(sorted(port.events()), expected, `order ${seed}`);
  }
});

test("an event of a reached component that comes out the same is not rewritten", async () => {
  const [first] = embassyReports();
  const month = first!.date!.start!.slice(0, 7);
  const dated = (id: string, start: string, end = start, precision: "day" | "month" = "day") =>
    mention(id, id.replace(/-\d+$/, ""), { ...first!, id, documentId: id.replace(/-\d+$/, ""), date: { start, end, precision, text: start, provenance: "stated" } });
  const earlier = [dated("e-1", `${month}-03`), dated("m-1", `${month}-01`, `${month}-28`, "month"), dated("l-1", `${month}-20`)];
  const port = await ingestOneByOne(earlier.map((m) => [m]));
  const before = new Map(port.events().map((e) => [e.record.id, e]));
  assert.equal(new Set([...before.values()].map((e) => e.component)).size, 1);

  // A report of the late attack: its event changes, the early one's stays as it was written.
  const late = dated("k-1", `${month}-21`);
  port.add([late]);
  await resolveMentions(port, [late], rule);
  const kept = port.events().filter((e) => before.get(e.record.id) === e);
  assert.equal(kept.length, 1, JSON.stringify(port.events().map((e) => e.mentionIds)));
  assert.ok(!kept[0]!.mentionIds.includes("k-1"));
  assert.deepEqual(sorted(port.events()), sorted(resolveAll([...earlier, late], [], rule)));
});
