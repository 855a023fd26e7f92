import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { JsonlReadError, readJsonl, type JsonlItem } from "../../src/ingest/jsonl.js";

async function collect(input: NodeJS.ReadableStream | string, opts = {}): Promise<JsonlItem[]> {
  const items: JsonlItem[] = [];
  for await (const item of readJsonl(input, opts)) items.push(item);
  return items;
}

const streamOf = (...chunks: (string | Buffer)[]) => Readable.from(chunks.map((c) => (typeof c === "string" ? Buffer.from(c) : c)));

test("one item per non-blank line, numbered as in the file", async () => {
  const items = await collect(streamOf('\uFEFF{"id":"a","text":"one"}\r\n\n   \n{"id":"b","html":"<p>two</p>"}'));
  assert.deepEqual(items, [
    { line: 1, doc: { id: "a", text: "one" } },
    { line: 4, doc: { id: "b", html: "<p>two</p>" } },
  ]);
});

test("bad lines are reported with a reason and the rest is read", async () => {
  const input = ['{"id":"a","text":"x"}', "{not json", "[1,2]", '{"text":"no id"}', '{"id":5,"text":"x"}', '{"id":"a","text":"again"}', '{"id":"c","text":"y"}'].join("\n");
  const items = await collect(streamOf(input));
  assert.equal(items.length, 7);
  assert.match(items[1].error ?? "", /^invalid JSON: /);
  assert.equal(items[1].line, 2);
  assert.equal(items[2].error, "not a JSON object");
  assert.equal(items[3].error, "missing id");
  assert.equal(items[4].error, "id must be a string");
  assert.equal(items[5].error, 'duplicate id "a" (first on line 1)');
  assert.deepEqual(items[6], { line: 7, doc: { id: "c", text: "y" } });
});

test("a line split across chunks, inside a multi-byte character, is read whole", async () => {
  const bytes = Buffer.from('{"id":"a","text":"Şabrātah – “quoted”"}\n');
  const items = await collect(streamOf(bytes.subarray(0, 20), bytes.subarray(20, 21), bytes.subarray(21)));
  assert.equal(items[0].doc?.text, "Şabrātah – “quoted”");
});

test("a line over the limit is an error, and the next line is read", async () => {
  const long = JSON.stringify({ id: "big", text: "x".repeat(5000) });
  const items = await collect(streamOf(long.slice(0, 100), long.slice(100), '\n{"id":"ok","text":"fine"}\n'), { maxLineBytes: 1024 });
  assert.deepEqual(items, [
    { line: 1, error: "line too long (over 1 KB)" },
    { line: 2, doc: { id: "ok", text: "fine" } },
  ]);
});

test("a 5 MB document in a file is read by default", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-jsonl-"));
  try {
    const text = "Gunmen attacked the checkpoint. ".repeat(160_000);
    const path = join(dir, "big.jsonl");
    writeFileSync(path, `${JSON.stringify({ id: "big", text })}\n${JSON.stringify({ id: "small", text: "ok" })}\n`);
    const items = await collect(path);
    assert.equal(items.length, 2);
    assert.equal(items[0].doc?.text?.length, text.length);
    assert.equal(items[1].doc?.id, "small");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an input that cannot be read throws an error naming it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-jsonl-"));
  try {
    await assert.rejects(collect(join(dir, "missing.jsonl")), (err: unknown) => {
      assert.ok(err instanceof JsonlReadError);
      assert.equal(err.message, `${join(dir, "missing.jsonl")}: no such file or directory`);
      return true;
    });
    await assert.rejects(collect(dir), { name: "JsonlReadError", message: `${dir}: is a directory, not a file` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
