import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as pause } from "node:timers/promises";
import { test } from "node:test";
import Database from "better-sqlite3";
import { tempDir } from "../store/fixtures.js";
import { sitrep, sitrepBin } from "./run.js";

const DOCUMENTS = 5000;
const PLACES = ["Maiduguri", "Gao", "Kidal", "Mogadishu", "Kismayo", "Palma", "Mopti", "Diffa", "Kaya", "Djibo", "Mosul", "Kunduz", "Quetta"];
const ATTACKS = ["gunmen attacked", "a bomb exploded near", "militants raided", "a grenade was thrown into", "fighters shelled", "raiders set fire to"];
const TARGETS = ["a checkpoint", "a market", "a police post", "an army patrol", "a bus station", "a school", "a clinic", "a mosque", "a camp"];
const SOURCES = ["officials said", "a police spokesman said", "residents told reporters", "the army said in a statement", "a hospital source said"];
const AFTER = ["Roads were closed overnight.", "Troops searched nearby villages.", "No group claimed the attack.", "Shops stayed shut the next day.", ""];

/** Small documents, each with a text and a day of its own, so that few report one event. */
function generate(path: string): void {
  const lines: string[] = [];
  const firstDay = Date.UTC(2005, 0, 1);
  for (let i = 0; i < DOCUMENTS; i++) {
    const pick = <T>(xs: T[], k: number) => xs[Math.floor(i / k) % xs.length]!;
    const text =
      `${pick(ATTACKS, 1)} ${pick(TARGETS, 3)} in ${pick(PLACES, 7)} on Sunday, killing ${(i % 17) + 1} people ` +
      `and wounding ${(i % 11) + 2}, ${pick(SOURCES, 2)}. ${pick(AFTER, 5)} Dispatch ${i}.`;
    const published = new Date(firstDay + i * 86_400_000).toISOString().slice(0, 10);
    lines.push(JSON.stringify({ id: `crash-${i}`, text: text[0]!.toUpperCase() + text.slice(1), published }));
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
}

function count(db: string): number {
  if (!existsSync(db)) return 0;
  const sqlite = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (sqlite.prepare("SELECT count(*) AS n FROM documents").get() as { n: number }).n;
  } catch {
    return 0; // not migrated yet
  } finally {
    sqlite.close();
  }
}

test("killed with SIGKILL mid-ingest, the same command run again stores every document exactly once", async (t) => {
  const dir = tempDir(t);
  const input = join(dir, "docs.jsonl");
  const db = join(dir, "s.db");
  generate(input);

  const child = spawn(process.execPath, [sitrepBin, "ingest", input, "--db", db], { stdio: "ignore" });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  while (count(db) < 200 && child.exitCode === null) await pause(10);
  child.kill("SIGKILL");
  assert.equal(await exited, "SIGKILL");
  const atKill = count(db);
  assert.ok(atKill >= 200 && atKill < DOCUMENTS, `killed part-way (${atKill} stored)`);

  const rerun = await sitrep(["ingest", input, "--db", db]);
  assert.equal(rerun.code, 0, rerun.stderr);
  const summary = /ingested (\d+) new, (\d+) versions, (\d+) duplicates, (\d+) errors/.exec(rerun.stderr)!.slice(1).map(Number);
  assert.deepEqual(summary, [DOCUMENTS - atKill, 0, atKill, 0]);

  const sqlite = new Database(db, { readonly: true });
  t.after(() => sqlite.close());
  const one = (q: string) => Object.values(sqlite.prepare(q).get() as object)[0];
  assert.equal(one("PRAGMA integrity_check"), "ok");
  assert.equal(one("SELECT count(*) FROM documents"), DOCUMENTS);
  assert.equal(one("SELECT count(DISTINCT id) FROM documents"), DOCUMENTS);
  assert.equal(one("SELECT count(*) FROM documents_fts"), DOCUMENTS);
  assert.equal(one("SELECT count(*) FROM (SELECT DISTINCT document_seq FROM document_bands)"), DOCUMENTS);
  assert.equal(one("SELECT count(*) FROM mentions"), one("SELECT count(*) FROM (SELECT DISTINCT document_id, contract_id FROM mentions)"));
  assert.equal(one("SELECT count(*) FROM mentions WHERE document_seq NOT IN (SELECT seq FROM documents)"), 0);
});
