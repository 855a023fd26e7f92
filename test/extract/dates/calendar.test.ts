import { test } from "node:test";
import assert from "node:assert/strict";
import { addDays, isoDay, latestWeekday, parseIsoDay, weekStart } from "../../../src/extract/dates/calendar.js";

test("calendar days: ISO in and out, invalid days refused, arithmetic across months and years", () => {
  assert.deepEqual(parseIsoDay("2015-04-13T09:42:00+02:00"), { year: 2015, month: 4, day: 13 });
  assert.equal(parseIsoDay("2015-02-30"), null);
  assert.equal(parseIsoDay(undefined), null);
  assert.equal(isoDay(addDays({ year: 2015, month: 1, day: 1 }, -1)), "2014-12-31");
  assert.equal(isoDay(addDays({ year: 2016, month: 2, day: 28 }, 1)), "2016-02-29");
});

test("weeks run Monday to Sunday; the latest weekday includes the day itself", () => {
  assert.equal(isoDay(weekStart({ year: 2015, month: 4, day: 12 })), "2015-04-06");
  assert.equal(isoDay(weekStart({ year: 2015, month: 4, day: 13 })), "2015-04-13");
  assert.equal(isoDay(latestWeekday({ year: 2015, month: 4, day: 13 }, 1)), "2015-04-13");
  assert.equal(isoDay(latestWeekday({ year: 2015, month: 4, day: 13 }, 0)), "2015-04-12");
  assert.equal(isoDay(latestWeekday({ year: 2015, month: 4, day: 13 }, 2)), "2015-04-07");
});
