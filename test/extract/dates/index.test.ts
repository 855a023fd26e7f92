import { test } from "node:test";
import assert from "node:assert/strict";
import { activeCodebook } from "../../../src/codebook/load.js";
import { findDates } from "../../../src/extract/dates/index.js";
import { datesIn, docOf, onlyDate } from "./helpers.js";

// 13 April 2015 was a Monday.
const MONDAY = "2015-04-13";

test("a bare weekday is the last such day up to the publication day, never the next one", () => {
  assert.deepEqual(onlyDate("Gunmen opened fire on a checkpoint on Sunday.", MONDAY), ["2015-04-12", "2015-04-12", "day", "inferred"]);
  assert.deepEqual(onlyDate("The convoy was ambushed on Wednesday.", MONDAY), ["2015-04-08", "2015-04-08", "day", "inferred"]);
  assert.deepEqual(onlyDate("A roadside bomb struck a bus Friday night.", MONDAY), ["2015-04-10", "2015-04-10", "day", "inferred"]);
});

test("the publication day's own weekday is that same day, with or without early or a time of day", () => {
  assert.deepEqual(onlyDate("Militants stormed the depot on Monday.", MONDAY), ["2015-04-13", "2015-04-13", "day", "inferred"]);
  assert.deepEqual(onlyDate("A mortar hit the market early Monday morning.", MONDAY), ["2015-04-13", "2015-04-13", "day", "inferred"]);
});

test("a day and month without a year is the one just gone", () => {
  assert.deepEqual(onlyDate("The post was overrun on 23 August.", "2017-09-15"), ["2017-08-23", "2017-08-23", "day", "inferred"]);
  assert.deepEqual(onlyDate("The post was overrun on 23 August.", "2017-07-10"), ["2016-08-23", "2016-08-23", "day", "inferred"]);
  assert.deepEqual(onlyDate("Rebels shelled the port on March 25.", MONDAY), ["2015-03-25", "2015-03-25", "day", "inferred"]);
});

test("a month alone is the latest such month not after the publication day", () => {
  assert.deepEqual(onlyDate("Fighting resumed in January.", MONDAY), ["2015-01-01", "2015-01-31", "month", "inferred"]);
  assert.deepEqual(onlyDate("The group has grown since October.", MONDAY), ["2014-10-01", "2014-10-31", "month", "inferred"]);
  assert.deepEqual(onlyDate("Talks began in April.", MONDAY), ["2015-04-01", "2015-04-30", "month", "inferred"]);
});

test("early, mid and late narrow a month to its thirds, and a year likewise", () => {
  assert.deepEqual(onlyDate("In late August a car bomb hit the gate.", "2017-09-15"), ["2017-08-21", "2017-08-31", "month", "inferred"]);
  assert.deepEqual(onlyDate("Raids intensified in early August.", "2017-09-15"), ["2017-08-01", "2017-08-10", "month", "inferred"]);
  assert.deepEqual(onlyDate("In mid-November two car bombs exploded.", MONDAY), ["2014-11-11", "2014-11-20", "month", "inferred"]);
  assert.deepEqual(onlyDate("By late February the town had fallen.", MONDAY), ["2015-02-21", "2015-02-28", "month", "inferred"]);
  assert.deepEqual(onlyDate("The unit was formed in early 2014.", MONDAY), ["2014-01-01", "2014-04-30", "year", "stated"]);
  assert.deepEqual(onlyDate("Clashes flared late last year.", MONDAY), ["2014-09-01", "2014-12-31", "year", "inferred"]);
  assert.deepEqual(onlyDate("The siege was lifted at the end of last year.", MONDAY), ["2014-09-01", "2014-12-31", "year", "inferred"]);
});

test("the span of a narrowed month starts at the word that narrows it", () => {
  const [span] = datesIn("In mid-November two car bombs exploded.", MONDAY);
  assert.equal(span!.text, "mid-November");
});

