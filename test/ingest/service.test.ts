import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { activeCodebook } from "../../src/codebook/load.js";
import { inlineExtractor, type Extractor } from "../../src/extract/pool.js";
import { ingestItems, type ItemResult } from "../../src/ingest/service.js";
import type { SourceItem } from "../../src/ingest/types.js";
import { openStore } from "../../src/store/open.js";
import { articlePage, REPORTS } from "../cli/articles.js";
import { freshLocation, testEngines } from "../store/engines.js";
import { tempDir } from "../store/fixtures.js";

const item = (n: number): SourceItem => ({ origin: `report-${n}`, doc: { id: `r${n}`, text: REPORTS[n]!, published: "2021-03-08" } });

const extract: Extractor = inlineExtractor({ codebook: activeCodebook() });

/** The real extraction, counting the documents it is given. */
function countingExtractor(): { extract: Extractor; count: () => number } {
  let n = 0;
  return {
    extract: {
      extract: (docs) => {
        n += docs.length;
        return extract.extract(docs);
      },
      close: async () => {},
    },
    count: () => n,
  };
}

test("a source that stalls does not hold back what it gave before", async (t) => {
  const store = await openStore({ db: join(tempDir(t), "s.db") });
  t.after(() => store.close());
  let release!: () => void;
  const stalled = new Promise<void>((resolve) => (release = resolve));
  async function* slowFeed(): AsyncGenerator<SourceItem> {
    yield item(0);
    await stalled;
    yield item(1);
  }
  const running = ingestItems(store, slowFeed(), { extract });
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
  const store = await openStore({ db: join(tempDir(t), "s.db") });
  t.after(() => store.close());
  async function* items(): AsyncGenerator<SourceItem> {
    for (let n = 0; n < REPORTS.length; n++) yield item(n);
    yield { origin: "broken.jsonl:2", error: "invalid JSON" };
  }
  const first = await ingestItems(store, items(), { extract });
  const again = await ingestItems(store, items(), { extract });
  assert.deepEqual([first.new, first.duplicates, first.errors.length], [REPORTS.length, 0, 1]);
  assert.deepEqual([again.new, again.duplicates, again.mentions, again.errors.length], [0, REPORTS.length, 0, 1]);
  assert.equal((await store.stats()).documents, REPORTS.length);
});

test("the same text twice is extracted once and stored once, in one batch and in the next", async (t) => {
  const store = await openStore({ db: join(tempDir(t), "s.db") });
  t.after(() => store.close());
  const { extract: counting, count } = countingExtractor();
  const copies: SourceItem[] = [
    { origin: "wire", doc: { id: "wire-1", text: REPORTS[0]! } },
    { origin: "reprint", doc: { id: "reprint-1", text: `  ${REPORTS[0]!}\n` } },
  ];
  const seen: ItemResult[] = [];
  const first = await ingestItems(store, copies, { extract: counting, onItem: (r) => seen.push(r) });
  assert.deepEqual([first.new, first.duplicates, count()], [1, 1, 1]);
  assert.deepEqual(
    seen.map((r) => ("outcome" in r ? [r.origin, r.outcome.documentId, r.outcome.status] : [r.origin, r.reason])),
    [["wire", "wire-1", "new"], ["reprint", "wire-1", "duplicate"]],
  );
  const again = await ingestItems(store, [{ origin: "late copy", doc: { id: "late", text: REPORTS[0]! } }], { extract: counting });
  assert.deepEqual([again.duplicates, count()], [1, 1]);
  assert.equal((await store.stats()).documents, 1);
});

test("a bad document among good ones is reported by origin, id and reason; the others are stored", async (t) => {
  const store = await openStore({ db: join(tempDir(t), "s.db") });
  t.after(() => store.close());
  const items: SourceItem[] = [item(0), { origin: "in.jsonl:2", doc: { id: "empty", text: "   " } }, item(1)];
  const report = await ingestItems(store, items, { extract });
  assert.equal(report.new, 2);
  assert.deepEqual(report.errors, [{ origin: "in.jsonl:2", id: "empty", reason: "empty text", storeFailed: false }]);
  assert.ok(await store.getDocument("r0"));
  assert.ok(await store.getDocument("r1"));
});

test("the raw input kept is the page a text was read from, else the text itself", async (t) => {
  const store = await openStore({ db: join(tempDir(t), "s.db") });
  t.after(() => store.close());
  const page = articlePage("Checkpoint attacked", REPORTS[0]!);
  const items: SourceItem[] = [
    { origin: "page.html", doc: { id: "page", html: page } },
    { origin: "text.txt", doc: { id: "text", text: REPORTS[1]!, html: "" } },
  ];
  await ingestItems(store, items, { extract });
  assert.equal((await store.getDocument("page"))!.raw, page);
  assert.equal((await store.getDocument("text"))!.raw, REPORTS[1]);
});

test("a store that fails as a whole is reported for each document, not thrown", async (t) => {
  const store = await openStore({ db: join(tempDir(t), "s.db") });
  await store.close();
  const report = await ingestItems(store, [item(0), item(1)], { extract });
  assert.deepEqual(report.errors.map((e) => [e.origin, e.storeFailed]), [["report-0", true], ["report-1", true]]);
  assert.equal(report.new, 0);
});

testEngines("a stray NUL in a report, its page or its title is stored, not a rejection of the document", async (t, engine) => {
  const store = await openStore({ db: await freshLocation(t, engine) });
  t.after(() => store.close());
  const text = REPORTS[0]!.replace(" ", " \u0000");
  const page = articlePage("Checkpoint\u0000 attacked", REPORTS[1]!.replace(" ", "\u0000 "));
  const report = await ingestItems(
    store,
    [
      { origin: "text.jsonl:1", doc: { id: "text", text, title: "Night\u0000 raid" } },
      { origin: "page.html", doc: { id: "page", html: page } },
    ],
    { extract },
  );
  assert.deepEqual([report.new, report.errors], [2, []]);
  const stored = (await store.getDocument("text"))!;
  assert.equal(stored.text.length, text.length);
  assert.equal(stored.text, text.replace("\u0000", "\uFFFD"));
  assert.equal(stored.title, "Night\uFFFD raid");
  assert.equal((await store.getDocument("page"))!.raw.includes("\u0000"), false);
});
