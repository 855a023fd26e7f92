import assert from "node:assert/strict";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { test } from "node:test";
import { openStore } from "../../src/store/open.js";
import { tempDir } from "../store/fixtures.js";
import { articlePage, REPORTS, rssFeed } from "./articles.js";
import { sitrep } from "./run.js";

const summary = (stderr: string) => /ingested (\d+) new, (\d+) versions, (\d+) duplicates, (\d+) errors/.exec(stderr)?.slice(1).map(Number);

/** A folder holding every kind of input, good and bad. */
function corpus(dir: string): string {
  const root = join(dir, "in");
  mkdirSync(join(root, "nested"), { recursive: true });
  const jsonl = [
    JSON.stringify({ id: "j1", text: REPORTS[0], published: "2021-03-08" }),
    '{"id": "j2", "text": "an unfinished line',
    JSON.stringify({ id: "j3", text: REPORTS[1], published: "2021-03-10" }),
  ];
  writeFileSync(join(root, "wire.jsonl"), `${jsonl.join("\n")}\n`);
  writeFileSync(join(root, "nested", "kidal.txt"), REPORTS[2]!);
  writeFileSync(join(root, "palma.html"), articlePage("Convoy hit near Palma", REPORTS[3]!));
  writeFileSync(join(root, "menu.html"), "<html><head><title>Menu</title></head><body><img src='map.png'></body></html>");
  writeFileSync(
    join(root, "wire.xml"),
    rssFeed([
      { guid: "http://wire.example/a", title: "Checkpoint attack", body: REPORTS[0]!.replace("three", "four"), date: "Mon, 08 Mar 2021 10:00:00 GMT" },
      { guid: "http://wire.example/b", title: "Abduction", body: REPORTS[2]!.replace("eight", "nine"), date: "Sat, 13 Mar 2021 10:00:00 GMT" },
    ]),
  );
  writeFileSync(join(root, "broken.rss"), "this is plain prose, not XML");
  writeFileSync(join(root, "huge.txt"), "A long report. ".repeat(50 * 1024 * 1024 / 15));
  writeFileSync(join(root, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1, 2, 3]));
  symlinkSync(join(root, "gone.txt"), join(root, "dangling.txt"));
  // Pathological but readable: markup nested 6,000 levels deep (it once overflowed the parser's
  // stack and lost the whole batch), and a run of 100,000 full stops before a report.
  const raid = "Armed men raided a police post in the hills on Friday night, killing two officers, a district official said.";
  writeFileSync(join(root, "deep.html"), `<html><body>${"<div>".repeat(6_000)}<p>${raid}</p>${"</div>".repeat(6_000)}</body></html>`);
  writeFileSync(join(root, "dots.txt"), `${".".repeat(100_000)} ${raid.replace("two", "three")}`);
  return root;
}

