import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findCasualties, type CasualtyFigure } from "../../../src/extract/casualties/index.js";
import { splitSentences } from "../../../src/extract/sentences.js";
import { sourceOf } from "./helpers.js";
import { projectRoot } from "../../../src/paths.js";

const seeds = join(projectRoot, "../shared/dev/seeds");

interface Gold {
  documentId: string;
  id: string;
  killed?: number;
  wounded?: number;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

function figuresOf(text: string): CasualtyFigure[] {
  const source = sourceOf(text);
  return splitSentences(source.doc).flatMap((s) => findCasualties(source, s).figures);
}

test("every killed and wounded figure of the seed gold is among the figures found in its article", () => {
  const docs = new Map(readJsonl<{ id: string; text: string }>(join(seeds, "documents.jsonl")).map((d) => [d.id, figuresOf(d.text)]));
  const gold = readJsonl<Gold>(join(seeds, "gold.jsonl"));
  for (const g of gold) {
    for (const role of ["killed", "wounded"] as const) {
      if (g[role] === undefined) continue;
      const found = docs.get(g.documentId)!.some((f) => f.role === role && f.value === g[role]);
      assert.ok(found, `${g.documentId} ${g.id}: ${role} ${g[role]} not found`);
    }
  }
});

test("the seed articles yield no figure that is a subset or a number of something else", () => {
  const docs = readJsonl<{ id: string; text: string }>(join(seeds, "documents.jsonl"));
  const values = docs.flatMap((d) => figuresOf(d.text).map((f) => `${d.id} ${f.role} ${f.value}`));
  for (const wrong of ["seed-000 wounded 3", "seed-001 killed 5", "seed-001 killed 40", "seed-003 killed 5", "seed-003 killed 2"]) {
    assert.ok(!values.includes(wrong), wrong);
  }
});
