import assert from "node:assert/strict";
import { test } from "node:test";
import { describeEvent } from "../../src/resolve/describe.js";
import { reconcile } from "../../src/resolve/reconcile.js";
import { embassyReports, hotelReports, yearUnknown } from "./fixtures.js";

test("an event reads as its summary, its sources, and who said what where they disagree", () => {
  const text = describeEvent(reconcile(hotelReports(), "conservative"));
  const lines = text.split("\n");
  assert.match(lines[0], /^ev-d-1 {2}2015-01-28, Tripoli \(LY\)/);
  assert.match(text, /2015-02-03 {2}outlet of d {2}https:\/\/example.org\/d {2}\(mention d-1\)/);
  assert.match(text, /killed disputed, chosen by conservative: 9/);
  assert.match(text, /d-1 \(outlet of d, 2015-02-03\): 10 \("ten people"\)/);
  assert.doesNotMatch(text, /location disputed/);
});

test("a date taken from other reports says so", () => {
  const [a1, , b1, c1] = embassyReports();
  const text = describeEvent(reconcile([{ ...a1, date: yearUnknown({ weekday: 0 }, "on Sunday") }, b1, c1], "conservative"));
  assert.match(text, /date disputed, chosen by agreement: 2015-04-12 \("on Sunday"\)\n/);
  assert.match(text, /a-1 \(outlet of a, 2015-04-13\): 2015-04-12 \("on Sunday", inferred from b-1\)/);
});
