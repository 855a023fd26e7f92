import { test } from "node:test";
import assert from "node:assert/strict";
import { countryCentroid, countryName } from "../../src/geo/index.js";

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
