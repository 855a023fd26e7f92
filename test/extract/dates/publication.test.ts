import { test } from "node:test";
import assert from "node:assert/strict";
import { activeCodebook } from "../../../src/codebook/load.js";
import { findPublicationDate as findIn } from "../../../src/extract/dates/index.js";

const findPublicationDate = (text: string) => findIn(text, activeCodebook());

test("a date line under the headline is the publication date, with its offsets", () => {
  const text = "Rebels seize border post\nMarch 2, 2016, 10:15 am\n\nRebels seized a border post on Tuesday.";
  const found = findPublicationDate(text);
  assert.deepEqual(found, { date: "2016-03-02", start: 25, end: 38 });
  assert.equal(text.slice(found!.start, found!.end), "March 2, 2016");
});

test("labelled, weekday-led and ISO date lines", () => {
  assert.equal(findPublicationDate("Headline\nPublished: Wednesday, 2 March 2016 09:40 GMT\nBody.")?.date, "2016-03-02");
  assert.equal(findPublicationDate("Headline\nTuesday, 1 March 2016\nBody.")?.date, "2016-03-01");
  assert.equal(findPublicationDate("Headline\n2016-03-02\nBody text follows.")?.date, "2016-03-02");
});

test("a wire dateline gives the date, two-digit years in the 1900s", () => {
  assert.equal(findPublicationDate("LIMA, 9 JAN 90 -- [TEXT] TROOPS CLASHED WITH REBELS TODAY.")?.date, "1990-01-09");
  assert.equal(findPublicationDate("PARIS (FRANCE), 5 APRIL 90 (AFP) -- [TEXT] A BOMB EXPLODED.")?.date, "1990-04-05");
});

test("a dateline without a year is not enough alone", () => {
  assert.equal(findPublicationDate("BENGHAZI, May 4 (Reuters) - Fighters clashed near the port."), null);
});

test("a date inside the prose is not a publication date", () => {
  assert.equal(findPublicationDate("Gunmen stormed a hotel on 28 January 2015, killing nine people."), null);
});

test("only the top of the text is searched", () => {
  const text = `Headline\n\n${"Filler prose about the conflict. ".repeat(20)}\nMarch 2, 2016\n`;
  assert.equal(findPublicationDate(text), null);
});
