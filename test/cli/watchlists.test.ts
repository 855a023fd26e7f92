import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { tempDir } from "../store/fixtures.js";
import { sitrep } from "./run.js";

// `sitrep watchlists` and `sitrep alerts` as a user runs them, on a SQLite file of the test's own.

const BORNO = { type: "Polygon", coordinates: [[[12.5, 11.5], [14, 11.5], [14, 12.5], [12.5, 12.5], [12.5, 11.5]]] };

test("watchlists are added, listed and removed; bad ones are refused naming the input", async (t) => {
  const dir = tempDir(t);
  const db = join(dir, "s.db");
  const area = join(dir, "borno.geojson");
  writeFileSync(area, JSON.stringify(BORNO));
  const added = await sitrep(["watchlists", "add", "Borno", "--area", area, "--min-killed", "2", "--webhook", "https://desk.example/hook", "--db", db]);
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /^wl-[0-9a-f]+\tBorno\tinside an area of 1 polygon, at least 2 killed\twebhook https:\/\/desk\.example\/hook \(signed\)\n$/);
  assert.match(added.stderr, /signed with the secret [0-9a-f]{48} \(shown this once\)/);
  assert.equal((await sitrep(["watchlists", "add", "Libya", "--country", "LY", "--db", db])).code, 0);

  const bad = join(dir, "bad.geojson");
  writeFileSync(bad, JSON.stringify({ type: "Polygon", coordinates: [[[1, 2], [3, 4], [1, 2]]] }));
  const refusals: [string[], RegExp][] = [
    [["--area", bad], new RegExp(`${bad.replace(/[.]/g, "\\.")}: coordinates\\[0\\]: a ring needs at least 4 positions`)],
    [["--area", join(dir, "missing.geojson")], /cannot read .*missing\.geojson: ENOENT/],
    [["--country", "QQ"], /country: "QQ" is not an ISO 3166-1 alpha-2 country code/],
    [["--type", "PICNIC"], /type: "PICNIC" is not an attack type/],
    [["--country", "LY", "--webhook", "ftp://desk.example"], /webhook: "ftp:\/\/desk\.example" is not an http or https URL/],
    [[], /with none it would match every event/],
  ];
  for (const [flags, pattern] of refusals) {
    const r = await sitrep(["watchlists", "add", "x", ...flags, "--db", db]);
    assert.notEqual(r.code, 0, flags.join(" "));
    assert.match(r.stderr, pattern);
  }

  const listed = await sitrep(["watchlists", "list", "--json", "--db", db]);
  assert.deepEqual(listed.stdout.trim().split("\n").map((l) => JSON.parse(l).name), ["Borno", "Libya"]);
  assert.equal((await sitrep(["watchlists", "remove", "Libya", "--db", db])).code, 0);
  const gone = await sitrep(["watchlists", "remove", "Libya", "--db", db]);
  assert.match(gone.stderr, /no watchlist "Libya"/);
  assert.deepEqual((await sitrep(["alerts", "--failed", "--db", db])).stdout, "");
  const pass = await sitrep(["alerts", "deliver", "--once", "--db", db]);
  assert.equal(pass.stdout, "delivered 0, to retry 0, failed 0\n");
});

test("a watchlist is edited: filters given replace its filter, none keep it; renamed; its webhook kept, replaced or dropped", async (t) => {
  const db = join(tempDir(t), "s.db");
  assert.equal((await sitrep(["watchlists", "add", "Sahel", "--country", "ML", "--webhook", "https://desk.example/hook", "--db", db])).code, 0);
  const renamed = await sitrep(["watchlists", "edit", "Sahel", "--name", "Mali", "--db", db]);
  assert.equal(renamed.code, 0, renamed.stderr);
  assert.match(renamed.stdout, /\tMali\tcountry ML\twebhook https:\/\/desk\.example\/hook \(signed\)\n$/);
  // The same webhook keeps its secret: none is made or shown.
  assert.doesNotMatch(renamed.stderr, /secret/);
  const refiltered = await sitrep(["watchlists", "edit", "Mali", "--country", "BF", "--min-killed", "3", "--db", db]);
  assert.match(refiltered.stdout, /\tMali\tcountry BF, at least 3 killed\twebhook/);
  const unhooked = await sitrep(["watchlists", "edit", "Mali", "--no-webhook", "--db", db]);
  assert.match(unhooked.stdout, /\tMali\tcountry BF, at least 3 killed\n$/);
  const rehooked = await sitrep(["watchlists", "edit", "Mali", "--webhook", "https://other.example/hook", "--db", db]);
  assert.match(rehooked.stderr, /signed with the secret [0-9a-f]{48} \(shown this once\)/);
  assert.match((await sitrep(["watchlists", "edit", "Niger", "--country", "NE", "--db", db])).stderr, /no watchlist "Niger"/);
});
