import assert from "node:assert/strict";
import { test } from "node:test";
import { resolveAll } from "../../src/resolve/index.js";
import type { AnalystDecision } from "../../src/model.js";
import { embassyReports, hotelReports, mention, shuffled } from "./fixtures.js";

const rule = { rule: "conservative" as const };
const groups = (events: { mentionIds: string[] }[]) => events.map((e) => e.mentionIds.join(" ")).sort();

test("reports of one happening from different articles become one event; other happenings stay apart", () => {
  const events = resolveAll([...embassyReports(), ...hotelReports()], [], rule);
  assert.deepEqual(groups(events), ["a-1 b-1 c-1", "a-2 c-2", "d-1 e-1"]);
});

test("events and their ids do not depend on the order mentions come in", () => {
  const all = [...embassyReports(), ...hotelReports()];
  const expected = resolveAll(all, [], rule);
  for (let seed = 1; seed <= 20; seed++) assert.deepEqual(resolveAll(shuffled(all, seed), [], rule), expected);
});

test("an event's id derives from its smallest mention id", () => {
  const ids = resolveAll(embassyReports(), [], rule).map((e) => e.record.id).sort();
  assert.deepEqual(ids, ["ev-a-1", "ev-a-2"]);
});

test("two mentions of one document are never merged by the resolver", () => {
  const text = "Gunmen attacked a police post in Tripoli.";
  const x = mention("x-1", "x", { ...embassyReports()[0], id: "x-1", documentId: "x", sentence: text });
  const y = mention("x-2", "x", { ...embassyReports()[0], id: "x-2", documentId: "x", sentence: text });
  assert.equal(resolveAll([x, y], [], rule).length, 2);
});

test("an analyst's merge joins events the resolver kept apart, even one document's mentions", () => {
  const merge: AnalystDecision = { kind: "merge", mentionIds: ["a-1", "a-2", "b-1", "c-1", "c-2"], at: "2024-01-01T00:00:00Z" };
  assert.deepEqual(groups(resolveAll(embassyReports(), [merge], rule)), ["a-1 a-2 b-1 c-1 c-2"]);
});

test("an analyst's split sets mentions apart from the rest, and a later merge undoes it", () => {
  const split: AnalystDecision = { kind: "split", mentionIds: ["c-1"], at: "2024-01-01T00:00:00Z" };
  assert.deepEqual(groups(resolveAll(embassyReports(), [split], rule)), ["a-1 b-1", "a-2 c-2", "c-1"]);
  const merge: AnalystDecision = { kind: "merge", mentionIds: ["a-1", "b-1", "c-1"], at: "2024-01-02T00:00:00Z" };
  assert.deepEqual(groups(resolveAll(embassyReports(), [merge, split], rule)), ["a-1 b-1 c-1", "a-2 c-2"]);
});

test("a split keeps its mentions together even when the resolver would not join them", () => {
  const split: AnalystDecision = { kind: "split", mentionIds: ["a-2", "d-1"], at: "2024-01-01T00:00:00Z" };
  const events = resolveAll([...embassyReports(), ...hotelReports()], [split], rule);
  assert.deepEqual(groups(events), ["a-1 b-1 c-1", "a-2 d-1", "c-2", "e-1"]);
});

test("decisions naming mentions that are not there are ignored", () => {
  const merge: AnalystDecision = { kind: "merge", mentionIds: ["gone-1", "a-1"], at: "2024-01-01T00:00:00Z" };
  assert.deepEqual(groups(resolveAll(embassyReports(), [merge], rule)), ["a-1 b-1 c-1", "a-2 c-2"]);
});

test("a vaguely dated report links to two that are weeks apart but never makes one event of them", () => {
  const base = embassyReports()[0]!;
  const day = (d: string) => ({ start: d, end: d, precision: "day" as const, text: d, provenance: "stated" as const });
  const early = mention("a-1", "a", { ...base, id: "a-1", documentId: "a", date: day(base.date!.start!) });
  const month = mention("m-1", "m", {
    ...base,
    id: "m-1",
    documentId: "m",
    date: { start: `${base.date!.start!.slice(0, 7)}-01`, end: `${base.date!.start!.slice(0, 7)}-28`, precision: "month", text: "this month", provenance: "stated" },
  });
  const laterDay = new Date(`${base.date!.start!}T00:00:00Z`);
  laterDay.setUTCDate(laterDay.getUTCDate() + (laterDay.getUTCDate() > 14 ? -12 : 12));
  const late = mention("c-1", "c", { ...base, id: "c-1", documentId: "c", date: day(laterDay.toISOString().slice(0, 10)) });
  // Each of the precise reports joins the vague one on its own.
  assert.equal(resolveAll([early, month], [], rule).length, 1);
  assert.equal(resolveAll([late, month], [], rule).length, 1);
  const events = resolveAll([early, month, late], [], rule);
  assert.ok(events.every((e) => !(e.mentionIds.includes("a-1") && e.mentionIds.includes("c-1"))), JSON.stringify(events.map((e) => e.mentionIds)));
});

