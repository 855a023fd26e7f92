import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import type { Doc, SourcedMention } from "../../src/model.js";
import { projectRoot } from "../../src/paths.js";
import { openStore } from "../../src/store/open.js";
import { hotelReports, misrata } from "../resolve/fixtures.js";
import { freshLocation, testEngines, type Cleanups, type EngineName } from "../store/engines.js";
import { ingestOne } from "../store/fixtures.js";

// Two reports of a hotel attack in Tripoli and one of an attack in Misrata the same week,
// written for this test, stored in a real SQLite file; the CLI runs as a separate process.

function sitrep(...args: string[]) {
  return spawnSync(process.execPath, [join(projectRoot, "bin/sitrep.js"), ...args], { encoding: "utf8" });
}

function doc(m: SourcedMention): Doc {
  return { id: m.documentId, text: m.sentence, clean: m.sentence, published: m.published ?? undefined, publishedFrom: "given" };
}

async function storeWithReports(t: Cleanups, engine: EngineName = "sqlite"): Promise<string> {
  const path = await freshLocation(t, engine);
  const [d1, e1] = hotelReports();
  const elsewhere = { ...d1, documentId: "f", id: "f-1", location: misrata, sentence: "Gunmen attacked a checkpoint outside Misrata on January 29, killing three soldiers." };
  const store = await openStore({ db: path });
  for (const m of [d1, e1, elsewhere]) await ingestOne(store, doc(m), m.sentence, [m]);
  await store.close();
  return path;
}

async function events(path: string) {
  const store = await openStore({ db: path });
  try {
    return (await store.listEvents({})).items;
  } finally {
    await store.close();
  }
}

testEngines("event merge joins two events, prints the result, and the decision survives re-resolution", async (t, engine) => {
  const path = await storeWithReports(t, engine);
  const before = await events(path);
  assert.equal(before.length, 2);
  const [hotel, misrataAttack] = [...before].sort((a, b) => b.sources.length - a.sources.length);

  const run = sitrep("event", "merge", hotel.id, misrataAttack.id, "--db", path);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /3 sources/);
  assert.match(run.stdout, /location disputed/);
  assert.match(run.stdout, /Misrata/);

  const store = await openStore({ db: path });
  try {
    await store.reresolve("latest");
    const after = (await store.listEvents({})).items;
    assert.equal(after.length, 1);
    assert.equal(after[0].sources.length, 3);
  } finally {
    await store.close();
  }
});

test("event split sets mentions apart and prints both events, as JSON lines when asked", async (t) => {
  const path = await storeWithReports(t);
  const hotel = (await events(path)).find((e) => e.sources.length === 2)!;
  const lateReport = hotel.sources[1].mentionId;

  const run = sitrep("event", "split", hotel.id, lateReport, "--db", path, "--json");
  assert.equal(run.status, 0, run.stderr);
  const printed = run.stdout.trim().split("\n").map((line) => JSON.parse(line));
  assert.deepEqual(printed.map((e) => e.sources.length).sort(), [1, 1]);
  assert.equal((await events(path)).length, 3);
});

test("bad requests are refused with the reason, naming what was wrong", async (t) => {
  const path = await storeWithReports(t);
  const [first] = await events(path);
  const unknown = sitrep("event", "merge", first.id, "ev-nothing", "--db", path);
  assert.notEqual(unknown.status, 0);
  assert.match(unknown.stderr, /ev-nothing/);
  const single = sitrep("event", "merge", first.id, "--db", path);
  assert.notEqual(single.status, 0);
  assert.match(single.stderr, /two different event ids/);
  const stranger = sitrep("event", "split", first.id, "no-such-mention", "--db", path);
  assert.notEqual(stranger.status, 0);
  assert.match(stranger.stderr, /no-such-mention/);
  const noStore = sitrep("event", "merge", "a", "b", "--db", join(path, "..", "missing.db"));
  assert.notEqual(noStore.status, 0);
  assert.match(noStore.stderr, /missing\.db/);
});
