import { test } from "node:test";
import assert from "node:assert/strict";
import { prepareDocument } from "../../src/document/prepare.js";
import { annotate, extractDocument } from "../../src/extract/pipeline.js";

// Groups invented for these tests: no list holds them, so only the shape of their names tells.
const actorsOf = (text: string) => annotate(prepareDocument({ id: "t", text, published: "2021-03-10" })).actors;
const names = (text: string) => actorsOf(text).map((a) => [a.name, a.kind]);

test("a group no list holds is found by how its name is made, with its abbreviation", () => {
  assert.deepEqual(names("Cadres of the Velan Hills Liberation Front (VHLF) ambushed a bus on Monday."), [["Velan Hills Liberation Front (VHLF)", "organization"]]);
  assert.deepEqual(names("The Martyr Osei Urban Front said it burned the depot."), [["Martyr Osei Urban Front", "organization"]]);
});

test("a gang goes by its own name too", () => {
  assert.deepEqual(names("The Los Pinos gang was blamed for the shooting at the bus stop."), [["Los Pinos gang", "organization"]]);
});

test("in capitals, where case says nothing, the name stops at function words and must name a cause", () => {
  assert.deepEqual(names("A BOMB WAS PLANTED BY THE TUMARA PATRIOTIC LIBERATION ARMED FORCES IN THE CAPITAL."), [["Tumara Patriotic Liberation Armed Forces", "organization"]]);
  // A description, not a name: one word before the head, or no word of a cause.
  assert.ok(!actorsOf("GUERRILLA FORCES ATTACKED THE TOWN.").some((a) => a.kind === "organization"));
  assert.ok(!actorsOf("THE RIVERSIDE FOOTBALL ALLIANCE MET IN THE CAPITAL.").some((a) => a.kind === "organization"));
});

test("a listed group inside a longer name is another group; words before a listed name in capitals are not", () => {
  const longer = names("Suspected members of the Oruma National Liberation Army killed a teacher.");
  assert.deepEqual(longer, [["Oruma National Liberation Army", "organization"]]);
  const described = actorsOf("TWO FARABUNDO MARTI NATIONAL LIBERATION FRONT COLUMNS ATTACKED THE GARRISON.").map((a) => a.name);
  assert.deepEqual(described, ["Farabundo Marti National Liberation Front (FMLN)"]);
});

test("a country's force or a numbered unit is not a group", () => {
  assert.ok(!actorsOf("Pakistan Army soldiers shelled a village.").some((a) => a.kind === "organization"));
  assert.ok(!actorsOf("The 14th Brigade shelled a village.").some((a) => a.kind === "organization"));
  assert.ok(!actorsOf("Syrian Government Forces bombed a market.").some((a) => a.kind === "organization"));
});

test("an attack whose sentences name no group takes the one the next sentence names", () => {
  const [m] = extractDocument({
    id: "t",
    published: "2021-03-10",
    text: "A bomb exploded outside the ministry in the capital last night. A group calling itself the Tumara Patriotic Liberation Front sent messages to the press.",
  }).mentions;
  assert.equal(m?.perpetrators[0]?.name, "Tumara Patriotic Liberation Front");
});
