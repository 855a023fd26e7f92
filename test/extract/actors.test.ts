import { test } from "node:test";
import assert from "node:assert/strict";
import { prepareDocument } from "../../src/document/prepare.js";
import { annotate } from "../../src/extract/pipeline.js";

const actorsOf = (text: string) => annotate(prepareDocument({ id: "t", text, published: "2021-03-10" })).actors;

test("aliases of one group resolve to one canonical name", () => {
  for (const alias of ["ISIS", "ISIL", "Daesh", "the Islamic State of Iraq and the Levant", "soldiers of the caliphate"]) {
    const [a] = actorsOf(`Officials blamed ${alias} for the raid.`);
    assert.equal(a?.name, "Islamic State", alias);
    assert.equal(a?.kind, "organization");
  }
});

test("a province rolls up to its parent group", () => {
  const [a] = actorsOf("Wilayat Sinai said its fighters carried out the ambush.");
  assert.equal(a?.name, "Sinai Province of the Islamic State");
  assert.equal(a?.parent, "Islamic State");
});

test("IS counts only in its own case, and never in text written in capitals", () => {
  assert.equal(actorsOf("IS fighters ambushed a patrol near the border.")[0]?.name, "Islamic State");
  assert.deepEqual(actorsOf("The situation is calm, and the town is quiet."), []);
  assert.ok(!actorsOf("THE CITY IS QUIET AFTER THE CURFEW WAS LIFTED.").some((a) => a.name === "Islamic State"));
});

test("state forces take the country named next to them; unnamed attackers are unknown", () => {
  const state = actorsOf("Egyptian warplanes struck positions outside the city.").find((a) => a.kind === "state");
  assert.equal(state?.name, "Egypt");
  assert.equal(state?.text, "Egyptian warplanes");
  assert.equal(actorsOf("Unidentified gunmen fired at the car.")[0]?.kind, "unknown");
});

test("groups in capitals are found", () => {
  const names = actorsOf("THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] ATTACKED THE GARRISON.").map((a) => a.name);
  assert.ok(names.includes("Farabundo Marti National Liberation Front (FMLN)"));
});

test("an abbreviation that is also a word or a brand counts only as written, never in capitals", () => {
  assert.equal(actorsOf("KIA fighters clashed with government troops near the jade mines.")[0]?.name, "Kachin Independence Army (KIA)");
  assert.ok(!actorsOf("HE WAS LISTED AS KIA AFTER THE PATROL WAS AMBUSHED.").some((a) => a.kind === "organization"));
  assert.ok(!actorsOf("POLICE LET THE MARCHERS PASS BEFORE THE BOMB WENT OFF.").some((a) => a.kind === "organization"));
});

test("the insurgencies of South and South-East Asia go by their own names and abbreviations", () => {
  assert.equal(actorsOf("The TNLA said its troops had taken a hilltop post.")[0]?.name, "Ta'ang National Liberation Army (TNLA)");
  assert.ok(actorsOf("Police blamed Lashkar-e-Islam militants for the blast.").some((a) => a.name === "Lashkar-e-Islam (LeI)"));
});

test("a cartel named for its home state is the cartel, not that state's forces", () => {
  assert.deepEqual(actorsOf("Gunmen of the Sinaloa Cartel opened fire on a patrol.").map((a) => [a.name, a.kind]), [["Unknown", "unknown"], ["Sinaloa Cartel", "organization"]]);
});

test("a name that opens a bracket closes it too", () => {
  const [a] = actorsOf("CPI (Maoist) cadres torched two trucks at a road site on Tuesday.");
  assert.deepEqual([a?.name, a?.text], ["Communist Party of India - Maoist (CPI-Maoist)", "CPI (Maoist)"]);
});
