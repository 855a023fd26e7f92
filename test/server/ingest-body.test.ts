import { test } from "node:test";
import assert from "node:assert/strict";
import { HttpError } from "../../src/server/errors.js";
import { readDocuments } from "../../src/server/ingest.js";

test("JSONL: each line a document; a broken line is rejected by number and the rest kept", () => {
  const body = ['{"id":"a","text":"one"}', "{not json", "", '{"id":"b","text":"two"}'].join("\n");
  const { docs, rejected } = readDocuments(body, "application/x-ndjson");
  assert.deepEqual(docs.map((d) => [d.input, d.doc.id]), [["line 1", "a"], ["line 4", "b"]]);
  assert.equal(rejected.length, 1);
  assert.equal(rejected[0]!.input, "line 2");
  assert.match(rejected[0]!.error, /invalid JSON/);
});

test("JSON: an object is one document, an array many, numbered by item", () => {
  assert.deepEqual(readDocuments('{"id":"a","text":"x"}', "application/json").docs.map((d) => d.input), ["body"]);
  assert.deepEqual(readDocuments('[{"id":"a","text":"x"},{"id":"b","text":"y"}]', "application/json; charset=utf-8").docs.map((d) => d.input), ["item 1", "item 2"]);
});

test("an unreadable JSON body or another media type is a 400 saying so", () => {
  assert.throws(() => readDocuments("{", "application/json"), (e: unknown) => e instanceof HttpError && e.status === 400 && /invalid JSON body/.test(e.message));
  assert.throws(() => readDocuments("id=a", "application/x-www-form-urlencoded"), (e: unknown) => e instanceof HttpError && /unsupported content type/.test(e.message));
});
