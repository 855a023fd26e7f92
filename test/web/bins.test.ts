import { test } from "node:test";
import assert from "node:assert/strict";
import { binDates, unitFor } from "../../src/web/bins.js";

test("a few weeks of events get a bar a day, empty days included", () => {
  const { unit, bins } = binDates(["2024-01-03", "2024-01-01", "2024-01-03"]);
  assert.equal(unit, "day");
  assert.deepEqual(bins, [
    { start: "2024-01-01", end: "2024-01-01", count: 1 },
    { start: "2024-01-02", end: "2024-01-02", count: 0 },
    { start: "2024-01-03", end: "2024-01-03", count: 2 },
  ]);
});

test("a few years get months; bins cover whole months", () => {
  const { unit, bins } = binDates(["2021-03-14", "2022-01-10", "2021-03-31"]);
  assert.equal(unit, "month");
  assert.equal(bins.length, 11);
  assert.deepEqual(bins[0], { start: "2021-03-01", end: "2021-03-31", count: 2 });
  assert.deepEqual(bins[bins.length - 1], { start: "2022-01-01", end: "2022-01-31", count: 1 });
  assert.equal(bins.reduce((n, b) => n + b.count, 0), 3);
});

test("decades get years", () => {
  assert.equal(unitFor("1989-01-01", "2024-06-01"), "year");
  const { unit, bins } = binDates(["1990-05-01", "2001-12-31", "1990-01-01"]);
  assert.equal(unit, "year");
  assert.equal(bins.length, 12);
  assert.deepEqual(bins[0], { start: "1990-01-01", end: "1990-12-31", count: 2 });
  assert.deepEqual(bins[1], { start: "1991-01-01", end: "1991-12-31", count: 0 });
  assert.deepEqual(bins[11], { start: "2001-01-01", end: "2001-12-31", count: 1 });
});

test("no dates, or only malformed ones, give no bins", () => {
  assert.deepEqual(binDates([]).bins, []);
  assert.deepEqual(binDates(["March 2021", ""]).bins, []);
});