test("an event names its component: the events that links, joined or refused, tie it to", () => {
  const reports = embassyReports();
  const first = reports[0];
  // A shooting and a bombing, each told by several outlets: no link between them, two components,
  // each named by its smallest mention id.
  const apart = resolveAll(reports, [], rule);
  assert.deepEqual(
    apart.map((e) => e.component),
    apart.map((e) => [...e.mentionIds].sort()[0]),
  );
  // A report the date checks keep out of an event it links to: both events name their member.
  const early = mention("e-1", "e", { ...first!, id: "e-1", documentId: "e" });
  const month = mention("m-1", "m", {
    ...first!,
    id: "m-1",
    documentId: "m",
    date: { start: `${first!.date!.start!.slice(0, 7)}-01`, end: `${first!.date!.start!.slice(0, 7)}-28`, precision: "month", text: "this month", provenance: "stated" },
  });
  const lateDay = new Date(`${first!.date!.start!}T00:00:00Z`);
  lateDay.setUTCDate(lateDay.getUTCDate() + (lateDay.getUTCDate() > 14 ? -12 : 12));
  const late = lateDay.toISOString().slice(0, 10);
  const other = mention("l-1", "l", { ...first!, id: "l-1", documentId: "l", date: { ...first!.date!, start: late, end: late } });
  const events = resolveAll([early, month, other], [], rule);
  assert.equal(events.length, 2);
  // The vague report joins one of the precise ones; its link to the other is refused, which keeps
  // the two events in one component, named by its smallest id.
  assert.deepEqual(events.map((e) => e.mentionIds.length).sort(), [1, 2]);
  assert.ok(events.some((e) => e.mentionIds.includes("m-1") && e.mentionIds.length === 2));
  assert.deepEqual(events.map((e) => e.component), ["e-1", "e-1"]);
});

test("which of two equal links wins depends on what the reports say, not on the ids the store gave them", () => {
  // A text that came twice keeps the id of whichever copy was stored first, so the same reports
  // can reach the resolver under other ids: the events must hold the same reports all the same.
  const base = embassyReports()[0]!;
  const day = (d: string) => ({ start: d, end: d, precision: "day" as const, text: d, provenance: "stated" as const });
  const laterDay = new Date(`${base.date!.start!}T00:00:00Z`);
  laterDay.setUTCDate(laterDay.getUTCDate() + (laterDay.getUTCDate() > 14 ? -12 : 12));
  const monthDate = { start: `${base.date!.start!.slice(0, 7)}-01`, end: `${base.date!.start!.slice(0, 7)}-28`, precision: "month" as const, text: "this month", provenance: "stated" as const };
  const reports = (early: string, month: string, late: string) => [
    mention(`${early}-1`, early, { ...base, id: `${early}-1`, documentId: early, date: day(base.date!.start!) }),
    mention(`${month}-1`, month, { ...base, id: `${month}-1`, documentId: month, date: monthDate }),
    mention(`${late}-1`, late, { ...base, id: `${late}-1`, documentId: late, date: day(laterDay.toISOString().slice(0, 10)) }),
  ];
  const told = (events: ReturnType<typeof resolveAll>, names: Record<string, string>) =>
    events.map((e) => e.mentionIds.map((id) => names[id.replace(/-1$/, "")]).sort().join("+")).sort();
  // The vague report ties with both precise ones; the two namings order their ids oppositely.
  const one = told(resolveAll(reports("a", "m", "c"), [], rule), { a: "early", m: "month", c: "late" });
  const other = told(resolveAll(reports("z", "m", "b"), [], rule), { z: "early", m: "month", b: "late" });
  assert.deepEqual(one, other);
});

test("hundreds of reports of one story over three days: no event holds two days that cannot be one happening", () => {
  const base = hotelReports()[0]!;
  const first = new Date(`${base.date!.start!}T00:00:00Z`);
  const dayOf = (n: number) => new Date(first.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  const reports = Array.from({ length: 300 }, (_, i) => {
    const d = dayOf(i % 3);
    return mention(`s${String(i).padStart(3, "0")}-1`, `s${i}`, { ...base, id: `s${String(i).padStart(3, "0")}-1`, documentId: `s${i}`, date: { start: d, end: d, precision: "day", text: d, provenance: "inferred" } });
  });
  const events = resolveAll(shuffled(reports, 7), [], rule);
  const days = (e: { mentionIds: string[] }) => new Set(e.mentionIds.map((id) => Number(id.slice(1, 4)) % 3));
  assert.ok(events.every((e) => !(days(e).has(0) && days(e).has(2))), JSON.stringify(events.map((e) => [...days(e)])));
  assert.ok(events.length <= 3);
  assert.equal(events.reduce((n, e) => n + e.mentionIds.length, 0), 300);
});
