import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test, type TestContext } from "node:test";
import { fileURLToPath } from "node:url";
import { openStore } from "../../src/store/open.js";
import type { IngestEntry, IngestOutcome, Store } from "../../src/store/store.js";
import { freshDatabase } from "./engines.js";
import { doc, entry, mention, tempDir } from "./fixtures.js";

const child = fileURLToPath(new URL("./ingest-child.js", import.meta.url));

// Ten attacks, far apart in time, each told by three outlets in words of their own.
const TOWNS = ["Kano", "Bama", "Gwoza", "Konduga", "Dikwa", "Monguno", "Damboa", "Biu", "Mubi", "Yola"];
const report = (event: number, outlet: number): IngestEntry => {
  const id = `e${event}-r${outlet}`;
  const text = `Outlet ${outlet} reports that a bomber struck a market in ${TOWNS[event]} (story ${id}).`;
  const date = `2021-0${1 + Math.floor(event / 3)}-${String(1 + (event % 3) * 9).padStart(2, "0")}`;
  return entry(doc(id, text), text, [mention(id, { date, place: TOWNS[event], killed: outlet + 1 })]);
};
const reports = (outlets: number[]) => TOWNS.flatMap((_, event) => outlets.map((outlet) => report(event, outlet)));

async function eventsOf(store: Store): Promise<string[]> {
  return (await store.listEvents({})).items.map((e) => e.sources.map((s) => s.mentionId).sort().join(" ")).sort();
}

/** Starts a writer over `entries`, in batches of four (each batch one transaction); resolves when it is ready, with the promise of its outcomes. */
async function writer(location: string, entries: IngestEntry[], file: string) {
  writeFileSync(file, JSON.stringify(entries));
  const proc = spawn(process.execPath, [child, location, file, "4"], { stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  proc.stdout.setEncoding("utf8");
  await new Promise<void>((resolve, reject) => {
    proc.stdout.on("data", (d: string) => {
      out += d;
      if (out.startsWith("ready\n")) resolve();
    });
    proc.on("exit", (code) => reject(new Error(`writer exited with ${code} before it was ready`)));
  });
  const done = new Promise<IngestOutcome[]>((resolve, reject) =>
    proc.on("close", (code) => (code === 0 ? resolve(JSON.parse(out.slice("ready\n".length))) : reject(new Error(`writer exited with ${code}`)))),
  );
  return { go: () => proc.stdin.end("go\n"), done };
}

async function runTogether(t: TestContext, first: IngestEntry[], second: IngestEntry[]) {
  const dir = tempDir(t);
  const url = await freshDatabase(t);
  const writers = [await writer(url, first, join(dir, "first.json")), await writer(url, second, join(dir, "second.json"))];
  for (const w of writers) w.go();
  const outcomes = (await Promise.all(writers.map((w) => w.done))).flat();
  const shared = await openStore({ db: url });
  t.after(() => shared.close());
  const alone = await openStore({ db: join(dir, "alone.db") });
  t.after(() => alone.close());
  await alone.ingest([...first, ...second]);
  return { outcomes, shared, alone };
}

test("two processes storing reports of the same events at once end with the events one process makes", async (t) => {
  // The same events in the same order, at the same pace, each writer from outlets of its own.
  const { outcomes, shared, alone } = await runTogether(t, reports([0, 1]), reports([2]));
  assert.deepEqual(outcomes.map((o) => o.status), Array(30).fill("new"));
  const expected = await eventsOf(alone);
  assert.equal(expected.length, 10);
  assert.deepEqual(await eventsOf(shared), expected);
});

test("two processes storing the same documents at once store each once", async (t) => {
  const { outcomes, shared, alone } = await runTogether(t, reports([0, 1]), reports([1, 0]));
  assert.deepEqual(outcomes.filter((o) => o.status === "failed"), []);
  assert.deepEqual([outcomes.filter((o) => o.status === "new").length, outcomes.filter((o) => o.status === "duplicate").length], [20, 20]);
  assert.equal((await shared.stats()).documents, 20);
  assert.deepEqual(await eventsOf(shared), await eventsOf(alone));
});

test("stores opened at once on a new database migrate it once", async (t) => {
  const url = await freshDatabase(t);
  // Each store has a pool of its own: to the server, as many clients as processes.
  const stores = await Promise.all([1, 2, 3].map(() => openStore({ db: url })));
  for (const store of stores) t.after(() => store.close());
  await stores[0]!.ingest([report(0, 0)]);
  assert.equal((await stores[2]!.stats()).documents, 1);
});
