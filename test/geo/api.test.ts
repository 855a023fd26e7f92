import { test } from "node:test";
import assert from "node:assert/strict";
import { countryCentroid, countryName, placeByName } from "../../src/geo/index.js";

test("placeByName picks the most notable place, or the one of the country asked for", () => {
  assert.equal(placeByName("Tripoli")!.country, "LY");
  assert.equal(placeByName("Tripoli", { country: "LB" })!.country, "LB");
  assert.equal(placeByName("Tripoli", { region: "LB" })!.country, "LB");
});

test("placeByName reads a region's generic word as a region", () => {
  const department = placeByName("San Miguel Department", { country: "SV" })!;
  assert.equal(department.precision, "admin1");
  assert.equal(placeByName("San Miguel", { country: "SV" })!.precision, "city");
});

test("placeByName names a country at country precision", () => {
  const libya = placeByName("Libya")!;
  assert.equal(libya.precision, "country");
  assert.equal(libya.country, "LY");
});

test("placeByName returns null for an unknown name or a country without it", () => {
  assert.equal(placeByName("Zqarbatown"), null);
  assert.equal(placeByName("Tripoli", { country: "JP" }), null);
  assert.equal(placeByName(""), null);
});

test("countryName gives the English short name", () => {
  assert.equal(countryName("LY"), "Libya");
  assert.equal(countryName("kr"), "South Korea");
  assert.equal(countryName("XX"), null);
});

test("a country centroid used as a fallback says so", () => {
  const libya = countryCentroid("LY")!;
  assert.equal(libya.precision, "country");
  assert.equal(libya.provenance, "defaulted");
  assert.equal(libya.country, "LY");
  assert.ok(libya.lat !== null && libya.lon !== null);
  assert.equal(countryCentroid("XX"), null);
});
