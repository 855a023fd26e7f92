import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { openStore } from "../../src/store/open.js";
import { csvObjects } from "../export/fixtures.js";
import { freshLocation, testEngines, type Cleanups, type EngineName } from "../store/engines.js";
import { doc, mention, tempDir, ingestOne } from "../store/fixtures.js";
import { sitrep } from "./run.js";

/** A store holding three events, written through the store so the test does not depend on extraction. */
async function seeded(t: Cleanups, engine: EngineName): Promise<string> {
  const db = await freshLocation(t, engine);
  const store = await openStore({ db: db });
  await ingestOne(store, doc("kano", "A car bomb went off in Kano."), "", [mention("kano", { date: "2020-01-10", place: "Kano", lat: 12.0, lon: 8.52, killed: 9, perpetrator: "Boko Haram" })]);
  await ingestOne(store, doc("bama", "Gunmen abducted travellers near Bama."), "", [
    mention("bama", { date: "2020-09-01", place: "Bama", lat: 11.52, lon: 13.69, attackTypes: ["HOSTAGE_TAKING_KIDNAPPING"], eventType: "VIOLENCE_AGAINST_CIVILIANS", subEventType: "ABDUCTION_FORCED_DISAPPEARANCE" }),
  ]);
  await ingestOne(store, doc("niamey", "A grenade hit a bar in Niamey."), "", [mention("niamey", { date: "2021-02-02", country: "NE", place: "Niamey", lat: 13.51, lon: 2.11, wounded: 5, subEventType: "GRENADE" })]);
  await store.close();
  return db;
}

testEngines("events: filters and formats from the command line", async (t, engine) => {
  const db = await seeded(t, engine);
  const acled = await sitrep(["events", "--db", db, "--country", "ng", "--format", "csv-acled", "--sort", "date"]);
  assert.equal(acled.code, 0, acled.stderr);
  assert.deepEqual(csvObjects(acled.stdout).map((r) => [r.location, r.event_date, r.fatalities]), [["Kano", "2020-01-10", "9"], ["Bama", "2020-09-01", ""]]);

  const gtd = await sitrep(["events", "--db", db, "--type", "HOSTAGE_TAKING_KIDNAPPING", "--format", "csv-gtd"]);
  assert.deepEqual(csvObjects(gtd.stdout).map((r) => [r.city, r.attacktype1_txt]), [["Bama", "Hostage Taking (Kidnapping)"]]);

  const near = JSON.parse((await sitrep(["events", "--db", db, "--near", "13.5,2.1,10", "--format", "geojson"])).stdout);
  assert.deepEqual(near.features.map((f: { properties: { location: string } }) => f.properties.location), ["Niamey"]);

  const jsonl = await sitrep(["events", "--db", db, "--since", "2020-06-01", "--until", "2020-12-31", "--text", "abducted"]);
  assert.deepEqual(jsonl.stdout.trim().split("\n").map((l) => JSON.parse(l).location.name), ["Bama"]);

  const json = JSON.parse((await sitrep(["events", "--db", db, "--format", "json", "--limit", "1", "--offset", "1", "--sort", "-killed"])).stdout);
  assert.equal(json.length, 1);

  const file = join(tempDir(t), "events.geojson");
  assert.equal((await sitrep(["events", "--db", db, "--format", "geojson", "--output", file])).code, 0);
  assert.equal(JSON.parse(readFileSync(file, "utf8")).features.length, 3);
});

testEngines("mentions: one record per report, with the same filters", async (t, engine) => {
  const db = await seeded(t, engine);
  const run = await sitrep(["mentions", "--db", db, "--actor", "boko", "--format", "jsonl"]);
  assert.equal(run.code, 0, run.stderr);
  const [m] = run.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual([m.id, m.contractId, m.documentId, m.killed.value], ["kano@v1#0", "m1", "kano", 9]);
  const table = await sitrep(["mentions", "--db", db, "--format", "table", "--type", "grenade"]);
  assert.match(table.stdout, /^ID\s+DATE/);
  assert.match(table.stdout, /niamey@v1#0\s+2021-02-02\s+NE\s+Niamey/);
});

test("a bad option value or a missing store is an error that names it", async (t) => {
  const db = await seeded(t, "sqlite");
  const cases: [string[], RegExp][] = [
    [["events", "--db", db, "--since", "2021-13-01"], /--since.*expected a date as YYYY-MM-DD, got "2021-13-01"/],
    [["events", "--db", db, "--near", "12,8"], /--near.*expected LAT,LON,KM/],
    [["events", "--db", db, "--country", "Nigeria"], /--country.*alpha-2/],
    [["events", "--db", db, "--format", "xlsx"], /--format.*xlsx/],
    [["mentions", "--db", db, "--sort", "sources"], /--sort.*sources/],
    [["events", "--db", db, "--since", "2021-01-02", "--until", "2021-01-01"], /--since 2021-01-02 is after --until 2021-01-01/],
    [["events", "--db", join(tempDir(t), "none.db")], /no store at .*none\.db/],
    [["events", "--db", db, "--text", '"unclosed'], /text: unclosed quote/],
    // Port 1 has no server; the password is not repeated in the message.
    [["stats", "--db", "postgres://sitrep:secret@127.0.0.1:1/none"], /postgres:\/\/sitrep:\*\*\*@127\.0\.0\.1:1\/none: cannot open the database: .*ECONNREFUSED/],
    [["events", "--db", db, "--output", join(tempDir(t), "no", "such", "dir", "x.csv")], /no such file or directory.*x\.csv/],
  ];
  for (const [args, message] of cases) {
    const run = await sitrep(args);
    assert.notEqual(run.code, 0, args.join(" "));
    assert.match(run.stderr, message, args.join(" "));
  }
});

testEngines("stats counts documents, mentions and events, as text or JSON", async (t, engine) => {
  const db = await seeded(t, engine);
  const json = JSON.parse((await sitrep(["stats", "--db", db, "--format", "json"])).stdout);
  assert.deepEqual([json.documents, json.mentions, json.events], [3, 3, 3]);
  assert.deepEqual(json.byCountry, [{ country: "NG", events: 2 }, { country: "NE", events: 1 }]);
  const text = (await sitrep(["stats", "--db", db])).stdout;
  assert.match(text, /^documents\s+3$/m);
  assert.match(text, /^events by country:\n\s+NG\s+2\n\s+NE\s+1$/m);
});
