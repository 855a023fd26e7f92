import assert from "node:assert/strict";
import { test } from "node:test";
import type { Count, FieldClaim } from "../../src/model.js";
import { chooseCount } from "../../src/resolve/count-rule.js";
import { reconcile } from "../../src/resolve/reconcile.js";
import { embassyReports, hotelReports, libya, mention, tripoli } from "./fixtures.js";

const countClaim = (mentionId: string, published: string | null, value: number): FieldClaim<Count> => ({
  mentionId,
  documentId: mentionId,
  outlet: null,
  published,
  value: { value, text: String(value) },
});

test("killed: 9 in one report and 10 in another is a conflict listing both", () => {
  const event = reconcile(hotelReports(), "conservative");
  assert.ok(event.conflicts.includes("killed"));
  const said = event.fields.killed.claims.map((c) => [c.mentionId, (c.value as Count).value]);
  assert.deepEqual(said, [["d-1", 10], ["e-1", 9]]);
});

test("conservative takes the lowest figure, latest the most recently published one", () => {
  assert.equal(reconcile(hotelReports(), "conservative").killed, 9);
  const [early, late] = hotelReports();
  const corrected = { ...early, published: "2015-03-01" };
  assert.equal(reconcile([corrected, late], "latest").killed, 10);
  assert.equal(reconcile(hotelReports(), "latest").killed, 9);
  assert.equal(reconcile(hotelReports(), "latest").fields.killed.rule, "latest");
});

test("the perpetrators' own figure is left out of the headline, but kept as a claim", () => {
  const claims = [countClaim("m1", "2015-01-01", 4), countClaim("m2", "2015-01-05", 40)];
  assert.equal(chooseCount(claims, "latest", new Set(["m2"])).value, 4);
  assert.equal(chooseCount(claims, "conservative", new Set(["m1"])).value, 40);
  const onlyTheirs = chooseCount(claims.slice(1), "latest", new Set(["m2"]));
  assert.equal(onlyTheirs.value, 40);
  assert.match(onlyTheirs.rule, /perpetrators/);
});

test("a figure inside the claim's words is the perpetrators' own", () => {
  const boast = "The group said its fighters had killed fifty soldiers.";
  const theirs = mention("p-1", "p", {
    location: tripoli,
    claimed: true,
    claim: { by: "Islamic State", channel: null, text: boast },
    killed: { value: 50, text: "fifty soldiers" },
    published: "2015-05-02",
  });
  const police = mention("q-1", "q", { location: tripoli, killed: { value: 3, text: "three soldiers" }, published: "2015-05-01" });
  const event = reconcile([theirs, police], "latest");
  assert.equal(event.killed, 3);
  assert.equal(event.fields.killed.claims.length, 2);
});

test("unknown stays unknown: no figure, no headline", () => {
  const event = reconcile([mention("x-1", "x", { location: tripoli })], "conservative");
  assert.equal(event.killed, null);
  assert.equal(event.wounded, null);
  assert.deepEqual(event.fields.killed.claims, []);
});

test("0 is a figure: no one hurt beats an unknown count", () => {
  const [, a2, , , c2] = embassyReports();
  assert.equal(reconcile([a2, c2], "conservative").killed, 0);
});

test("dates go by agreement, then precision; disjoint days are a conflict", () => {
  const [a1, , b1, c1] = embassyReports();
  const event = reconcile([a1, b1, c1], "conservative");
  assert.equal(event.date?.start, "2015-04-12");
  assert.equal(event.fields.date.rule, "agreement");
  assert.ok(event.conflicts.includes("date"));
  const hotel = reconcile(hotelReports(), "conservative");
  assert.equal(hotel.date?.start, "2015-01-28", "the day inside the month, agreed by both");
  assert.ok(!hotel.conflicts.includes("date"));
});

test("places go by precision: the town over the country", () => {
  const [a1, , b1] = embassyReports();
  const vague = { ...b1, location: libya };
  const event = reconcile([vague, a1], "conservative");
  assert.equal(event.location?.name, "Tripoli");
  assert.equal(event.fields.location.claims.length, 2);
  assert.ok(!event.conflicts.includes("location"));
});

test("lists take every source's values; nothing in common is a conflict", () => {
  const hotel = reconcile(hotelReports(), "conservative");
  assert.deepEqual(hotel.attackTypes, ["ARMED_ASSAULT", "BOMBING_EXPLOSION"]);
  assert.ok(!hotel.conflicts.includes("attackTypes"));
  const [d1, e1] = hotelReports();
  const other = { ...e1, perpetrators: [{ name: "Ansar al-Sharia", kind: "organization" as const, text: "Ansar al-Sharia" }] };
  const disputed = reconcile([d1, other], "conservative");
  assert.ok(disputed.conflicts.includes("perpetrators"));
  assert.deepEqual(disputed.perpetrators.map((p) => p.name).sort(), ["Ansar al-Sharia", "Islamic State"]);
});

test("a claim by any source makes the event claimed; silence is no denial", () => {
  const [d1, e1] = hotelReports();
  const event = reconcile([d1, { ...e1, claimed: true }], "conservative");
  assert.equal(event.claimed, true);
  assert.ok(!event.conflicts.includes("claimed"));
});

test("every source is listed with its outlet, url, publication date and mention", () => {
  const event = reconcile(hotelReports(), "conservative");
  assert.deepEqual(event.sources, [
    { documentId: "d", mentionId: "d-1", outlet: "outlet of d", url: "https://example.org/d", published: "2015-02-03" },
    { documentId: "e", mentionId: "e-1", outlet: "outlet of e", url: "https://example.org/e", published: "2015-02-20" },
  ]);
});

test("the summary is one line with date, place, type, toll, sources and disputes", () => {
  const event = reconcile(hotelReports(), "conservative");
  assert.equal(event.summary, "2015-01-28, Tripoli (LY): ARMED_ASSAULT by Islamic State; 9 killed; 2 sources; disputed: killed");
});

test("UNKNOWN codes and unnamed attackers are no disagreement and yield to named values", () => {
  const [d1, e1] = hotelReports();
  const vague = {
    ...e1,
    attackTypes: ["UNKNOWN"],
    perpetrators: [{ name: "Unknown", kind: "unknown" as const, text: "gunmen" }],
    targets: [{ type: "BUSINESS", text: "the Corinthia hotel", nationality: "LY" }],
  };
  const event = reconcile([d1, vague], "conservative");
  assert.deepEqual(event.attackTypes, ["ARMED_ASSAULT", "BOMBING_EXPLOSION"]);
  assert.deepEqual(event.perpetrators.map((p) => p.name), ["Islamic State"]);
  for (const field of ["attackTypes", "perpetrators", "targets"]) assert.ok(!event.conflicts.includes(field), field);
  const unnamedOnly = reconcile([vague], "conservative");
  assert.deepEqual(unnamedOnly.attackTypes, ["UNKNOWN"]);
});
