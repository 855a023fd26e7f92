import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../../src/paths.js";
import type { Mention } from "../../src/model.js";

const bin = join(projectRoot, "bin/sitrep.js");
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, "extract", ...args], { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
const parse = (stdout: string) => stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Mention);

const attack = (id: string) => ({
  id,
  published: "2022-05-16",
  text: "Gunmen opened fire on a bus near Peshawar on Sunday, killing six passengers and wounding nine.",
});

test("reads JSONL from stdin and writes mentions in input order with exact evidence", () => {
  const docs = [attack("d1"), { id: "d2", text: "The council met to discuss the budget.", published: "2022-05-16" }, attack("d3")];
  const r = run([], docs.map((d) => JSON.stringify(d)).join("\n"));
  assert.equal(r.status, 0, r.stderr);
  const ms = parse(r.stdout);
  assert.deepEqual(ms.map((m) => m.documentId), ["d1", "d3"]);
  assert.equal(new Set(ms.map((m) => m.id)).size, ms.length);
  const text = docs[0]!.text!;
  for (const e of ms[0]!.evidence) assert.equal(text.slice(e.start, e.end), e.text);
  assert.equal(ms[0]!.killed?.value, 6);
  assert.equal(ms[0]!.wounded?.value, 9);
  assert.equal(ms[0]!.date?.start, "2022-05-15");
});

test("bad lines are reported as LINE: reason, the rest is processed, exit status 1", () => {
  const lines = [
    JSON.stringify(attack("ok1")),
    "{not json",
    JSON.stringify({ text: "no id here" }),
    JSON.stringify({ id: "empty", text: "" }),
    JSON.stringify({ id: "bin", text: "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007".repeat(200) }),
    JSON.stringify({ id: "fr", text: "Des hommes armés ont ouvert le feu sur un autobus près de la ville dimanche soir, selon la police locale." }),
    JSON.stringify(attack("ok2")),
  ];
  const r = run([], lines.join("\n"));
  assert.equal(r.status, 1);
  const errors = r.stderr.trim().split("\n");
  assert.ok(errors.some((e) => e.startsWith("2: ")), r.stderr);
  assert.ok(errors.some((e) => e.startsWith("3: ")), r.stderr);
  assert.ok(errors.some((e) => e.startsWith("4: ")), r.stderr);
  const ids = parse(r.stdout).map((m) => m.documentId);
  assert.ok(ids.includes("ok1") && ids.includes("ok2"));
  assert.ok(!ids.includes("fr"));
});

test("a .txt path is one document named by its file (less the extension), and --output writes a file", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-extract-"));
  const file = join(dir, "bus-attack.txt");
  writeFileSync(file, "May 16, 2022\n\n" + attack("x").text);
  const out = join(dir, "out.jsonl");
  const r = run(["--input", file, "--output", out]);
  assert.equal(r.status, 0, r.stderr);
  const ms = parse(readFileSync(out, "utf8"));
  assert.equal(ms[0]?.documentId, "bus-attack");
  assert.equal(ms[0]?.date?.start, "2022-05-15");
});

test("a 5 MB document is processed, not a crash", () => {
  const big = { id: "big", published: "2022-05-16", text: `${attack("b").text}\n\n${"The market reopened and traders returned. ".repeat(125_000)}` };
  const r = run([], JSON.stringify(big));
  assert.equal(r.status, 0, r.stderr);
  assert.ok(parse(r.stdout).length >= 1);
});

test("on several threads the output is the same, byte for byte, and bad lines are still named", () => {
  const towns = ["Peshawar", "Quetta", "Kandahar", "Mosul", "Sirte", "Gao", "Kidal", "Beni"];
  const lines: string[] = [];
  // Enough documents that the threads start, with a bad line among them.
  for (let n = 0; n < 150; n++) {
    const town = towns[n % towns.length]!;
    const text = `A bomb exploded near a market in ${town} on Sunday, killing ${(n % 9) + 2} people and wounding ${n % 7}, police said.`;
    lines.push(n === 70 ? "{not json" : JSON.stringify({ id: `t${n}`, published: "2022-05-16", text }));
  }
  const one = run(["--threads", "1"], lines.join("\n"));
  const two = run(["--threads", "2"], lines.join("\n"));
  assert.equal(one.status, 1);
  assert.equal(two.status, 1);
  assert.equal(two.stdout, one.stdout);
  assert.equal(parse(two.stdout).length, 149);
  assert.match(two.stderr, /^71: /m);
});

test("--threads takes a whole number of at least one", () => {
  const r = run(["--threads", "0"], JSON.stringify(attack("d1")));
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /--threads/);
});
