import { test } from "node:test";
import assert from "node:assert/strict";
import { placeByName } from "./helpers.js";

// The gazetteer's candidates for a name and their priors, before any context is read.

test("a name's candidates are ranked by prior: the most notable place, unless a country is asked for or preferred", () => {
  assert.equal(placeByName("Tripoli")!.country, "LY");
  assert.equal(placeByName("Tripoli", { country: "LB" })!.country, "LB");
  assert.equal(placeByName("Tripoli", { region: "LB" })!.country, "LB");
});

test("a name with a region's generic word finds the region, without it the town", () => {
  const department = placeByName("San Miguel Department", { country: "SV" })!;
  assert.equal(department.precision, "admin1");
  assert.equal(placeByName("San Miguel", { country: "SV" })!.precision, "city");
});

test("a country's name is a candidate at country precision", () => {
  const libya = placeByName("Libya")!;
  assert.equal(libya.precision, "country");
  assert.equal(libya.country, "LY");
});

test("an unknown name, or a country without the name, has no candidate", () => {
  assert.equal(placeByName("Zqarbatown"), null);
  assert.equal(placeByName("Tripoli", { country: "JP" }), null);
  assert.equal(placeByName(""), null);
});
