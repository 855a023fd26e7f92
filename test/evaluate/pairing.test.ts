import { test } from "node:test";
import assert from "node:assert/strict";
import { affinity, pairDocument } from "../../src/evaluate/pairing.js";
import { far, gold, pred, town } from "./fixtures.js";

const inTown = { name: "Market Town", country: "NE", ...town };
const elsewhere = { name: "Next Town", country: "NE", ...far };
const g = gold({ date: { start: "2021-03-14", end: "2021-03-14" }, location: { names: ["Market Town"], country: "NE", ...town }, attackType: ["BOMBING_EXPLOSION"], killed: 3 });

test("place and date weigh two each, any agreeing attack or target code, the count and the perpetrator one", () => {
  assert.equal(affinity(g, pred({ location: inTown, date: { start: "2021-03-14" } })), 4);
  assert.equal(affinity(g, pred({ attackTypes: ["ARMED_ASSAULT", "BOMBING_EXPLOSION"], killed: { value: 3 } })), 2);
});

test("a place or a date given and wrong weighs against; one not given does not", () => {
  assert.equal(affinity(g, pred({ location: elsewhere, date: { start: "2021-02-01" }, killed: { value: 3 } })), -1);
  assert.equal(affinity(g, pred({ killed: { value: 3 } })), 1);
});

test("each gold event takes the prediction that agrees best, each prediction used once; too little agreement pairs nothing", () => {
  const bombing = g;
  const shooting = gold({ id: "e2", location: { names: ["Next Town"], country: "NE", ...far }, attackType: ["ARMED_ASSAULT"] });
  const ps = [pred({ location: elsewhere, attackTypes: ["ARMED_ASSAULT"] }), pred({ location: inTown, date: { start: "2021-03-14" } }), pred({ attackTypes: ["HIJACKING"] })];
  assert.deepEqual(pairDocument([bombing, shooting], ps), [1, 0]);
  assert.deepEqual(pairDocument([bombing], [pred({ attackTypes: ["HIJACKING"] })]), [-1]);
});

test("on a tie the required gold event takes the prediction", () => {
  const background = { ...g, id: "e0", required: false };
  assert.deepEqual(pairDocument([background, g], [pred({ location: inTown })]), [-1, 0]);
});
