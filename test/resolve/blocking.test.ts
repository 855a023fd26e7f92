import assert from "node:assert/strict";
import { test } from "node:test";
import type { SourcedMention } from "../../src/model.js";
import { MentionIndex } from "../../src/resolve/blocking.js";
import { linkScore } from "../../src/resolve/compatible.js";
import { features } from "../../src/resolve/features.js";
import { day, embassyReports, hotelReports, libya, place, tajura, yearUnknown } from "./fixtures.js";

// Variants of the written reports that stress the candidate rule: year unknown, no date, only a
// country, a place without a country, a date a day off, a month-long and a year-long date.
function variants(): SourcedMention[] {
  const base = [...embassyReports(), ...hotelReports()];
  const out: SourcedMention[] = [...base];
  base.forEach((m, i) => {
    const v = (tag: string, fields: Partial<SourcedMention>) => out.push({ ...m, id: `${m.id}-${tag}`, documentId: `${m.documentId}-${tag}`, ...fields });
    v("yearless", { date: yearUnknown({ weekday: i % 7 }, "on a weekday") });
    v("undated", { date: null });
    v("country", { location: libya });
    v("stateless", { location: { ...place("Somewhere", 32.9, 13.2, 9), country: null } });
    v("nextday", { date: m.date?.start ? day(new Date(Date.parse(m.date.start) + 86_400_000).toISOString().slice(0, 10)) : null });
    v("month", { date: { start: "2015-04-01", end: "2015-04-30", precision: "month", text: "April", provenance: "stated" } });
    v("year", { date: { start: "2015-01-01", end: "2015-12-31", precision: "year", text: "2015", provenance: "stated" }, location: tajura });
  });
  return out;
}

test("the index offers every mention the resolver could link, from either side", () => {
  const all = variants().map(features);
  const index = new MentionIndex();
  for (const f of all) index.add(f);
  let links = 0;
  for (const f of all) {
    const offered = new Set(index.candidates(f));
    for (const g of all) {
      if (f === g || linkScore(f, g) === null) continue;
      links++;
      assert.ok(offered.has(g), `${g.mention.id} links to ${f.mention.id} but is not offered`);
    }
  }
  assert.ok(links > 20, `the variants link (${links} links)`);
});

test("the index leaves out what cannot link: other countries, dates days away, yearless without a country", () => {
  const [a1, , b1] = embassyReports();
  const [d1] = hotelReports();
  const tunis = { ...b1, id: "t-1", documentId: "t", location: place("Tunis", 36.8, 10.18, 2464470, "TN") };
  const noCountry = { ...b1, id: "n-1", documentId: "n", location: null, date: yearUnknown({ weekday: 0 }, "Sunday") };
  const index = new MentionIndex();
  const entries = [a1, b1, d1, tunis, noCountry].map(features);
  for (const f of entries) index.add(f);
  const offered = index.candidates(features(a1)).map((f) => f.mention.id);
  assert.deepEqual(offered.sort(), ["b-1"]);
  assert.deepEqual(index.candidates(features(noCountry)), []);
});
