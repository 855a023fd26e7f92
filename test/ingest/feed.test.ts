import { test } from "node:test";
import assert from "node:assert/strict";
import { feedItems, looksLikeFeed, NotAFeed, readFeed } from "../../src/ingest/feed.js";
import { reportParagraphs } from "../document/fixtures.js";
import { atomFeed, rssFeed } from "./fixtures.js";

test("RSS items become documents: guid or link as id, HTML content as text, channel title as outlet", async () => {
  const items = await feedItems(rssFeed, "feed.xml");
  assert.equal(items.length, 4);
  const [first, second] = items;
  assert.equal(first.origin, "feed.xml#1");
  assert.deepEqual(first.doc, {
    id: "observer-1001",
    text: reportParagraphs.join("\n\n"),
    title: "Gunmen kill three police officers at checkpoint",
    url: "https://observer.example/news/checkpoint",
    outlet: "The Coastal Observer",
    published: "2019-03-05",
  });
  assert.match(first.raw ?? "", /<p>Gunmen attacked/);
  assert.equal(second.doc?.id, "https://observer.example/news/curfew");
  assert.equal(second.doc?.text, "The council lifted the night curfew on Wednesday after a week without clashes.");
  assert.equal(second.doc?.published, "2019-03-06");
});

test("an item without id or text is an error item and the others still count", async () => {
  const items = await feedItems(rssFeed, "feed.xml");
  assert.deepEqual(items[2], { origin: "feed.xml#3", error: "item has neither guid nor link" });
  assert.deepEqual(items[3], { origin: "feed.xml#4", error: "item has no content or description" });
});

test("Atom entries use their id, content and published date", async () => {
  const [entry] = await feedItems(atomFeed, "wire.atom");
  assert.equal(entry.doc?.id, "urn:example:desert-wire:77");
  assert.equal(entry.doc?.url, "https://wire.example/77");
  assert.equal(entry.doc?.outlet, "Desert Wire");
  assert.equal(entry.doc?.published, "2019-03-07");
  assert.match(entry.doc?.text ?? "", /^Armed men ambushed a fuel convoy/);
});

test("a feed that is not XML, or XML that is not a feed, is one error item", async () => {
  const [notXml] = await feedItems("this is not xml at all", "junk.xml");
  assert.equal(notXml.origin, "junk.xml");
  assert.match(notXml.error ?? "", /^not an RSS or Atom feed: /);
  const [otherXml] = await feedItems("<?xml version=\"1.0\"?><catalog><book/></catalog>", "books.xml");
  assert.match(otherXml.error ?? "", /^not an RSS or Atom feed: /);
});

test("feeds are recognised by their root element", () => {
  assert.equal(looksLikeFeed(rssFeed.slice(0, 200)), true);
  assert.equal(looksLikeFeed(atomFeed.slice(0, 200)), true);
  assert.equal(looksLikeFeed("<html><body>feed me</body></html>"), false);
});

test("a feed's entries carry what the feed says of each item, and a text that is no feed throws", async () => {
  const entries = await readFeed(rssFeed, "feed.xml");
  assert.deepEqual(entries[1], {
    origin: "feed.xml#2",
    facts: { id: "https://observer.example/news/curfew", title: "Curfew lifted in eastern port", url: "https://observer.example/news/curfew", outlet: "The Coastal Observer", published: "2019-03-06" },
    content: "<p>The council lifted the night curfew on Wednesday after a week without clashes.</p>",
  });
  assert.deepEqual(entries[2], { origin: "feed.xml#3", content: "Text without an address." });
  await assert.rejects(readFeed("this is not xml at all", "junk.xml"), (err) => err instanceof NotAFeed && /^not an RSS or Atom feed: /.test(err.message));
});
