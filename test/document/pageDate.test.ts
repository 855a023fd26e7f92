import { test } from "node:test";
import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { pageDate } from "../../src/document/pageDate.js";

const page = (head: string, body = "") => parseHTML(`<html><head>${head}</head><body>${body}</body></html>`).document;

test("the publication date comes from meta tags, JSON-LD or a <time> element", () => {
  assert.equal(pageDate(page('<meta property="article:published_time" content="2016-03-02T10:00:00+02:00">')), "2016-03-02");
  assert.equal(pageDate(page('<meta name="date" content="2016-03-03">')), "2016-03-03");
  const graph = { "@context": "https://schema.org", "@graph": [{ "@type": "WebPage" }, { "@type": "NewsArticle", datePublished: "2016-03-04T12:00:00Z" }] };
  assert.equal(pageDate(page(`<script type="application/ld+json">${JSON.stringify(graph)}</script>`)), "2016-03-04");
  assert.equal(pageDate(page("", '<article><time datetime="2016-03-05T09:00">5 March</time></article>')), "2016-03-05");
});

test("broken JSON-LD and unparseable dates are passed over", () => {
  const head = '<script type="application/ld+json">{not json</script><meta name="date" content="soon">';
  assert.equal(pageDate(page(head, '<time datetime="2016-03-06">6 March</time>')), "2016-03-06");
  assert.equal(pageDate(page(head)), undefined);
});
