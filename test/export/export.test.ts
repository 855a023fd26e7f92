import assert from "node:assert/strict";
import { test } from "node:test";
import { exportChunks, type Exportable, type Format } from "../../src/export/formats.js";
import { csvObjects, event, sourcedMention } from "./fixtures.js";

const text = (data: Exportable, format: Format) => [...exportChunks(data, format)].join("");

test("GTD-like CSV: the GTD's columns, labels and date parts; unknown counts stay empty", () => {
  const undated = event({ id: "ev-2", date: null, location: null, attackTypes: [], targets: [], weapons: [], perpetrators: [], killed: null, sources: [] });
  const ranged = event({ id: "ev-3", date: { start: "2017-08-21", end: "2017-08-31", precision: "week", text: "in late August", provenance: "stated" } });
  const out = text({ kind: "events", items: [event(), undated, ranged] }, "csv-gtd");
  const [row, none, range] = csvObjects(out);
  assert.ok(out.startsWith("eventid,iyear,imonth,iday,approxdate,country_txt,provstate,city,latitude,longitude,specificity,attacktype1_txt"));
  assert.deepEqual(
    [row!.iyear, row!.imonth, row!.iday, row!.approxdate, row!.country_txt, row!.provstate, row!.city, row!.latitude, row!.longitude, row!.specificity],
    ["2021", "3", "7", "", "Nigeria", "Borno", "Maiduguri", "11.8469", "13.1571", "1"],
  );
  assert.deepEqual([row!.attacktype1_txt, row!.attacktype2_txt, row!.targtype1_txt, row!.natlty1_txt, row!.weaptype1_txt], ["Bombing/Explosion", "Armed Assault", "Private Citizens & Property", "Nigeria", "Explosives"]);
  assert.deepEqual([row!.gname, row!.nkill, row!.nwound, row!.claimed, row!.suicide], ["Boko Haram", "4", "", "0", "1"]);
  assert.equal(row!.summary, 'A bomber struck a market, killing "four", police said\nlate on Sunday');
  assert.equal(row!.scite1, "Lake Chad Monitor, 2021-03-08, https://m.example/1");
  assert.equal(row!.scite2, "Sahel Wire, 2021-03-09, https://w.example/2");
  assert.deepEqual([none!.iyear, none!.imonth, none!.iday, none!.country_txt, none!.specificity, none!.attacktype1_txt, none!.gname, none!.nkill], ["", "0", "0", "", "5", "Unknown", "Unknown", ""]);
  assert.deepEqual([range!.iyear, range!.imonth, range!.iday, range!.approxdate], ["2017", "8", "0", "2017-08-21 to 2017-08-31"]);
});

test("ACLED-like CSV: ACLED's columns and labels; fatalities unknown stay empty", () => {
  const out = text({ kind: "events", items: [event(), event({ id: "ev-2", killed: null, eventType: null, subEventType: null })] }, "csv-acled");
  assert.ok(out.startsWith("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities\r\n"));
  const [row, unknown] = csvObjects(out);
  assert.deepEqual(
    [row!.event_date, row!.year, row!.time_precision, row!.event_type, row!.sub_event_type, row!.actor1, row!.country, row!.admin1, row!.location, row!.geo_precision, row!.source, row!.fatalities],
    ["2021-03-07", "2021", "1", "Explosions/Remote violence", "Suicide bomb", "Boko Haram", "Nigeria", "Borno", "Maiduguri", "1", "Lake Chad Monitor; Sahel Wire", "4"],
  );
  assert.deepEqual([unknown!.event_type, unknown!.fatalities], ["", ""]);
});

test("GeoJSON: a FeatureCollection of points in lon,lat order with flat properties; no place, no point", () => {
  const out = JSON.parse(text({ kind: "events", items: [event(), event({ id: "ev-2", location: null })] }, "geojson"));
  assert.equal(out.type, "FeatureCollection");
  const [located, unlocated] = out.features;
  assert.deepEqual(located.geometry, { type: "Point", coordinates: [13.1571, 11.8469] });
  assert.equal(unlocated.geometry, null);
  for (const value of Object.values(located.properties)) assert.ok(value === null || typeof value !== "object", "properties are scalars");
  assert.deepEqual([located.properties.attack_types, located.properties.killed, located.properties.sources, located.properties.conflicts], ["BOMBING_EXPLOSION; ARMED_ASSAULT", 4, 2, "killed"]);
  assert.deepEqual(JSON.parse(text({ kind: "events", items: [] }, "geojson")), { type: "FeatureCollection", features: [] });
});

test("JSON and JSONL give back the records whole", () => {
  const items = [event(), event({ id: "ev-2" })];
  assert.deepEqual(JSON.parse(text({ kind: "events", items }, "json")), items);
  assert.deepEqual(JSON.parse(text({ kind: "events", items: [] }, "json")), []);
  assert.deepEqual(text({ kind: "events", items }, "jsonl").trimEnd().split("\n").map((l) => JSON.parse(l)), items);
});

test("the terminal table shows each event's whole id, its source count and the fields in dispute", () => {
  const e = event({ id: "ev-a-long-event-id@v1#12", conflicts: ["killed", "date"] });
  const [, row] = text({ kind: "events", items: [e] }, "table").split("\n");
  assert.ok(row!.startsWith("ev-a-long-event-id@v1#12 "));
  assert.match(row!, /killed, date$/);
});

test("the terminal table shows control characters and reordering marks as escapes, never as themselves", () => {
  const base = event();
  const hostile = event({
    location: { ...base.location!, name: "Mai\u001b]0;pwned\u0007duguri" },
    perpetrators: [{ name: "\u202eBoko Haram", kind: "organization", text: "the group" }],
  });
  const [, row] = text({ kind: "events", items: [hostile] }, "table").split("\n");
  assert.equal(/[\u0000-\u001f\u007f\u202e]/.test(row!), false);
  assert.match(row!, /Mai\\x1b\]0;pwned/);
  assert.match(row!, /\\u202eBoko Haram/);
});

test("mentions export in the same formats, one source each", () => {
  const m = sourcedMention();
  const [row] = csvObjects(text({ kind: "mentions", items: [m] }, "csv-gtd"));
  assert.deepEqual([row!.eventid, row!.iday, row!.nkill, row!.gname, row!.summary, row!.scite1], ["a@v1#0", "7", "4", "Boko Haram", m.sentence, "Lake Chad Monitor, 2021-03-08, https://m.example/1"]);
  const lines = text({ kind: "mentions", items: [m] }, "table").split("\n");
  assert.match(lines[0]!, /^ID\s+DATE\s+CC\s+PLACE\s+TYPE\s+PERPETRATOR\s+KILLED\s+WOUNDED\s+SRC\s+DISPUTED$/);
  assert.match(lines[1]!, /^a@v1#0\s+2021-03-07\s+NG\s+Maiduguri\s+BOMBING_EXPLOSION\s+Boko Haram\s+4\s+1$/);
});
