import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Parser from "rss-parser";
import type { SourceDocument } from "../../src/model.js";
import { projectRoot } from "../../src/paths.js";

const demoDir = join(projectRoot, "demo");
const KB = 1024;
const exampleDomain = /^https:\/\/[a-z0-9.-]+\.example\.(org|com|net)\//;

function articles(): SourceDocument[] {
  return readFileSync(join(demoDir, "articles.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as SourceDocument;
      } catch (err) {
        throw new Error(`demo/articles.jsonl:${i + 1}: ${(err as Error).message}`);
      }
    });
}

test("the demo JSONL holds about 36 documents in the contract's format with unique ids", () => {
  const docs = articles();
  assert.ok(docs.length >= 30 && docs.length <= 40, `${docs.length} documents`);
  assert.equal(new Set(docs.map((d) => d.id)).size, docs.length);
  for (const d of docs) {
    assert.match(d.id, /^demo-\d{3}$/);
    assert.ok(d.title && d.outlet, d.id);
    assert.match(d.url ?? "", exampleDomain, d.id);
    const size = Buffer.byteLength(d.text ?? "");
    assert.ok(size >= 1 * KB && size <= 5 * KB, `${d.id}: ${size} bytes`);
  }
});

test("publication dates span several years, and one report carries its date only in a dateline", () => {
  const docs = articles();
  const years = new Set(docs.filter((d) => d.published).map((d) => d.published!.slice(0, 4)));
  assert.ok(years.size >= 5, [...years].join(", "));
  const undated = docs.filter((d) => !d.published);
  assert.equal(undated.length, 1);
  assert.match(undated[0].text ?? "", /^[A-Z]+, [A-Z][a-z]{2} \d{1,2}, \d{4}/m);
});

test("one article quotes a literal script tag, for the page to show as text", () => {
  assert.ok(articles().some((d) => d.text?.includes("<script>alert(1)</script>")));
});

test("the feed is RSS with three dated items", async () => {
  const feed = await new Parser().parseString(readFileSync(join(demoDir, "feed.xml"), "utf8"));
  assert.equal(feed.items.length, 3);
  for (const item of feed.items) {
    assert.ok(item.isoDate && item.guid && item.link, item.title);
    assert.match(item.link!, exampleDomain);
  }
});

test("the two HTML pages wrap an <article> in page chrome and state their publication time", () => {
  const pages = readdirSync(demoDir).filter((f) => f.endsWith(".html"));
  assert.equal(pages.length, 2);
  for (const page of pages) {
    const html = readFileSync(join(demoDir, page), "utf8");
    assert.match(html, /<article[\s>]/, page);
    assert.match(html, /<nav[\s>]/, page);
    assert.match(html, /article:published_time/, page);
    assert.match(html, /©/, page);
  }
});
