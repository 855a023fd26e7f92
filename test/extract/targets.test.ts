import { test } from "node:test";
import assert from "node:assert/strict";
import { prepareDocument } from "../../src/document/prepare.js";
import { annotate } from "../../src/extract/pipeline.js";

const targetsOf = (text: string) => annotate(prepareDocument({ id: "t", text, published: "2021-03-10" })).targets;

test("the head of the phrase decides the type, with the nationality it names", () => {
  const [t] = targetsOf("Gunmen fired on the South Korean embassy.");
  assert.equal(t?.type, "GOVERNMENT_DIPLOMATIC");
  assert.deepEqual(t?.nationalities, ["KR"]);
  assert.deepEqual(targetsOf("A bomb damaged Morocco's embassy.")[0]?.nationalities, ["MA"]);
});

test("countries after 'of' are the target's nations", () => {
  const [t] = targetsOf("Attackers struck the embassies of Morocco and South Korea.");
  assert.deepEqual(t?.nationalities.sort(), ["KR", "MA"]);
});

test("lexicon heads: businesses, police, the military, worshippers", () => {
  const types = (text: string) => targetsOf(text).map((t) => t.type);
  assert.ok(types("The blast hit a petrol station.").includes("BUSINESS"));
  assert.ok(types("Militants attacked the police headquarters.").includes("POLICE"));
  assert.ok(types("Soldiers at a checkpoint were shot.").includes("MILITARY"));
  assert.ok(types("A bomber targeted worshippers at a mosque.").includes("RELIGIOUS_FIGURES_INSTITUTIONS"));
});

test("a head ending in -man or -men is listed in both forms: a policeman, servicemen, a cameraman", () => {
  const types = (text: string) => targetsOf(text).map((t) => t.type);
  assert.deepEqual(types("Gunmen shot a policeman on Sunday."), ["POLICE"]);
  assert.deepEqual(types("Two policemen were wounded by the blast."), ["POLICE"]);
  assert.deepEqual(types("A sniper shot two servicemen."), ["MILITARY"]);
  assert.deepEqual(types("Gunmen abducted a cameraman."), ["JOURNALISTS_MEDIA"]);
});

test("jawans, rangers and troopers are soldiers", () => {
  for (const text of ["Two jawans were killed in the blast.", "Militants ambushed a patrol of rangers.", "A trooper was wounded."]) {
    assert.equal(targetsOf(text).find((t) => t.type === "MILITARY")?.type, "MILITARY", text);
  }
});
