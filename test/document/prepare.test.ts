import { test } from "node:test";
import assert from "node:assert/strict";
import { InputError, prepareDocument } from "../../src/document/prepare.js";
import type { Doc, SourceDocument } from "../../src/model.js";
import { reportHtml, reportParagraphs, reportText } from "./fixtures.js";

/** prepareDocument, with the length invariant checked on every input. */
function prepare(src: SourceDocument): Doc {
  const doc = prepareDocument(src);
  assert.equal(doc.clean.length, doc.text.length, "clean must be exactly as long as text");
  return doc;
}

function rejects(src: unknown, reason: string | RegExp) {
  assert.throws(
    () => prepare(src as SourceDocument),
    (err: unknown) => err instanceof InputError && (typeof reason === "string" ? err.message === reason : reason.test(err.message)),
  );
}

test("text input keeps the user's text and cleans a copy of the same length", () => {
  const doc = prepare({ id: "r1", text: reportText, outlet: "Coastal Observer", url: "https://example.org/r1" });
  assert.equal(doc.text, reportText);
  assert.equal(doc.outlet, "Coastal Observer");
  assert.equal(doc.url, "https://example.org/r1");
  assert.doesNotMatch(doc.clean, /Leave a Reply|Share this/);
  for (const p of reportParagraphs) assert.equal(doc.clean.slice(doc.text.indexOf(p)).startsWith(p), true);
});

test("documents that cannot be read are refused with a reason", () => {
  rejects({ text: "Gunmen attacked." }, "missing id");
  rejects({ id: "  ", text: "Gunmen attacked." }, "missing id");
  rejects({ id: 7, text: "Gunmen attacked." }, "id must be a string");
  rejects({ id: "a" }, "neither text nor html");
  rejects({ id: "a", text: "  \n " }, "empty text");
  rejects({ id: "a", html: "<html><body><nav></nav></body></html>" }, "no article text in the HTML");
  rejects({ id: "a", text: "PK\u0003\u0004\u0000\u0000binary" }, "not text (binary data)");
  rejects({ id: "a", text: 42 }, "text must be a string");
  rejects("just a string", "not a JSON object");
  rejects({ id: "a", text: "Shots.", published: "last Tuesday" }, /^published is not an ISO 8601 date/);
});

test("a given publication date wins and is cut to its day", () => {
  const doc = prepare({ id: "a", text: "Shots were fired.", published: "2015-04-13T23:30:00-05:00", html: reportHtml });
  assert.equal(doc.published, "2015-04-13");
  assert.equal(doc.publishedFrom, "given");
});

test("no date given and none in a page: published stays unknown", () => {
  const doc = prepare({ id: "a", text: "Shots were fired." });
  assert.equal(doc.published, undefined);
  assert.equal(doc.publishedFrom, undefined);
});

test("HTML input: the article's text with paragraph breaks, and the page's title, byline, outlet and date", () => {
  const doc = prepare({ id: "h1", html: reportHtml });
  assert.equal(doc.published, "2019-03-05");
  assert.equal(doc.publishedFrom, "html");
  assert.equal(doc.outlet, "The Coastal Observer");
  assert.equal(doc.byline, "Amal Haddad");
  assert.match(doc.title ?? "", /^Gunmen kill three police officers at checkpoint/);
  for (const p of reportParagraphs) assert.ok(doc.text.includes(`${p}\n\n`) || doc.text.endsWith(p), p);
  assert.doesNotMatch(doc.text, /tracker|Port reopens|<p>/);
  assert.doesNotMatch(doc.clean, /Share this|Tweet/);
});

test("given title and outlet win over the page's", () => {
  const doc = prepare({ id: "h1", html: reportHtml, title: "My title", outlet: "My outlet" });
  assert.equal(doc.title, "My title");
  assert.equal(doc.outlet, "My outlet");
});

test("a script in the article is neither run nor kept; escaped markup stays text", () => {
  (globalThis as Record<string, unknown>).sitrepScriptRan = false;
  const html = `<html><body><article><h1>Report</h1>
    <p>${reportParagraphs[0]}</p>
    <script>globalThis.sitrepScriptRan = true; document.write("injected words")</script>
    <p>The statement quoted the tag &lt;script&gt;alert(1)&lt;/script&gt; as posted online by the group.</p>
    <p>${reportParagraphs[1]}</p></article></body></html>`;
  const doc = prepare({ id: "s", html });
  assert.equal((globalThis as Record<string, unknown>).sitrepScriptRan, false);
  assert.doesNotMatch(doc.text, /sitrepScriptRan|injected words/);
  assert.match(doc.text, /quoted the tag <script>alert\(1\)<\/script> as posted/);
});

test("a page Readability finds no article in falls back to its body text", () => {
  const doc = prepare({ id: "b", html: "<html><body><div>Two soldiers were wounded.</div></body></html>" });
  assert.equal(doc.text, "Two soldiers were wounded.");
});

test("an HTML fragment is read as a page body", () => {
  const doc = prepare({ id: "f", html: "<p>First paragraph here.</p><p>Second one<br>with a break.</p>" });
  assert.equal(doc.text, "First paragraph here.\n\nSecond one\nwith a break.");
});

test("the language is set when the text is long enough, and text in another language is no error", () => {
  assert.equal(prepare({ id: "e", text: reportText }).language, "eng");
  const french =
    "Des hommes armés ont attaqué mardi un poste de contrôle de la police à la sortie de la ville côtière, tuant trois agents et en blessant deux autres, selon une source sécuritaire. Les assaillants ont pris la fuite vers le sud.";
  const doc = prepare({ id: "f", text: french });
  assert.equal(doc.language, "fra");
  assert.equal(doc.text, french);
  assert.equal(prepare({ id: "s", text: "Gunmen attacked." }).language, undefined);
});

test("a 5 MB document is prepared whole", () => {
  const paragraphs = Array.from({ length: 40_000 }, (_, i) => `${reportParagraphs[i % 3]} (${i})`);
  const text = paragraphs.join("\n\n");
  assert.ok(text.length > 5_000_000);
  const doc = prepare({ id: "big", text });
  assert.equal(doc.text, text);
  assert.equal(doc.language, "eng");
});

test("a page nested thousands of levels deep is read, its text kept, in bounded time", { timeout: 20_000 }, () => {
  const paragraph = "Gunmen attacked a checkpoint outside the town on Sunday, killing three guards, officials said.";
  const wrapped = (depth: number) => `${"<div><span>".repeat(depth)}<p>${paragraph}</p>${"</span></div>".repeat(depth)}`;
  // Before the page was cut to its first MAX_NESTING levels, 3,000 levels took 90 s and then overflowed the stack.
  const deep = prepareDocument({ id: "deep", html: wrapped(3_000) });
  assert.equal(deep.text.trim(), paragraph);
  // Within the limit, paragraphs stay paragraphs.
  const html = `${"<div>".repeat(40)}<p>${paragraph}</p><p>Police said no group had claimed it.</p>${"</div>".repeat(40)}`;
  assert.equal(prepareDocument({ id: "shallow", html }).text, `${paragraph}\n\nPolice said no group had claimed it.`);
});