test("relative words count back from the publication day", () => {
  assert.deepEqual(onlyDate("Police found the bodies yesterday.", MONDAY), ["2015-04-12", "2015-04-12", "day", "inferred"]);
  assert.deepEqual(onlyDate("Shots were heard last night.", MONDAY), ["2015-04-12", "2015-04-12", "day", "inferred"]);
  assert.deepEqual(onlyDate("Two depots burned last week.", MONDAY), ["2015-04-06", "2015-04-12", "week", "inferred"]);
  assert.deepEqual(onlyDate("Air strikes hit the port this week.", "2015-02-20"), ["2015-02-16", "2015-02-20", "week", "inferred"]);
  assert.deepEqual(onlyDate("The militia withdrew last month.", MONDAY), ["2015-03-01", "2015-03-31", "month", "inferred"]);
  assert.deepEqual(onlyDate("The militia withdrew last year.", MONDAY), ["2014-01-01", "2014-12-31", "year", "inferred"]);
  assert.deepEqual(onlyDate("The camp was raided three weeks ago.", MONDAY), ["2015-03-23", "2015-03-29", "week", "inferred"]);
  assert.deepEqual(onlyDate("The camp was raided a few days ago.", MONDAY), ["2015-04-06", "2015-04-12", "week", "inferred"]);
});

test("a month with 'last year', a month with its year, a season", () => {
  assert.deepEqual(onlyDate("He launched a campaign in May last year.", "2015-02-20"), ["2014-05-01", "2014-05-31", "month", "inferred"]);
  assert.deepEqual(onlyDate("The embassy was shelled in December 2014.", MONDAY), ["2014-12-01", "2014-12-31", "month", "stated"]);
  assert.deepEqual(onlyDate("January 2014 saw repeated attacks.", MONDAY), ["2014-01-01", "2014-01-31", "month", "stated"]);
  assert.deepEqual(onlyDate("The cabinet fled the capital last summer.", MONDAY), ["2014-06-01", "2014-08-31", "month", "inferred"]);
  assert.deepEqual(onlyDate("The cabinet fled the capital last summer.", "2017-09-15"), ["2017-06-01", "2017-08-31", "month", "inferred"]);
});

test("a full date is stated; a bare year after a preposition is a year", () => {
  assert.deepEqual(onlyDate("Gunmen stormed a hotel on 28 January 2015.", MONDAY), ["2015-01-28", "2015-01-28", "day", "stated"]);
  assert.deepEqual(onlyDate("The region has been unstable since the revolt in 2011.", MONDAY), ["2011-01-01", "2011-12-31", "year", "stated"]);
  assert.deepEqual(onlyDate("It grew out of a 2011 uprising.", MONDAY), ["2011-01-01", "2011-12-31", "year", "stated"]);
});

test("a clock time keeps the day it is attached to and is no date alone", () => {
  assert.deepEqual(onlyDate("The shooting began at 1:20 a.m. on Sunday.", MONDAY), ["2015-04-12", "2015-04-12", "day", "inferred"]);
  assert.deepEqual(datesIn("Shots rang out at around 1:20 a.m. near the gate.", MONDAY), []);
});

test("durations, ages, numbers and lower-case verbs are not dates", () => {
  for (const text of [
    "Guards kept up 24-hour security at the gate.",
    "The group held the town for three years.",
    "A 25-year-old man was detained.",
    "The talks may resume.",
    "Students joined a protest march.",
    "Attacks have doubled over the last 10 years.",
    "In recent months the militia has grown.",
    "The brigade lost 2000 soldiers.",
    "It came a day after the vote.",
  ]) {
    assert.deepEqual(datesIn(text, MONDAY), [], text);
  }
});

test("'the previous day' and 'two days later' count from the date told just before", () => {
  const spans = datesIn("Gunmen stormed a hotel on 28 January 2015. The previous day police had warned of a plot, and two days later a second raid followed.", MONDAY);
  assert.deepEqual(
    spans.map((s) => [s.text, s.value.start]),
    [
      ["28 January 2015", "2015-01-28"],
      ["The previous day", "2015-01-27"],
      ["two days later", "2015-01-29"],
    ],
  );
});

