import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fetchDocument, fetchFeed, fetchFeedIfChanged } from "../../src/ingest/fetch.js";
import { FetchRefused } from "../../src/ingest/guard.js";
import { reportHtml, reportParagraphs } from "../document/fixtures.js";
import { rssFeed } from "./fixtures.js";

let server: Server;
let base: string;
const timers = new Set<NodeJS.Timeout>();

before(async () => {
  server = createServer((req, res) => {
    const route = req.url ?? "/";
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
      res.end(body);
    };
    if (route === "/article") return send(200, "text/html; charset=utf-8", reportHtml);
    if (route === "/feed") return send(200, "application/rss+xml", rssFeed);
    if (route === "/conditional") {
      const validators = { etag: '"v1"', "last-modified": "Tue, 05 Mar 2019 08:15:00 GMT" };
      if (req.headers["if-none-match"] === '"v1"' || req.headers["if-modified-since"] === validators["last-modified"]) {
        res.writeHead(304, validators);
        return res.end();
      }
      res.writeHead(200, { "content-type": "application/rss+xml", ...validators });
      return res.end(rssFeed);
    }
    if (route === "/redirect") {
      res.writeHead(302, { location: "/article" });
      return res.end();
    }
    if (route === "/loop") {
      res.writeHead(301, { location: "/loop" });
      return res.end();
    }
    if (route === "/to-private") {
      res.writeHead(302, { location: "http://10.255.255.1/internal" });
      return res.end();
    }
    if (route === "/to-localhost") {
      res.writeHead(307, { location: `http://localhost:${(server.address() as AddressInfo).port}/article` });
      return res.end();
    }
    if (route === "/big") return send(200, "text/html", Buffer.alloc(2 * 1024 * 1024, "a"));
    if (route === "/big-chunked") {
      res.writeHead(200, { "content-type": "text/html" });
      for (let i = 0; i < 40; i++) res.write(Buffer.alloc(64 * 1024, "b"));
      return res.end();
    }
    if (route === "/slow") {
      const timer = setTimeout(() => send(200, "text/html", reportHtml), 5000);
      timers.add(timer);
      return;
    }
    if (route === "/data.json") return send(200, "application/json", '{"a":1}');
    if (route === "/no-article") return send(200, "text/html", "<html><body><nav></nav></body></html>");
    send(404, "text/plain", "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  for (const timer of timers) clearTimeout(timer);
  server.closeAllConnections();
  server.close();
});

const loopbackOk = { allowPrivate: true };

test("a page is fetched and its article becomes a document with the URL as id", async () => {
  const item = await fetchDocument(`${base}/article`, loopbackOk);
  assert.equal(item.origin, `${base}/article`);
  assert.equal(item.doc?.id, `${base}/article`);
  assert.equal(item.doc?.url, `${base}/article`);
  assert.equal(item.doc?.published, "2019-03-05");
  assert.ok(reportParagraphs.every((p) => item.doc?.text?.includes(p)));
  assert.equal(item.raw, reportHtml);
});

test("loopback and private addresses are refused unless allowed", async () => {
  const item = await fetchDocument(`${base}/article`);
  assert.deepEqual(item, { origin: `${base}/article`, error: "refused: 127.0.0.1 is a loopback address; pass --allow-private to allow it" });
});

test("redirects are followed, and the document keeps where it ended", async () => {
  const item = await fetchDocument(`${base}/redirect`, loopbackOk);
  assert.equal(item.doc?.id, `${base}/redirect`);
  assert.equal(item.doc?.url, `${base}/article`);
});

test("every redirect hop passes the address guard; a name is judged by the addresses the connection is made to", async () => {
  const port = (server.address() as AddressInfo).port;
  const allowThisHost = { allowHosts: ["127.0.0.1"], allowPorts: [port] };
  const toPrivate = await fetchDocument(`${base}/to-private`, allowThisHost);
  assert.equal(toPrivate.error, "redirected to http://10.255.255.1/internal, refused: 10.255.255.1 is a private address; pass --allow-private to allow it");
  const toLocalhost = await fetchDocument(`${base}/to-localhost`, allowThisHost);
  assert.match(toLocalhost.error ?? "", /^redirected to http:\/\/localhost:\d+\/article, refused: (127\.0\.0\.1|::1) is a loopback address/);
  assert.match((await fetchDocument(`http://localhost:${port}/article`, { allowPorts: [port] })).error ?? "", /^refused: (127\.0\.0\.1|::1) is a loopback address/);
});

test("ports other than 80 and 443 are refused unless allowed", async () => {
  const port = (server.address() as AddressInfo).port;
  const refused = await fetchDocument(`http://localhost:${port}/article`);
  assert.equal(refused.error, `refused: port ${port} (only 80 and 443 are fetched); pass --allow-port ${port} to allow it`);
  assert.equal((await fetchDocument(`http://localhost:${port}/article`, { allowHosts: ["localhost"] })).error, undefined);
});

test("redirects are bounded", async () => {
  const item = await fetchDocument(`${base}/loop`, { ...loopbackOk, maxRedirects: 3 });
  assert.equal(item.error, "more than 3 redirects");
});

test("a body over the byte limit is refused, whether announced or streamed", async () => {
  const opts = { ...loopbackOk, maxBytes: 1024 * 1024 };
  assert.equal((await fetchDocument(`${base}/big`, opts)).error, "larger than 1 MB");
  assert.equal((await fetchDocument(`${base}/big-chunked`, opts)).error, "larger than 1 MB");
});

test("a slow server runs into the timeout", async () => {
  const item = await fetchDocument(`${base}/slow`, { ...loopbackOk, timeoutMs: 200 });
  assert.equal(item.error, "timed out after 0.2 s");
});

test("HTTP errors, other content types and pages without an article are reported", async () => {
  assert.equal((await fetchDocument(`${base}/missing`, loopbackOk)).error, "HTTP 404");
  assert.equal((await fetchDocument(`${base}/data.json`, loopbackOk)).error, "not an HTML page (content type application/json)");
  assert.equal((await fetchDocument(`${base}/no-article`, loopbackOk)).error, "no article text in the HTML");
});

test("only http and https URLs are fetched", async () => {
  assert.equal((await fetchDocument("file:///etc/passwd")).error, "refused: only http and https URLs are fetched, not file:");
  assert.equal((await fetchDocument("not a url")).error, "not a valid URL");
});

test("a feed is fetched and its items become documents", async () => {
  const items = await fetchFeed(`${base}/feed`, loopbackOk);
  assert.equal(items.length, 4);
  assert.equal(items[0].origin, `${base}/feed#1`);
  assert.equal(items[0].doc?.outlet, "The Coastal Observer");
});

test("a feed URL that serves a page, or fails, gives one error item", async () => {
  assert.deepEqual(await fetchFeed(`${base}/article`, loopbackOk), [{ origin: `${base}/article`, error: "not a feed (content type text/html)" }]);
  assert.deepEqual(await fetchFeed(`${base}/feed`), [{ origin: `${base}/feed`, error: "refused: 127.0.0.1 is a loopback address; pass --allow-private to allow it" }]);
});

test("a feed asked for again with its validators answers 304, and without them its entries and validators", async () => {
  const url = `${base}/conditional`;
  const first = await fetchFeedIfChanged(url, {}, loopbackOk);
  assert.ok("entries" in first);
  assert.deepEqual(first.validators, { etag: '"v1"', lastModified: "Tue, 05 Mar 2019 08:15:00 GMT" });
  assert.equal(first.entries.length, 4);
  assert.deepEqual(first.entries[0]!.facts?.id, "observer-1001");
  assert.deepEqual(await fetchFeedIfChanged(url, { etag: '"v1"' }, loopbackOk), { url, notModified: true });
  assert.deepEqual(await fetchFeedIfChanged(url, { lastModified: "Tue, 05 Mar 2019 08:15:00 GMT" }, loopbackOk), { url, notModified: true });
  assert.ok("entries" in (await fetchFeedIfChanged(url, { etag: '"v0"' }, loopbackOk)));
});

test("a feed that cannot be had throws, saying why", async () => {
  await assert.rejects(fetchFeedIfChanged(`${base}/article`, {}, loopbackOk), new FetchRefused("not a feed (content type text/html)"));
  await assert.rejects(fetchFeedIfChanged(`${base}/missing`, {}, loopbackOk), new FetchRefused("HTTP 404"));
});

test("a page fetched for a feed item keeps the item's id and what the feed said of it", async () => {
  const item = await fetchDocument(`${base}/redirect`, loopbackOk, { id: "observer-7", title: "From the feed", outlet: "The Coastal Observer" });
  assert.deepEqual([item.doc?.id, item.doc?.title, item.doc?.outlet, item.doc?.url], ["observer-7", "From the feed", "The Coastal Observer", `${base}/article`]);
});