test("ingest stores every readable input and names each bad one with its reason", async (t) => {
  const dir = tempDir(t);
  const root = corpus(dir);
  const db = join(dir, "s.db");
  const run = await sitrep(["ingest", root, join(dir, "missing.jsonl"), "--db", db]);
  assert.equal(run.code, 1, run.stderr);
  assert.deepEqual(summary(run.stderr), [8, 0, 0, 7]);
  const errors = run.stderr.split("\n").filter((l) => l.startsWith(dir));
  const reasons: [string, RegExp][] = [
    [`${root}/wire.jsonl:2: `, /JSON/i],
    [`${root}/menu.html: `, /no article/],
    [`${root}/broken.rss: `, /not an RSS or Atom feed/],
    [`${root}/huge.txt: `, /larger than 20 MB/],
    [`${root}/binary.txt: `, /binary/],
    [`${root}/dangling.txt: `, /./],
    [`${dir}/missing.jsonl: `, /./],
  ];
  for (const [origin, reason] of reasons) {
    const line = errors.find((l) => l.startsWith(origin));
    assert.ok(line, `${origin} is reported:\n${run.stderr}`);
    assert.match(line.slice(origin.length), reason);
  }
  assert.equal(errors.length, reasons.length);
  // Piped, there is no progress bar: no terminal control codes.
  assert.doesNotMatch(run.stderr, /\x1b\[/);

  const store = await openStore({ db: db });
  t.after(() => store.close());
  const ids = (await store.listDocuments({})).items.map((d) => d.id).sort();
  assert.deepEqual(ids, ["deep", "dots", "http://wire.example/a", "http://wire.example/b", "j1", "j3", "nested/kidal", "palma"]);
  const page = await store.getDocument("palma");
  assert.match(page!.raw, /^<!doctype html>/);
  assert.doesNotMatch(page!.text, /<p>|Copyright/);
});

test("ingesting again stores nothing twice; changed text becomes a new version", async (t) => {
  const dir = tempDir(t);
  const input = join(dir, "docs.jsonl");
  const lines = REPORTS.map((text, i) => JSON.stringify({ id: `r${i}`, text, published: "2021-03-08" }));
  writeFileSync(input, `${lines.join("\n")}\n`);
  const db = join(dir, "s.db");
  assert.deepEqual(summary((await sitrep(["ingest", input, "--db", db])).stderr), [4, 0, 0, 0]);
  const again = await sitrep(["ingest", input, "--db", db]);
  assert.equal(again.code, 0);
  assert.deepEqual(summary(again.stderr), [0, 0, 4, 0]);

  // The same text under another id is kept under the first, and the run says so.
  const copy = join(dir, "copy.jsonl");
  writeFileSync(copy, `${JSON.stringify({ id: "copy-of-r0", text: REPORTS[0], published: "2021-03-08" })}\n`);
  const copied = await sitrep(["ingest", copy, "--db", db]);
  assert.equal(copied.code, 0);
  assert.match(copied.stderr, /copy\.jsonl:1: copy-of-r0 is the same text as stored document r0, and is kept under that id/);
  // A rerun under the same ids says nothing of the kind.
  assert.doesNotMatch(again.stderr, /kept under that id/);

  lines[1] = JSON.stringify({ id: "r1", text: `${REPORTS[1]} The toll later rose to seven.`, published: "2021-03-09" });
  writeFileSync(input, `${lines.join("\n")}\n`);
  assert.deepEqual(summary((await sitrep(["ingest", input, "--db", db])).stderr), [0, 1, 3, 0]);
  const stats = JSON.parse((await sitrep(["stats", "--db", db, "--format", "json"])).stdout);
  assert.equal(stats.documents, 4);
});

test("ingest with nothing to read says so", async (t) => {
  const run = await sitrep(["ingest", "--db", join(tempDir(t), "s.db")]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /nothing to ingest/);
});

function serve(routes: Record<string, (base: string) => { status?: number; type?: string; body?: string; location?: string }>): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const route = routes[req.url ?? ""];
    if (!route) {
      res.writeHead(404).end("not found");
      return;
    }
    const r = route(base);
    res.writeHead(r.status ?? 200, { "content-type": r.type ?? "text/html; charset=utf-8", ...(r.location ? { location: `${base}${r.location}` } : {}) });
    res.end(r.body ?? "");
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

test("--url and --feed fetch over HTTP, refusing loopback unless --allow-private", async (t) => {
  const { server, base } = await serve({
    "/news/palma": () => ({ body: articlePage("Convoy hit near Palma", REPORTS[3]!) }),
    "/old/kidal": () => ({ status: 301, location: "/news/kidal" }),
    "/news/kidal": () => ({ body: articlePage("Aid workers abducted", REPORTS[2]!) }),
    "/loop": () => ({ status: 302, location: "/loop" }),
    "/big": () => ({ body: articlePage("Long", "word ".repeat(40_000)) }),
    "/feed.xml": (b) => ({
      type: "application/rss+xml",
      body: rssFeed([{ guid: `${b}/news/mogadishu`, title: "Market bomb", body: REPORTS[1]!, date: "Tue, 09 Mar 2021 08:00:00 GMT" }]),
    }),
    "/not-a-feed": () => ({ type: "application/xml", body: "<html><body>moved</body>" }),
  });
  t.after(() => server.close());
  const db = join(tempDir(t), "s.db");

  const refused = await sitrep(["ingest", "--url", `${base}/news/palma`, "--db", db]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, new RegExp(`^${base}/news/palma: .*refused`, "m"));
  assert.deepEqual(summary(refused.stderr), [0, 0, 0, 1]);

  const run = await sitrep([
    "ingest", "--allow-private", "--max-bytes", "100000", "--db", db,
    "--url", `${base}/news/palma`, "--url", `${base}/old/kidal`, "--url", `${base}/loop`, "--url", `${base}/big`, "--url", `${base}/missing`,
    "--feed", `${base}/feed.xml`, "--feed", `${base}/not-a-feed`,
  ]);
  assert.equal(run.code, 1);
  assert.deepEqual(summary(run.stderr), [3, 0, 0, 4]);
  for (const origin of ["/loop", "/big", "/missing", "/not-a-feed"]) assert.match(run.stderr, new RegExp(`^${base}${origin}: \\S`, "m"));

  const store = await openStore({ db: db });
  t.after(() => store.close());
  const urls = (await store.listDocuments({})).items.map((d) => d.url).sort();
  assert.deepEqual(urls, [`${base}/news/kidal`, `${base}/news/mogadishu`, `${base}/news/palma`]);
});
