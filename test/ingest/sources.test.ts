import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSources } from "../../src/ingest/sources.js";
import type { SourceItem } from "../../src/ingest/types.js";
import { reportHtml, reportParagraphs, reportText } from "../document/fixtures.js";
import { rssFeed } from "./fixtures.js";

let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), "sitrep-sources-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function collect(paths: string[], opts = {}): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readSources(paths, opts)) items.push(item);
  return items;
}

function tree(root: string, files: Record<string, string | Buffer>): string {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, ".."), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

test("a folder is read recursively in name order, hidden and unknown files skipped", async () => {
  const root = tree(join(dir, "tree"), {
    "b.txt": "Second report.",
    "a.txt": reportText,
    "sub/c.html": reportHtml,
    "sub/d.jsonl": '{"id":"j1","text":"From JSONL."}\n{"id":"j2","text":"Also."}\n',
    ".hidden.txt": "Not read.",
    ".git/x.txt": "Not read either.",
    "notes.md": "Not a source.",
  });
  const items = await collect([root]);
  assert.deepEqual(
    items.map((i) => [i.origin.slice(root.length + 1), i.doc?.id, i.error]),
    [
      ["a.txt", "a", undefined],
      ["b.txt", "b", undefined],
      ["sub/c.html", "sub/c", undefined],
      ["sub/d.jsonl:1", "j1", undefined],
      ["sub/d.jsonl:2", "j2", undefined],
    ],
  );
  assert.equal(items[0].doc?.text, reportText);
});

test("a .txt file named alone has its file name without extension as id", async () => {
  const path = tree(join(dir, "single"), { "seed-007.txt": "Gunmen attacked a convoy." });
  const [item] = await collect([join(path, "seed-007.txt")]);
  assert.deepEqual(item, { origin: join(path, "seed-007.txt"), doc: { id: "seed-007", text: "Gunmen attacked a convoy." } });
});

test("an HTML file gives the article's text, the page's metadata, and the page as raw", async () => {
  const root = tree(join(dir, "html"), { "page.htm": reportHtml, "empty.html": "<html><body><nav></nav></body></html>" });
  const [empty, page] = await collect([root]);
  assert.deepEqual(empty, { origin: join(root, "empty.html"), error: "no article text in the HTML" });
  assert.equal(page.doc?.id, "page");
  assert.equal(page.doc?.published, "2019-03-05");
  assert.equal(page.doc?.outlet, "The Coastal Observer");
  assert.ok(reportParagraphs.every((p) => page.doc?.text?.includes(p)));
  assert.equal(page.raw, reportHtml);
});

test("feed files give one document per item; a feed that is not XML is an error and the rest continues", async () => {
  const root = tree(join(dir, "feeds"), { "a.rss": rssFeed, "b.xml": "plain words, no markup", "c.txt": "After the feeds." });
  const items = await collect([root]);
  assert.deepEqual(
    items.map((i) => i.origin.slice(root.length + 1)),
    ["a.rss#1", "a.rss#2", "a.rss#3", "a.rss#4", "b.xml", "c.txt"],
  );
  assert.equal(items[0].doc?.id, "observer-1001");
  assert.match(items[4].error ?? "", /^not an RSS or Atom feed/);
  assert.equal(items[5].doc?.text, "After the feeds.");
});

test("a file named alone with another extension is read by what it holds", async () => {
  const root = tree(join(dir, "sniff"), { "latest.feed": rssFeed, "page.php": reportHtml, "note.dat": "Plain report text." });
  const [feed] = await collect([join(root, "latest.feed")]);
  assert.equal(feed.doc?.id, "observer-1001");
  const [page] = await collect([join(root, "page.php")]);
  assert.equal(page.doc?.outlet, "The Coastal Observer");
  const [note] = await collect([join(root, "note.dat")]);
  assert.deepEqual(note.doc, { id: "note", text: "Plain report text." });
});

test("missing paths, broken links, binary junk and unreadable files are error items; the rest continues", async () => {
  const root = tree(join(dir, "bad"), {
    "junk.txt": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]),
    "locked.txt": "Secret.",
    "z.txt": "Still read.",
  });
  symlinkSync(join(root, "nowhere.txt"), join(root, "link.txt"));
  chmodSync(join(root, "locked.txt"), 0o000);
  const missing = join(dir, "does-not-exist");
  const items = await collect([missing, root]);
  const byName = Object.fromEntries(items.map((i) => [i.origin.slice(i.origin.lastIndexOf("/") + 1), i]));
  assert.deepEqual(byName["does-not-exist"], { origin: missing, error: "no such file or directory" });
  assert.equal(byName["junk.txt"].error, "not text (binary data)");
  assert.equal(byName["link.txt"].error, "no such file or directory");
  // root reads every file whatever its mode; for anyone else the locked file is an error.
  if (process.getuid?.() !== 0) assert.equal(byName["locked.txt"].error, "permission denied");
  assert.equal(byName["z.txt"].doc?.text, "Still read.");
});

test("a file over the size limit is refused by its size, without being read", async () => {
  const path = join(dir, "huge.txt");
  writeFileSync(path, "");
  truncateSync(path, 50 * 1024 * 1024);
  const [item] = await collect([path]);
  assert.deepEqual(item, { origin: path, error: "larger than 20 MB (50 MB); raise the size limit to read it" });
  const small = tree(join(dir, "limit"), { "a.txt": "x".repeat(2048) });
  const [limited] = await collect([join(small, "a.txt")], { maxBytes: 1024 });
  assert.match(limited.error ?? "", /^larger than 1 KB/);
});

test("a folder of a folder linking back to itself ends", async () => {
  const root = tree(join(dir, "loop"), { "a.txt": "Once." });
  symlinkSync(root, join(root, "again"));
  const items = await collect([root]);
  assert.deepEqual(items.map((i) => i.doc?.id), ["a"]);
});
