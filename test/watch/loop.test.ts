import assert from "node:assert/strict";
import { test, type TestContext } from "node:test";
import { activeCodebook } from "../../src/codebook/load.js";
import { inlineExtractor } from "../../src/extract/pool.js";
import type { SqlStore } from "../../src/store/sql-store.js";
import { HostGate } from "../../src/watch/hosts.js";
import { OneAtATime } from "../../src/watch/one-at-a-time.js";
import { watch, type PeriodicTask } from "../../src/watch/loop.js";
import { pollSource } from "../../src/watch/poll.js";
import { freshStore } from "../store/engines.js";
import { feedServer, report } from "./feed-server.js";
import { waitFor } from "./wait.js";

// The watcher in this process over a real SQLite store and a feed server on loopback.

/** A watcher over `store` until the test ends; the lines it logged and the regions it extracted for. */
function startWatcher(t: TestContext, store: SqlStore, tasks: PeriodicTask[] = []): { lines: string[]; regions: (string | undefined)[] } {
  const lines: string[] = [];
  const regions: (string | undefined)[] = [];
  const controller = new AbortController();
  const extract = inlineExtractor({ codebook: activeCodebook() });
  const ctx = { store, extractor: (region: string | undefined) => (regions.push(region), extract), fetch: { allowPrivate: true }, hosts: new HostGate(0), storing: new OneAtATime() };
  const running = watch({
    sources: store.sources,
    poll: (source) => pollSource(source, ctx),
    tasks,
    signal: controller.signal,
    log: (line) => lines.push(line),
    concurrency: 4,
    leaseMs: 15_000,
    idleMs: 200,
  });
  t.after(async () => {
    controller.abort();
    await running;
  });
  return { lines, regions };
}

const documents = async (store: SqlStore) => (await store.listDocuments({ limit: 1000 })).items;

test("a feed is asked for conditionally, answers 304 while unchanged, and no item is ingested twice", async (t) => {
  const server = await feedServer(t);
  const store = await freshStore(t, "sqlite");
  await store.sources.add({ url: server.feed("/news", 3), everyMs: 1000, region: "ML", follow: false }, new Date());
  const { regions } = startWatcher(t, store);
  await waitFor("the first three items", async () => (await documents(store)).length === 3);
  await waitFor("a 304", () => server.requestsTo("/news").some((r) => r.status === 304));
  server.add("/news");
  await waitFor("the new item", async () => (await documents(store)).length === 4);
  await waitFor("the changed feed's version asked for", () => server.requestsTo("/news").filter((r) => r.status === 304).length >= 2);

  const requests = server.requestsTo("/news");
  assert.deepEqual(requests[0], { path: "/news", status: 200 });
  assert.ok(requests.slice(1).every((r) => r.ifNoneMatch !== undefined && r.ifModifiedSince !== undefined), "every later request conditional");
  const docs = await documents(store);
  assert.deepEqual(docs.map((d) => d.id).sort(), ["news-item-1", "news-item-2", "news-item-3", "news-item-4"]);
  assert.ok(docs.every((d) => d.version === 1));
  assert.deepEqual([...new Set(regions)], ["ML"], "extracted with the source's region");
});

test("a feed answering 500 is retried with backoff until it recovers, and its failures are then cleared", async (t) => {
  const server = await feedServer(t);
  const store = await freshStore(t, "sqlite");
  const url = server.feed("/flaky", 2);
  server.fail("/flaky", 2);
  const { id } = await store.sources.add({ url, everyMs: 1000, follow: false }, new Date());
  const { lines } = startWatcher(t, store);
  await waitFor("the items once it recovered", async () => (await documents(store)).length === 2);
  assert.deepEqual(server.requestsTo("/flaky").slice(0, 3).map((r) => r.status), [500, 500, 200]);
  assert.match(lines[0]!, new RegExp(`${url}: HTTP 500 \\(1 failure in a row; next try in [\\d.]+s\\)$`));
  assert.match(lines[1]!, new RegExp(`${url}: HTTP 500 \\(2 failures in a row; next try in [\\d.]+s\\)$`));
  await waitFor("the good poll recorded", async () => (await store.sources.get(String(id))).failures === 0);
  assert.equal((await store.sources.get(String(id))).lastError, undefined);
});

test("a feed that is not XML is an error naming it, and the other sources keep ingesting", async (t) => {
  const server = await feedServer(t);
  const store = await freshStore(t, "sqlite");
  const bad = server.feed("/broken");
  server.breakFeed("/broken");
  const { id } = await store.sources.add({ url: bad, everyMs: 1000, follow: false }, new Date());
  await store.sources.add({ url: server.feed("/good", 1), everyMs: 1000, follow: false }, new Date());
  const { lines } = startWatcher(t, store);
  await waitFor("the broken feed's error", async () => (await store.sources.get(String(id))).lastError !== undefined);
  assert.match((await store.sources.get(String(id))).lastError!, /^not an RSS or Atom feed: /);
  assert.ok(lines.some((l) => l.includes(`${bad}: not an RSS or Atom feed: `)));
  server.add("/good");
  await waitFor("the good feed's items", async () => (await documents(store)).length === 2);
});

test("with follow, each new item's article page is fetched once and stored under the item's id", async (t) => {
  const server = await feedServer(t);
  const store = await freshStore(t, "sqlite");
  const url = server.feed("/wire");
  const page = (n: number) => `<html><head><title>Report ${n}</title></head><body><article><h1>Report ${n}</h1><p>${report(n + 50)}</p><p>Residents said the road was closed for the rest of the day while troops searched the area.</p></article></body></html>`;
  const first = server.add("/wire", { page: page(1), text: "A short summary." });
  await store.sources.add({ url, everyMs: 1000, follow: true }, new Date());
  startWatcher(t, store);
  await waitFor("the first page's document", async () => (await documents(store)).length === 1);
  const second = server.add("/wire", { page: page(2), text: "Another short summary." });
  await waitFor("the second page's document", async () => (await documents(store)).length === 2);
  const docs = await documents(store);
  assert.deepEqual(docs.map((d) => d.id).sort(), [first, second].sort());
  assert.ok(docs.every((d) => d.text.includes("Residents said the road was closed") && !d.text.includes("summary")));
  assert.equal(server.requestsTo(`/pages/${first}`).length, 1);
  assert.equal(server.requestsTo(`/pages/${second}`).length, 1);
});

test("a periodic task runs at the start and again soon after a poll stored documents", async (t) => {
  const server = await feedServer(t);
  const store = await freshStore(t, "sqlite");
  let runs = 0;
  startWatcher(t, store, [{ name: "count", everyMs: 3_600_000, run: async () => void runs++ }]);
  await waitFor("the first run", () => runs === 1);
  await store.sources.add({ url: server.feed("/late", 1), everyMs: 1000, follow: false }, new Date());
  await waitFor("a run after the ingest", () => runs === 2);
  assert.equal((await documents(store)).length, 1);
});
