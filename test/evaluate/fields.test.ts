import { test } from "node:test";
import assert from "node:assert/strict";
import { checks, dayBound } from "../../src/evaluate/fields.js";
import { far, gold, near, pred, town } from "./fixtures.js";

const place = (name: string, country: string, at?: { lat: number; lon: number }) => ({ name, country, lat: at?.lat ?? null, lon: at?.lon ?? null });

test("a field the gold leaves out is not scored", () => {
  for (const check of Object.values(checks)) assert.equal(check(gold(), pred({ killed: { value: 3 }, claimed: true })), null);
});

test("a date is right when the predicted interval lies inside the gold one; a month or a year is its whole span", () => {
  const march = gold({ date: { start: "2021-03-01", end: "2021-03-31" } });
  assert.equal(checks.date(march, pred({ date: { start: "2021-03-14", end: "2021-03-14" } })), true);
  assert.equal(checks.date(march, pred({ date: { start: "2021-03-14" } })), true, "a start alone is one day");
  assert.equal(checks.date(march, pred({ date: { start: "2021-03-28", end: "2021-04-02" } })), false);
  assert.equal(checks.date(gold({ date: { start: "2021", end: "2021" } }), pred({ date: { start: "2021-07", end: "2021-07" } })), true);
  assert.equal(checks.date(march, pred({ date: { start: null, end: null } })), false, "a year unknown is wrong");
  assert.equal(checks.date(march, pred()), false);
  const onOrBefore = gold({ date: { start: null, end: "2021-03-31" } });
  assert.equal(checks.date(onOrBefore, pred({ date: { start: "2019-01-05" } })), true);
  assert.equal(dayBound("2020-02", true), Date.UTC(2020, 1, 29));
});

test("a place is right within the gold radius (25 km unless it says) and in the gold country", () => {
  const g = gold({ location: { names: ["Market Town"], country: "NE", ...town } });
  assert.equal(checks.location(g, pred({ location: place("Suburb", "NE", near) })), true);
  assert.equal(checks.location(g, pred({ location: place("Next Town", "NE", far) })), false);
  assert.equal(checks.location({ ...g, location: { ...g.location!, radiusKm: 50 } }, pred({ location: place("Next Town", "NE", far) })), true);
  assert.equal(checks.location(g, pred({ location: place("Suburb", "TD", near) })), false, "another country");
  assert.equal(checks.location(g, pred()), false);
});

test("without coordinates a place is judged by its name, folded, or by the country when the gold names none", () => {
  const g = gold({ location: { names: ["Al-Suq al Kabir"], country: "LY" } });
  assert.equal(checks.location(g, pred({ location: place("Suq al-Kabir", "LY") })), true);
  assert.equal(checks.location(g, pred({ location: place("Suq al-Saghir", "LY") })), false);
  const anywhere = gold({ location: { names: [], country: "LY" } });
  assert.equal(checks.location(anywhere, pred({ location: place("Anywhere", "ly") })), true);
  assert.equal(checks.location(anywhere, pred({ location: place("Elsewhere", "TN") })), false);
});

test("attack, target and weapon codes are judged by the first one given", () => {
  const g = gold({ attackType: ["ARMED_ASSAULT"], targetType: ["POLICE"], weapon: ["FIREARMS"] });
  const right = pred({ attackTypes: ["ARMED_ASSAULT", "BOMBING_EXPLOSION"], targets: [{ type: "POLICE" }], weapons: [{ type: "FIREARMS" }, { type: "EXPLOSIVES" }] });
  const second = pred({ attackTypes: ["BOMBING_EXPLOSION", "ARMED_ASSAULT"], targets: [{ type: "BUSINESS" }, { type: "POLICE" }], weapons: [{ type: "EXPLOSIVES" }, { type: "FIREARMS" }] });
  for (const f of ["attackType", "targetType", "weapon"] as const) {
    assert.equal(checks[f](g, right), true, f);
    assert.equal(checks[f](g, second), false, f);
    assert.equal(checks[f](g, pred()), false, f);
  }
});

test("event and sub-event types must be one of the gold's", () => {
  const g = gold({ eventType: ["RIOTS", "PROTESTS"], subEventType: ["MOB_VIOLENCE"] });
  assert.equal(checks.eventType(g, pred({ eventType: "PROTESTS" })), true);
  assert.equal(checks.eventType(g, pred({ eventType: "BATTLES" })), false);
  assert.equal(checks.subEventType(g, pred({ subEventType: null })), false);
});

test("a perpetrator is right when any name or words given, or a part in brackets, is one of the gold's", () => {
  const g = gold({ perpetrators: ["Northern Hills Front", "NHF"] });
  assert.equal(checks.perpetrator(g, pred({ perpetrators: [{ name: "Unknown", text: "gunmen" }, { name: "the Northern Hills Front" }] })), true);
  assert.equal(checks.perpetrator(g, pred({ perpetrators: [{ name: "Northern Hills Front (NHF)" }] })), true);
  assert.equal(checks.perpetrator(g, pred({ perpetrators: [{ name: "Unknown", text: "the NHF's fighters" }] })), false);
  assert.equal(checks.perpetrator(g, pred()), false);
});

test("counts must equal the gold's; an implicit zero also accepts no count, a stated zero does not", () => {
  const g = gold({ killed: 4, wounded: 0 });
  assert.equal(checks.killed(g, pred({ killed: { value: 4 } })), true);
  assert.equal(checks.killed(g, pred({ killed: 4 })), true, "a bare number is read too");
  assert.equal(checks.killed(g, pred({ killed: { value: 5 } })), false);
  assert.equal(checks.wounded(g, pred()), false);
  assert.equal(checks.wounded({ ...g, woundedZero: "implicit" }, pred()), true);
  assert.equal(checks.wounded({ ...g, woundedZero: "implicit" }, pred({ wounded: { value: 0 } })), true);
  assert.equal(checks.wounded({ ...g, woundedZero: "implicit" }, pred({ wounded: { value: 2 } })), false);
});

test("claimed and suicide must be equal, an absent flag being false", () => {
  assert.equal(checks.claimed(gold({ claimed: false }), pred()), true);
  assert.equal(checks.claimed(gold({ claimed: true }), pred({ claimed: true })), true);
  assert.equal(checks.suicide(gold({ suicide: true }), pred({ suicide: false })), false);
});
