import { test } from "node:test";
import assert from "node:assert/strict";
import { toIsoDay } from "../../src/document/isoDate.js";

test("ISO dates and date-times give the day written in them", () => {
  assert.equal(toIsoDay("2015-04-13"), "2015-04-13");
  assert.equal(toIsoDay("2015-04-13T23:30:00-05:00"), "2015-04-13");
  assert.equal(toIsoDay(" 2015-04-13 09:42 "), "2015-04-13");
});

test("RFC 822 dates of feeds give the publisher's day", () => {
  assert.equal(toIsoDay("Mon, 13 Apr 2015 09:42:00 GMT"), "2015-04-13");
  assert.equal(toIsoDay("Mon, 13 Apr 2015 01:00:00 +0200"), "2015-04-13");
  assert.equal(toIsoDay("Sun, 12 Apr 2015 23:00:00 -0500"), "2015-04-12");
  assert.equal(toIsoDay("April 13, 2015"), "2015-04-13");
});

test("what is not a date gives nothing", () => {
  for (const value of ["", "yesterday", "5", "2015-02-30", "2015-13-01"]) assert.equal(toIsoDay(value), undefined, value);
});
