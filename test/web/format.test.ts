import { test } from "node:test";
import assert from "node:assert/strict";
import { formatCount, formatDate, formatPlace, formatValue, humanCode } from "../../src/web/format.js";
import { toQuery, emptyFilters } from "../../src/web/query.js";

test("unknown counts read as unknown, never 0; zero stays 0", () => {
  assert.equal(formatCount(null), "unknown");
  assert.equal(formatCount(undefined), "unknown");
  assert.equal(formatCount(0), "0");
});

test("dates say how they were obtained and show intervals", () => {
  assert.equal(formatDate({ start: "2021-03-14", end: "2021-03-14", precision: "day", text: "on Sunday", provenance: "stated" }), "2021-03-14");
  assert.equal(formatDate({ start: "2017-08-21", end: "2017-08-31", precision: "week", text: "in late August", provenance: "inferred" }), "2017-08-21 – 2017-08-31 (inferred)");
  assert.equal(formatDate({ start: null, end: null, precision: "day", text: "on Sunday", provenance: "inferred" }), "unknown year (“on Sunday”)");
  assert.equal(formatDate(null), "unknown date");
});

test("a defaulted place says it is a centroid", () => {
  const libya = { name: "Libya", country: "LY", admin1: null, lat: 27, lon: 17, geonameId: null, precision: "country" as const, provenance: "defaulted" as const };
  assert.equal(formatPlace(libya), "Libya, LY (country centroid)");
});

test("claim values of every shape read as words", () => {
  assert.equal(formatValue([{ name: "Islamic State", kind: "organization", text: "ISIS" }]), "Islamic State");
  assert.equal(formatValue([{ type: "FIREARMS", text: "rifles" }]), "FIREARMS (“rifles”)");
  assert.equal(formatValue({ value: 9, text: "risen to nine" }), "9 (“risen to nine”)");
  assert.equal(formatValue([]), "none");
  assert.equal(formatValue(true), "yes");
  assert.equal(humanCode("BOMBING_EXPLOSION"), "Bombing explosion");
});

test("the API query carries the filled filters, and leaves dates out for the timeline", () => {
  const state = { ...emptyFilters(), country: "LY", since: "2021-01-01", actor: " Boko Haram " };
  assert.equal(toQuery(state, { limit: 10 }).toString(), "country=LY&since=2021-01-01&actor=Boko+Haram&limit=10");
  assert.equal(toQuery(state, {}, false).toString(), "country=LY&actor=Boko+Haram");
});
