import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { ingestItems } from "../../src/cli/ingest-run.js";
import type { SourceItem } from "../../src/ingest/types.js";
import { openStore } from "../../src/store/open.js";
import { tempDir } from "../store/fixtures.js";
import { REPORTS } from "./articles.js";

const item = (n: number): SourceItem => ({ origin: `report-${n}`, doc: { id: `r${n}`, text: REPORTS[n]!, published: "2021-03-08" } });

test("a source that stalls does not hold back what it gave before", async (t) => {
  const store = await openStore({ path: join(tempDir(t), "s.db") });
  t.after(() => store.close());
  let release!: () => void;
  const stalled = new Promise<void>((resolve) => (release = resolve));
  async function* slowFeed(): AsyncGenerator<SourceItem> {
    yield item(0);
    await stalled;
    yield item(1);
  }
  const running = ingestItems(store, slowFeed());
  // The first report must reach the store while the source still withholds the second.
  let stored = 0;
  for (let tries = 0; tries < 200 && stored === 0; tries++) {
    await sleep(50);
    stored = (await store.stats()).documents;
  }
  release();
  assert.equal(stored, 1);
  const report = await running;
  assert.equal(report.new, 2);
});

test("a second run finds what the first stored and stores nothing twice", async (t) => {
  const store = await openStore({ path: join(tempDir(t), "s.db") });
  t.after(() => store.close());
  async function* items(): AsyncGenerator<SourceItem> {
    for (let n = 0; n < REPORTS.length; n++) yield item(n);
    yield { origin: "broken.jsonl:2", error: "invalid JSON" };
  }
  const first = await ingestItems(store, items());
  const again = await ingestItems(store, items());
  assert.deepEqual([first.new, first.duplicates, first.errors.length], [REPORTS.length, 0, 1]);
  assert.deepEqual([again.new, again.duplicates, again.mentions, again.errors.length], [0, REPORTS.length, 0, 1]);
  assert.equal((await store.stats()).documents, REPORTS.length);
});
