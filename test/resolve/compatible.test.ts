import assert from "node:assert/strict";
import { test } from "node:test";
import { dateAgreement, linkScore, placeAgreement } from "../../src/resolve/compatible.js";
import { features } from "../../src/resolve/features.js";
import { day, embassyReports, libya, mention, misrata, place, tajura, tripoli, yearUnknown } from "./fixtures.js";

const dated = (id: string, iso: string) => features(mention(id, id, { date: day(iso) }));

test("reports a day apart agree on the date, two days apart do not", () => {
  assert.equal(dateAgreement(dated("a", "2015-04-12"), dated("b", "2015-04-12")), 2);
  assert.ok(dateAgreement(dated("a", "2015-04-12"), dated("b", "2015-04-13"))! > 0);
  assert.equal(dateAgreement(dated("a", "2015-04-12"), dated("b", "2015-04-14")), null);
});

test("a month-precision date agrees with a day inside it, more weakly than the same day", () => {
  const january = features(mention("m", "m", { date: { start: "2015-01-01", end: "2015-01-31", precision: "month", text: "January", provenance: "stated" } }));
  const inside = dateAgreement(january, dated("d", "2015-01-28"))!;
  assert.ok(inside > 0 && inside < 2);
  assert.equal(dateAgreement(january, dated("d", "2015-03-02")), null);
});

test("a year-unknown weekday fits a date within a day of it", () => {
  const sunday = features(mention("s", "s", { date: yearUnknown({ weekday: 0 }, "on Sunday") }));
  const wednesday = features(mention("w", "w", { date: yearUnknown({ weekday: 3 }, "on Wednesday") }));
  const monday13 = dated("m", "2015-04-13");
  assert.ok(dateAgreement(sunday, monday13)! > 0);
  assert.equal(dateAgreement(wednesday, monday13), null);
});

test("year-unknown dates agree when their months match and their days are close", () => {
  const jan28 = features(mention("x", "x", { date: yearUnknown({ month: 1, day: 28 }, "January 28") }));
  const january = features(mention("y", "y", { date: yearUnknown({ month: 1 }, "January") }));
  const march = features(mention("z", "z", { date: yearUnknown({ month: 3 }, "March") }));
  assert.ok(dateAgreement(jan28, january)! > 0);
  assert.equal(dateAgreement(jan28, march), null);
});

test("a missing date is neither agreement nor contradiction", () => {
  assert.equal(dateAgreement(features(mention("x", "x")), dated("y", "2015-04-12")), 0);
});

test("places: same town, a district of it, a town within the radius, a town beyond it", () => {
  assert.equal(placeAgreement(tripoli, tripoli), 2);
  assert.equal(placeAgreement(tripoli, place("A district 5 km east", 32.8872, 13.245, 1)), 2);
  assert.equal(placeAgreement(tripoli, tajura), 1);
  assert.equal(placeAgreement(tripoli, misrata), null);
});

test("a country is compatible with a town in it; another country is not", () => {
  assert.ok(placeAgreement(libya, tripoli)! > 0);
  assert.equal(placeAgreement(tripoli, place("Tunis", 36.8, 10.18, 2464470, "TN")), null);
  assert.equal(placeAgreement(null, tripoli), 0);
});

test("admin1 places agree with a place of the same region and rule out another", () => {
  const region = (admin1: string, precision: "admin1" | "city") => ({ ...tripoli, admin1, precision, geonameId: null });
  assert.ok(placeAgreement(region("34", "admin1"), region("34", "city"))! > 0);
  assert.equal(placeAgreement(region("34", "admin1"), region("12", "city")), null);
});

test("reports of one shooting link; the bombing of another embassy the next night does not", () => {
  const [a1, a2, b1, c1] = embassyReports().map(features);
  assert.ok(linkScore(a1, b1) !== null);
  assert.ok(linkScore(b1, c1) !== null);
  assert.equal(linkScore(b1, a2), null, "different target nationality and attack type");
  assert.equal(linkScore(a1, a2), null, "one document's mentions are distinct events");
});

test("no link on nothing: neither date nor place known", () => {
  const x = features(mention("x", "x", { sentence: "Militants attacked a checkpoint and killed four soldiers." }));
  const y = features(mention("y", "y", { sentence: "Militants attacked a checkpoint and killed four soldiers." }));
  assert.equal(linkScore(x, y), null);
});

test("a year-unknown report needs a place to link", () => {
  const [, , b1] = embassyReports();
  const undatedNoPlace = mention("u", "u", { ...b1, id: "u", documentId: "u", location: null, date: yearUnknown({ weekday: 0 }, "Sunday") });
  const undatedTripoli = mention("v", "v", { ...b1, id: "v", documentId: "v", date: yearUnknown({ weekday: 0 }, "Sunday") });
  assert.equal(linkScore(features(b1), features(undatedNoPlace)), null);
  assert.ok(linkScore(features(b1), features(undatedTripoli)) !== null);
});

test("the link score does not depend on argument order", () => {
  const [a1, , b1, c1] = embassyReports().map(features);
  assert.equal(linkScore(a1, c1), linkScore(c1, a1));
  assert.equal(linkScore(b1, c1), linkScore(c1, b1));
});

test("the nationality of guards says nothing against the nationality of the embassy they guard", () => {
  const [a1, , b1] = embassyReports();
  const guards = { ...b1, targets: [{ type: "POLICE", text: "Libyan police guards", nationality: "LY" }] };
  assert.ok(linkScore(features(a1), features(guards)) !== null);
});

test("an unnamed attacker neither agrees nor disagrees with a named one", () => {
  const [a1, , b1] = embassyReports();
  const unnamed = { ...b1, perpetrators: [{ name: "Unknown", kind: "unknown" as const, text: "gunmen" }] };
  const absent = { ...b1, perpetrators: [] };
  assert.equal(linkScore(features(a1), features(unnamed)), linkScore(features(a1), features(absent)));
});

test("a bare weekday says nothing beside a month-long date", () => {
  const sunday = features(mention("s", "s", { date: yearUnknown({ weekday: 0 }, "on Sunday") }));
  const january = features(mention("m", "m", { date: { start: "2014-01-01", end: "2014-01-31", precision: "month", text: "January 2014", provenance: "stated" } }));
  assert.equal(dateAgreement(sunday, january), 0);
});

test("a country and no date is not enough to link, however alike the rest", () => {
  const [a1] = embassyReports();
  const vague = { ...a1, id: "v-1", documentId: "v", date: null, location: libya };
  const undated = { ...a1, id: "w-1", documentId: "w", date: null };
  assert.equal(linkScore(features(vague), features(undated)), null);
});
