import assert from "node:assert/strict";
import { test } from "node:test";
import { prepareDocument } from "../../src/document/prepare.js";
import { annotate, extractDocument } from "../../src/extract/pipeline.js";

// Written for this test.
const BUDGET = "The finance ministry in Abuja presented the budget to parliament on Tuesday, officials said.";
const ATTACK = "Gunmen killed three farmers near Gwoza on Tuesday, police said.";

test("every layer is read when asked for, whether or not the text reports violence", () => {
  const a = annotate(prepareDocument({ id: "b", text: BUDGET, published: "2021-03-10" }));
  assert.equal(a.triggers.length, 0);
  assert.ok(a.places.some((p) => p.text === "Abuja"));
  assert.ok(a.dates.length > 0);
});

test("extraction stops at the triggers when there are none, and reports nothing", () => {
  const a = annotate(prepareDocument({ id: "b", text: BUDGET, published: "2021-03-10" }), {}, { eventsOnly: true });
  assert.deepEqual([a.triggers.length, a.places.length, a.dates.length], [0, 0, 0]);
  assert.deepEqual(extractDocument({ id: "b", text: BUDGET, published: "2021-03-10" }).mentions, []);
  const [attack] = extractDocument({ id: "a", text: ATTACK, published: "2021-03-10" }).mentions;
  assert.equal(attack?.killed?.value, 3);
});
