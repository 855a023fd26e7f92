import { test } from "node:test";
import assert from "node:assert/strict";
import { prepareDocument } from "../../src/document/prepare.js";
import { annotate } from "../../src/extract/pipeline.js";

const weaponsOf = (text: string) => annotate(prepareDocument({ id: "t", text, published: "2021-03-10" })).weapons.map((w) => w.type);

test("instrument words give weapon types; a car bomb is explosives, not a vehicle", () => {
  assert.deepEqual(weaponsOf("They fired with machine guns."), ["FIREARMS"]);
  assert.deepEqual(weaponsOf("A car bomb went off."), ["EXPLOSIVES"]);
  assert.deepEqual(weaponsOf("A man rammed a truck into the crowd."), ["VEHICLE"]);
  assert.deepEqual(weaponsOf("The attacker was armed with a knife."), ["MELEE"]);
});