test("without a publication date, absolute dates resolve and relative ones keep their year unknown", () => {
  assert.deepEqual(onlyDate("Gunmen stormed a hotel on 28 January 2015."), ["2015-01-28", "2015-01-28", "day", "stated"]);
  const [sunday] = datesIn("Gunmen fired on the embassy on Sunday.");
  assert.deepEqual(sunday!.value, { start: null, end: null, precision: "day", text: "Sunday", provenance: "inferred", partial: { weekday: 0 } });
  const [august] = datesIn("The post was overrun on 23 August.");
  assert.deepEqual(august!.value.partial, { month: 8, day: 23 });
  assert.equal(august!.value.start, null);
  const [yesterday] = datesIn("Police found the bodies yesterday.");
  assert.deepEqual([yesterday!.value.start, yesterday!.value.partial], [null, {}]);
});

test("without a publication date, a day or month without a year is in the one year the text names", () => {
  const spans = datesIn("Rebels have attacked the district often in 2016. On 23 August they burned the market, and in October a school.");
  assert.deepEqual(
    spans.map((s) => [s.text, s.value.start, s.value.end]),
    [
      ["2016", "2016-01-01", "2016-12-31"],
      ["23 August", "2016-08-23", "2016-08-23"],
      ["October", "2016-10-01", "2016-10-31"],
    ],
  );
  const august = datesIn("The 2015 truce failed in 2016. On 23 August the rebels burned the market.").find((s) => s.text === "23 August");
  assert.deepEqual([august!.value.start, august!.value.partial], [null, { month: 8, day: 23 }]);
});

test("all-capitals wire text reads like any other", () => {
  const text = "THE KIDNAPPING TOOK PLACE ON 30 DECEMBER. YESTERDAY TROOPS CLASHED, AND LAST NIGHT A BRIDGE WAS BOMBED. TODAY THE ARMY REPORTED ON 12 JAN 90 FIGURES.";
  const spans = datesIn(text, "1990-01-03");
  assert.deepEqual(
    spans.map((s) => [s.text, s.value.start, s.value.provenance]),
    [
      ["30 DECEMBER", "1989-12-30", "inferred"],
      ["YESTERDAY", "1990-01-02", "inferred"],
      ["LAST NIGHT", "1990-01-02", "inferred"],
      ["TODAY", "1990-01-03", "inferred"],
      ["12 JAN 90", "1990-01-12", "stated"],
    ],
  );
});

test("spans point into the text and name their sentence", () => {
  const text = "The council met on Tuesday. A bomb exploded on Sunday.";
  const doc = docOf(text, MONDAY);
  const spans = findDates(doc, [
    { index: 0, start: 0, end: 27, text: text.slice(0, 27) },
    { index: 1, start: 28, end: text.length, text: text.slice(28) },
  ], doc.published, activeCodebook());
  assert.deepEqual(
    spans.map((s) => [s.text, s.sentence, text.slice(s.start, s.end)]),
    [
      ["Tuesday", 0, "Tuesday"],
      ["Sunday", 1, "Sunday"],
    ],
  );
});

test("'the night of 12 April' is 12 April", () => {
  assert.deepEqual(onlyDate("The raid came on the night of 12 April.", MONDAY), ["2015-04-12", "2015-04-12", "day", "inferred"]);
});

test("a day and month written with a slash is the reading just gone, whichever comes first", () => {
  // Day first (12 April) and month first (4 December of the year before): the later one not after the report.
  assert.deepEqual(onlyDate("Two bombs went off near the depot (12/04).", MONDAY), ["2015-04-12", "2015-04-12", "day", "inferred"]);
  assert.deepEqual(onlyDate("Two bombs went off near the depot on 4/12.", MONDAY), ["2015-04-12", "2015-04-12", "day", "inferred"]);
  assert.deepEqual(onlyDate("Two bombs went off near the depot (25/03).", MONDAY), ["2015-03-25", "2015-03-25", "day", "inferred"]);
  assert.deepEqual(onlyDate("The depot was hit on 03/14/2011.", MONDAY), ["2011-03-14", "2011-03-14", "day", "stated"]);
});

test("minutes or hours ago is the report's day; a weekday with a time of day is that weekday", () => {
  assert.deepEqual(onlyDate("A bomb exploded a few minutes ago in the square.", MONDAY), ["2015-04-13", "2015-04-13", "day", "inferred"]);
  assert.deepEqual(onlyDate("The blast took place at Saturday noon.", MONDAY), ["2015-04-11", "2015-04-11", "day", "inferred"]);
  assert.equal(datesIn("The curfew holds until now, at noon.", MONDAY).length, 0);
});
