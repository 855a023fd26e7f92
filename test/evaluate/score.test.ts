import { test } from "node:test";
import assert from "node:assert/strict";
import { score } from "../../src/evaluate/score.js";
import { gold, pred, town } from "./fixtures.js";

const where = { names: ["Market Town"], country: "NE", ...town };
const inTown = { name: "Market Town", country: "NE", ...town };

test("recall is over required gold events; a background event paired counts for precision, not for recall", () => {
  const gs = [gold({ location: where, killed: 2 }), gold({ id: "e2", location: where, killed: 9, required: false }), gold({ id: "e3", documentId: "d2", location: where })];
  const ps = [pred({ location: inTown, killed: { value: 2 } }), pred({ location: inTown, killed: { value: 9 } })];
  const s = score(gs, ps);
  assert.equal(s.requiredEvents, 2);
  assert.equal(s.eventRecall, 0.5);
  assert.equal(s.eventPrecision, 1);
  assert.equal(s.pairedPredictions, 2);
  assert.equal(s.eventF1, 2 / 3);
});

test("a missed event counts as wrong in each field its gold scores; field accuracy is the mean over fields", () => {
  const gs = [gold({ location: where, killed: 2 }), gold({ id: "e2", documentId: "d2", location: where })];
  const s = score(gs, [pred({ location: inTown, killed: { value: 5 } })]);
  assert.deepEqual(s.fields, { location: { right: 1, total: 2 }, killed: { right: 0, total: 1 } });
  assert.equal(s.fieldAccuracy, 0.25);
  assert.deepEqual(s.outcomes.map((o) => o.verdicts), [{ location: true, killed: false }, { location: false }]);
});

test("every prediction counts for precision, those of documents without gold events too", () => {
  const s = score([gold({ location: where })], [pred({ location: inTown }), pred({ documentId: "quiet", location: inTown })]);
  assert.equal(s.eventPrecision, 0.5);
  assert.deepEqual(s.unpaired.map((p) => p.documentId), ["quiet"]);
});

test("unpaired predictions of an unscored event type leave precision alone; paired ones still count", () => {
  const ps = [pred({ location: inTown, eventType: "BATTLES" }), pred({ eventType: "BATTLES" }), pred({ eventType: "RIOTS" })];
  const s = score([gold({ location: where })], ps, { unscoredTypes: ["BATTLES"] });
  assert.equal(s.scoredPredictions, 2);
  assert.equal(s.eventPrecision, 0.5);
  assert.deepEqual(s.unpaired.map((p) => p.eventType), ["RIOTS"]);
});

test("no gold events and no predictions give zeros, not NaN", () => {
  const s = score([], []);
  assert.deepEqual([s.fieldAccuracy, s.eventRecall, s.eventPrecision, s.eventF1], [0, 0, 0, 0]);
});
