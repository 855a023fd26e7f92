import assert from "node:assert/strict";
import { test } from "node:test";
import { dayNumber, isoDay, monthEnd, weekdayOf } from "../../src/resolve/days.js";

test("weekdays count from a known day, before and after 1970", () => {
  assert.equal(weekdayOf(dayNumber("2015-04-12")!), 0);
  assert.equal(weekdayOf(dayNumber("1969-12-31")!), 3);
});

test("day numbers read the date part of a date-time and refuse what is not a date", () => {
  assert.equal(isoDay(dayNumber("2015-04-13T09:42:00Z")!), "2015-04-13");
  assert.equal(dayNumber("13 April 2015"), null);
  assert.equal(isoDay(monthEnd(2016, 2)), "2016-02-29");
});
