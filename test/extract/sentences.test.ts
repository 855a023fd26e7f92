import assert from "node:assert/strict";
import { test } from "node:test";
import { activeCodebook } from "../../src/codebook/load.js";
import { splitSentences } from "../../src/extract/sentences.js";

function split(text: string): string[] {
  return splitSentences({ id: "t", text, clean: text }, activeCodebook()).map((s) => s.text);
}

test("a full stop and a capital end a sentence; abbreviations and initials do not", () => {
  assert.deepEqual(split("Gunmen shot two guards. Police said the attackers fled."), ["Gunmen shot two guards.", "Police said the attackers fled."]);
  assert.deepEqual(split("Gen. Ortiz met J. Smith at the border."), ["Gen. Ortiz met J. Smith at the border."]);
});

test("a run of marks ends a sentence once; a page of them is split in linear time", { timeout: 20_000 }, () => {
  assert.deepEqual(split("He waited.... Then the shooting began!!! Nobody moved."), ["He waited....", "Then the shooting began!!!", "Nobody moved."]);
  // 100,000 full stops took 37 s when every mark of a run was tried as the start of a match.
  assert.deepEqual(split(`${".".repeat(100_000)} Police said.`), [`${".".repeat(100_000)}`, "Police said."]);
});

test("sentences glued without a space after the full stop are split", () => {
  assert.deepEqual(split("Four guards were wounded.Police said the bomb was hidden in a cart."), [
    "Four guards were wounded.",
    "Police said the bomb was hidden in a cart.",
  ]);
});

test("a glued full stop inside a decimal, an address, initials or an abbreviation does not split", () => {
  assert.deepEqual(split("The blast measured 3.5 on the scale."), ["The blast measured 3.5 on the scale."]);
  assert.deepEqual(split("Read it at www.Example.com today."), ["Read it at www.Example.com today."]);
  assert.deepEqual(split("See news.Portal.org for the list."), ["See news.Portal.org for the list."]);
  assert.deepEqual(split("The novel by J.R.Tolkien sold well."), ["The novel by J.R.Tolkien sold well."]);
  assert.deepEqual(split("They met Gen.Ortiz at the camp."), ["They met Gen.Ortiz at the camp."]);
});

test("a month's short form with a full stop ends no sentence (the months are dates.yaml's)", () => {
  assert.deepEqual(split("The strike came on Sept. 5 after talks failed."), ["The strike came on Sept. 5 after talks failed."]);
  assert.deepEqual(split("Talks resumed in May. Police said the road was open."), ["Talks resumed in May.", "Police said the road was open."]);
});

test("hard-wrapped copy of short paragraphs ends sentences at full stops, not at its wrapped lines", () => {
  const text = [
    "QUITO, 9 JAN 90 -- [TEXT] THE INTERIOR MINISTRY ISSUED THIS COMMUNIQUE:",
    "",
    "   1. EARLY THIS MORNING A GROUP OF ARMED MEN OPENED FIRE ON THE CAR",
    "OF A RETIRED ARMY GENERAL NEAR HIS HOME.",
    "",
    "   2. THE GENERAL WAS TAKEN TO THE MILITARY HOSPITAL, WHERE HE DIED",
    "LATER IN THE DAY.",
  ].join("\n");
  const sentences = split(text);
  assert.ok(sentences.some((s) => s.includes("OPENED FIRE ON THE CAR\nOF A RETIRED ARMY GENERAL")), JSON.stringify(sentences));
  assert.ok(sentences.some((s) => s.includes("WHERE HE DIED\nLATER IN THE DAY.")), JSON.stringify(sentences));
});
