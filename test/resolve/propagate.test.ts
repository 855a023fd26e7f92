import assert from "node:assert/strict";
import { test } from "node:test";
import { propagateDates } from "../../src/resolve/propagate.js";
import { reconcile } from "../../src/resolve/reconcile.js";
import { resolveAll } from "../../src/resolve/index.js";
import { day, embassyReports, hotelReports, mention, yearUnknown } from "./fixtures.js";

const undated = (m: ReturnType<typeof mention>, date: ReturnType<typeof yearUnknown>) => ({ ...m, date, published: null });

test("an undated Sunday report of an attack dated Monday 13 April 2015 gets 12 April 2015, inferred", () => {
  const [a1, , b1, c1] = embassyReports();
  const members = [undated(a1, yearUnknown({ weekday: 0 }, "on Sunday")), undated(b1, yearUnknown({ weekday: 0 }, "on Sunday")), c1];
  const dates = propagateDates(members);
  const a = dates.get("a-1")!;
  assert.equal(a.start, "2015-04-12");
  assert.equal(a.provenance, "inferred");
  assert.deepEqual(a.inheritedFrom, ["c-1"]);
  assert.equal(a.text, "on Sunday");
  assert.equal(dates.get("c-1"), c1.date, "a dated report keeps its own date");
});

test("undated reports cluster with the dated one and the event takes the agreed day", () => {
  const [a1, a2, b1, c1, c2] = embassyReports();
  const reports = [
    undated(a1, yearUnknown({ weekday: 0 }, "on Sunday")),
    undated(a2, yearUnknown({ weekday: 1 }, "early Monday")),
    undated(b1, yearUnknown({ weekday: 0 }, "on Sunday")),
    c1,
    c2,
  ];
  const events = resolveAll(reports, [], { rule: "conservative" });
  const shooting = events.find((e) => e.mentionIds.includes("a-1"))!;
  assert.deepEqual(shooting.mentionIds, ["a-1", "b-1", "c-1"]);
  assert.equal(shooting.record.date?.start, "2015-04-12");
  assert.equal(shooting.record.fields.date.provenance, "inferred");
  const bombing = events.find((e) => e.mentionIds.includes("a-2"))!;
  assert.deepEqual(bombing.mentionIds, ["a-2", "c-2"]);
  const claim = bombing.record.fields.date.claims.find((c) => c.mentionId === "a-2")!;
  assert.equal((claim.value as { start: string }).start, "2015-04-13");
});

test("a month and day without a year take the year nearest the anchor", () => {
  const [d1, e1] = hotelReports();
  const decemberReport = { ...e1, date: yearUnknown({ month: 12, day: 30 }, "December 30") };
  const dates = propagateDates([{ ...d1, date: day("2015-01-02") }, decemberReport]);
  assert.equal(dates.get("e-1")!.start, "2014-12-30");
  assert.equal(dates.get("e-1")!.precision, "day");
});

test("a report with no date at all inherits the event's date, and it is no vote of its own", () => {
  const [a1, , b1, c1] = embassyReports();
  const silent = { ...c1, id: "z-1", documentId: "z", date: null };
  const dates = propagateDates([a1, b1, silent]);
  assert.equal(dates.get("z-1")!.start, "2015-04-12");
  assert.deepEqual(dates.get("z-1")!.inheritedFrom, ["a-1", "b-1"]);
});

test("with no dated report, year-unknown dates stay as they are", () => {
  const [d1, e1] = hotelReports();
  const members = [undated(d1, yearUnknown({ month: 1, day: 28 }, "January 28")), undated(e1, yearUnknown({ month: 1 }, "January"))];
  const event = reconcile(members, "conservative");
  assert.equal(event.date?.start, null);
  assert.deepEqual(event.date?.partial, { month: 1, day: 28 });
  assert.match(event.summary, /^\?\?\?\?-01-28, Tripoli/);
});
