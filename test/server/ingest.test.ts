import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { BATCH_DOCUMENTS } from "../../src/ingest/service.js";
import { HttpError } from "../../src/server/errors.js";
import { readDocuments } from "../../src/server/ingest.js";
import { createServer } from "../../src/server/listen.js";
import { openStore } from "../../src/store/open.js";
import { REPORTS } from "../cli/articles.js";
import { sitrep } from "../cli/run.js";
import { tempDir } from "../store/fixtures.js";

test("JSONL: each line a document, named by its line; a broken line is an item with its error", () => {
  const body = ['{"id":"a","text":"one"}', "{not json", "", '{"id":"b","text":"two"}'].join("\n");
  const items = readDocuments(body, "application/x-ndjson");
  assert.deepEqual(items.map((d) => [d.origin, d.doc?.id]), [["line 1", "a"], ["line 2", undefined], ["line 4", "b"]]);
  assert.match(items[1]!.error!, /invalid JSON/);
});

test("JSON: an object is one document, an array many, numbered by item", () => {
  assert.deepEqual(readDocuments('{"id":"a","text":"x"}', "application/json").map((d) => d.origin), ["body"]);
  assert.deepEqual(readDocuments('[{"id":"a","text":"x"},{"id":"b","text":"y"}]', "application/json; charset=utf-8").map((d) => d.origin), ["item 1", "item 2"]);
});

test("a document whose id an earlier one of the request gave is refused by name; the others go on", () => {
  const body = '[{"id":"a","text":"one"},{"id":"b","text":"two"},{"id":"a","text":"one, revised"}]';
  const items = readDocuments(body, "application/json");
  assert.deepEqual(items.map((d) => [d.origin, d.doc?.id ?? null]), [["item 1", "a"], ["item 2", "b"], ["item 3", null]]);
  assert.equal(items[2]!.error, `id "a" is item 1's too: a request holds each document once`);
});

test("an unreadable JSON body or another media type is a 400 saying so", () => {
  assert.throws(() => readDocuments('{"id":"a"}', "text/plain"), (e: unknown) => e instanceof HttpError && e.status === 400 && /unsupported content type "text\/plain"/.test(e.message));
  assert.throws(() => readDocuments("{", "application/json"), (e: unknown) => e instanceof HttpError && e.status === 400 && /invalid JSON body/.test(e.message));
  assert.throws(() => readDocuments("id=a", "application/x-www-form-urlencoded"), (e: unknown) => e instanceof HttpError && /unsupported content type/.test(e.message));
});

test("more documents than one batch is a 413 naming the limit, for JSON and JSONL alike", () => {
  const many = Array.from({ length: BATCH_DOCUMENTS + 1 }, (_, i) => ({ id: `d${i}`, text: "x" }));
  const refused = (e: unknown) => e instanceof HttpError && e.status === 413 && new RegExp(`at most ${BATCH_DOCUMENTS}`).test(e.message);
  assert.throws(() => readDocuments(JSON.stringify(many), "application/json"), refused);
  assert.throws(() => readDocuments(many.map((d) => JSON.stringify(d)).join("\n"), "application/x-ndjson"), refused);
  assert.equal(readDocuments(JSON.stringify(many.slice(1)), "application/json").length, BATCH_DOCUMENTS);
});

/** A real server on loopback over the SQLite file `db`; closed, with its store, when the test ends. */
async function serving(t: { after(fn: () => Promise<void>): void }, db: string) {
  const store = await openStore({ db: db });
  const server = await createServer(store, { host: "127.0.0.1", port: 0, token: "s3cret" });
  t.after(async () => {
    await server.close();
    await store.close();
  });
  const post = (body: string, contentType = "application/x-ndjson") =>
    fetch(`${server.url}/api/documents`, { method: "POST", body, headers: { "Content-Type": contentType, Authorization: "Bearer s3cret" } });
  return { store, post };
}

interface Report {
  ingested: { documentId: string; status: string; mentions: number }[];
  rejected: { input: string; id?: string; error: string }[];
}

test("the CLI and the server store through one service: a text the CLI stored is a duplicate over HTTP; a bad document is named, the good ones stored", { timeout: 60_000 }, async (t) => {
  const dir = tempDir(t);
  const db = join(dir, "s.db");
  const input = join(dir, "in.jsonl");
  writeFileSync(input, [0, 1].map((n) => JSON.stringify({ id: `cli-${n}`, text: REPORTS[n], published: "2021-03-08" })).join("\n") + "\n");
  const cli = await sitrep(["ingest", input, "--db", db]);
  assert.equal(cli.code, 0, cli.stderr);

  const { store, post } = await serving(t, db);
  const body = [
    JSON.stringify({ id: "http-copy", text: REPORTS[0], published: "2021-03-09" }),
    JSON.stringify({ id: "http-new", text: REPORTS[2], published: "2021-03-08" }),
    JSON.stringify({ id: "http-empty", text: "" }),
    "{broken",
    JSON.stringify({ id: "http-late", text: REPORTS[3], published: "yesterday" }),
    JSON.stringify({ id: "http-last", text: REPORTS[3], published: "2021-03-08" }),
  ].join("\n");
  const res = await post(body);
  assert.equal(res.status, 207);
  const report = (await res.json()) as Report;
  assert.deepEqual(report.ingested.map((o) => [o.documentId, o.status]), [["cli-0", "duplicate"], ["http-new", "new"], ["http-last", "new"]]);
  assert.deepEqual(report.rejected.map((r) => [r.input, r.id]), [["line 3", "http-empty"], ["line 4", undefined], ["line 5", "http-late"]]);
  assert.match(report.rejected[0]!.error, /empty text/);
  assert.match(report.rejected[1]!.error, /invalid JSON/);
  assert.match(report.rejected[2]!.error, /published is not an ISO 8601 date/);
  assert.ok(await store.getDocument("http-new"));
  assert.equal(await store.getDocument("http-copy"), null);
  assert.equal((await store.stats()).documents, 4);
});

test("over HTTP, a request over the batch cap is refused whole with 413 and stores nothing", { timeout: 30_000 }, async (t) => {
  const { store, post } = await serving(t, join(tempDir(t), "s.db"));
  const many = Array.from({ length: BATCH_DOCUMENTS + 1 }, (_, i) => JSON.stringify({ id: `d${i}`, text: `${REPORTS[0]} (${i})` }));
  const res = await post(many.join("\n"));
  assert.equal(res.status, 413);
  assert.match(((await res.json()) as { error: string }).error, new RegExp(`${BATCH_DOCUMENTS + 1} documents in one request; send at most ${BATCH_DOCUMENTS}`));
  assert.equal((await store.stats()).documents, 0);
});

test("over HTTP, a store that fails is a 503 naming each document, not a bare 500", { timeout: 30_000 }, async (t) => {
  const { store, post } = await serving(t, join(tempDir(t), "s.db"));
  await store.close();
  const res = await post([0, 1].map((n) => JSON.stringify({ id: `d${n}`, text: REPORTS[n] })).join("\n"));
  assert.equal(res.status, 503);
  const report = (await res.json()) as Report;
  assert.deepEqual(report.rejected.map((r) => [r.input, r.id]), [["line 1", "d0"], ["line 2", "d1"]]);
});
