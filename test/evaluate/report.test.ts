import { test } from "node:test";
import assert from "node:assert/strict";
import { errorsText, figuresText, scoreJson } from "../../src/evaluate/report.js";
import { score } from "../../src/evaluate/score.js";
import { gold, pred, town } from "./fixtures.js";

const where = { names: ["Market Town"], country: "NE", ...town };
const sentence = "Gunmen raided the Market Town police post on Sunday, killing five officers.";
const mention = pred({
  id: "d1#1",
  location: { name: "Market Town", country: "NE", ...town },
  attackTypes: ["ARMED_ASSAULT"],
  killed: { value: 5 },
  sentence,
  evidence: [{ field: "killed", text: "killing five officers" }],
});
const s = score(
  [gold({ location: where, killed: 4, attackType: ["ARMED_ASSAULT"] }), gold({ id: "e2", documentId: "d2", line: 2, location: where, attackType: ["HIJACKING"] })],
  [mention, pred({ documentId: "d3", id: "d3#1", attackTypes: ["BOMBING_EXPLOSION"], sentence: "A bomb went off at a bus stop." })],
);

test("the figures: counts, a row for each field scored, and the summary line", () => {
  const lines = figuresText(s);
  assert.match(lines[0]!, /required gold events 2 \(of 2\) · predictions 2, 2 scored, 1 paired/);
  assert.ok(lines.some((l) => /^killed\s+0\.0 %\s+0\/1$/.test(l)), lines.join("\n"));
  assert.ok(lines.some((l) => /^location\s+50\.0 %\s+1\/2$/.test(l)));
  assert.ok(!lines.some((l) => l.startsWith("weapon")), "a field the gold never scores has no row");
  assert.equal(lines.at(-1), "fieldAccuracy=0.333 eventRecall=0.500 eventPrecision=0.500 eventF1=0.500");
});

test("each error with the words it came from: a wrong field with its evidence and sentence, a miss, an unpaired mention", () => {
  const text = errorsText(s).join("\n");
  assert.match(text, /killed\s+gold 4; predicted 5 {2}from "killing five officers"/);
  assert.ok(text.includes(`sentence: "${sentence}"`));
  assert.match(text, /Missed gold events \(1\):\n {2}d2 e2 \(gold line 2\): Market Town \(NE\) within 25 km · HIJACKING/);
  assert.match(text, /d3 d3#1 BOMBING_EXPLOSION: "A bomb went off at a bus stop\."/);
});

test("a limit shows the worst errors and says how many there are", () => {
  const many = score(
    [1, 2, 3].map((n) => gold({ id: `e${n}`, location: where, killed: n, wounded: n })),
    [pred({ location: { name: "Market Town", country: "NE", ...town }, killed: { value: 1 } }), ...[2, 3].map(() => pred({ location: { name: "Market Town", country: "NE", ...town } }))],
  );
  const text = errorsText(many, 2).join("\n");
  assert.match(text, /Events with wrong fields \(3, the worst 2 shown\)/);
  assert.equal(text.match(/~ mention/g)?.length, 2);
  assert.ok(!text.includes("e1 (gold line"), "the event with one wrong field is not among the worst two");
});

test("the JSON holds the figures, per-field tallies with accuracy, and every error", () => {
  const json = scoreJson(s) as Record<string, unknown>;
  assert.equal(json.eventRecall, 0.5);
  assert.deepEqual((json.fields as Record<string, unknown>).killed, { right: 0, total: 1, accuracy: 0 });
  assert.deepEqual(json.disagreements, [
    { documentId: "d1", goldId: "e1", goldLine: 1, mentionId: "d1#1", field: "killed", gold: "4", predicted: "5", evidence: "killing five officers", sentence },
  ]);
  assert.equal((json.missed as unknown[]).length, 1);
  assert.equal((json.unpaired as unknown[]).length, 1);
});
