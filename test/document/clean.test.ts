import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { activeCodebook } from "../../src/codebook/load.js";
import { cleanText } from "../../src/document/clean.js";
import { projectRoot } from "../../src/paths.js";
import { reportParagraphs, reportText } from "./fixtures.js";

/** cleanText, with the invariant every caller relies on checked on every input. */
function clean(text: string): string {
  const out = cleanText(text, activeCodebook());
  assert.equal(out.length, text.length, "clean text must be exactly as long as the text");
  return out;
}

/** The lines of the cleaned text that still carry words. */
function kept(text: string): string[] {
  return clean(text)
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

test("article paragraphs stay at their offsets while the site furniture is blanked", () => {
  const out = clean(reportText);
  for (const p of reportParagraphs) {
    const at = reportText.indexOf(p);
    assert.equal(out.slice(at, at + p.length), p);
  }
  assert.deepEqual(kept(reportText), ["Gunmen kill three police officers at checkpoint", ...reportParagraphs]);
});

test("blanking keeps line breaks, CRLF included", () => {
  const text = "Leave a Reply\r\nGunmen fired on the convoy.\r\n";
  const out = clean(text);
  assert.equal(out, "             \r\nGunmen fired on the convoy.\r\n");
});

test("hashtags become words in place, underscores become spaces", () => {
  assert.equal(clean("#ISIS claimed the attack near #Ras_lanuf."), " ISIS claimed the attack near  Ras lanuf.");
});

test("a hash that is not a hashtag is left alone", () => {
  for (const text of ["He was ranked #1 in the poll.", "See page.html#section for C# code.", "It&#8217;s late."]) {
    assert.equal(clean(text), text);
  }
});

test("handles become names, e-mail addresses stay", () => {
  assert.equal(clean("A spokesman told @Reuters_World by phone."), "A spokesman told  Reuters World by phone.");
  assert.equal(clean("Write to desk@example.org for details."), "Write to desk@example.org for details.");
});

test("a row of hashtags is blanked whole", () => {
  assert.deepEqual(kept("Troops entered the town.\n#Libya #News #Breaking_News\n"), ["Troops entered the town."]);
});

test("curly quotes, non-breaking spaces and dashes become plain in place", () => {
  assert.equal(clean("“We won’t leave,” he said\u00a0– at 10\u201312 am."), "\"We won't leave,\" he said - at 10-12 am.");
});

test("boilerplate patterns match the plain form of curly punctuation", () => {
  assert.deepEqual(kept("Shots were heard.\nPlease let us know if you’re having issues with commenting."), ["Shots were heard."]);
});

test("comment widgets, counters and copyright lines go", () => {
  const text = [
    "A bomb exploded at the market.",
    "Comments 0",
    "3 Comments",
    "Leave a comment",
    "Your email address will not be published.",
    "Required fields are marked *",
    "Copyright 2018 Example Media Group",
    "(c) 2018 Example Media Group",
  ].join("\n");
  assert.deepEqual(kept(text), ["A bomb exploded at the market."]);
});

test("follow prompts and share bars go, also inside a paragraph", () => {
  const text = "Follow us on:\nFacebook | Twitter | WhatsApp\nThe army said the road was reopened. Share on Facebook\n";
  assert.deepEqual(kept(text), ["The army said the road was reopened."]);
});

test("a teaser heading takes the headlines and cut-off excerpts after it, and stops at prose", () => {
  const prose = "Officials said the convoy had been travelling from the capital to the southern oil fields when it came under fire late on Monday.";
  const text = [
    "Check Also",
    "",
    "Minister visits border crossing after attack",
    "",
    "The interior minister toured the crossing on Sunday and promised more guards …",
    "Read more...",
    "",
    prose,
  ].join("\n");
  assert.deepEqual(kept(text), [prose]);
});

test("link-bait headings start a teaser block too", () => {
  const text = "Militants shelled the airport.\n\nYou May Also Like\nTen photos of the old city\nWhy the ceasefire failed\n";
  assert.deepEqual(kept(text), ["Militants shelled the airport."]);
});

test("a one-line teaser goes alone", () => {
  const prose = "The attack was the deadliest in the province since the spring, when a car bomb killed eleven people outside a bank.";
  assert.deepEqual(kept(`Read more: Car bomb kills eleven outside bank\n${prose}`), [prose]);
});

test("a line repeated word for word keeps its first copy only; short lines may repeat", () => {
  const caption = "Smoke rises over the harbour district after the shelling";
  const text = `${caption}\n\n${caption}\n\nUpdate\n\nUpdate\n\nThe shelling lasted two hours.`;
  assert.deepEqual(kept(text), [caption, "Update", "Update", "The shelling lasted two hours."]);
});

test("a caption ending in a bracketed agency credit goes; an editorial bracket stays", () => {
  const text = "Fighters patrol the outskirts of the city [Reuters/Staff]\nHe said the rebels \"will return [sic]\nIt was calm.";
  assert.deepEqual(kept(text), ["He said the rebels \"will return [sic]", "It was calm."]);
});

test("labelled captions and bylines go", () => {
  const text = "Photo: Firefighters at the scene\nBy Amal Haddad and Tom West\nFire broke out at the depot.";
  assert.deepEqual(kept(text), ["Fire broke out at the depot."]);
});

test("agency sign-offs and reporting credits go", () => {
  const text = [
    "Police arrested two suspects.",
    "The Daily Herald with inputs from Agencies",
    "(Reporting by A. Writer; Editing by B. Editor)",
    "AFP",
  ].join("\n");
  assert.deepEqual(kept(text), ["Police arrested two suspects."]);
});

test("a line in another script goes from an English text, not from a text in that script", () => {
  assert.deepEqual(kept("Clashes erupted in the south.\nاقرأ المزيد بالعربية\nRead this in Arabic\n"), ["Clashes erupted in the south."]);
  const arabic = "اندلعت اشتباكات في جنوب البلاد\nوقال مسؤول إن الوضع هادئ";
  assert.equal(clean(arabic), arabic);
});

test("breadcrumbs go, with the headline they end in", () => {
  assert.deepEqual(kept("Home » World » Africa » Rebels seize town\nRebels seized the town."), ["Rebels seized the town."]);
});

test("ordinary prose that merely mentions sharing, following or comments is kept", () => {
  const text = [
    "Residents were asked to share information with the police.",
    "The group said it would follow the ceasefire.",
    "The minister declined to comment on the report.",
    "Related incidents were reported in three other towns during the week, officials said.",
  ].join("\n");
  assert.deepEqual(kept(text), text.split("\n"));
});

// Real scraped pages, for robustness only: what boilerplate each holds is the unit tests' business above.
const scraped = join(projectRoot, "../shared/dev/seeds/raw");

test("real scraped articles keep most of their words and their length", { skip: existsSync(scraped) ? false : `${scraped} is absent` }, () => {
  for (const name of readdirSync(scraped).filter((n) => n.endsWith(".txt"))) {
    const text = readFileSync(join(scraped, name), "utf8");
    const out = clean(text);
    const words = (s: string) => s.match(/\p{L}+/gu)?.length ?? 0;
    assert.ok(words(out) > 0.7 * words(text), `${name}: most of the article is kept`);
  }
});

test("long rows of share words or hashtags that end in prose are matched in one pass and kept", () => {
  const shareRow = `${"Tweet  ".repeat(2000)}and then the report.`;
  assert.equal(clean(shareRow), shareRow);
  const tags = `${"#tag ".repeat(2000)}end.`;
  assert.equal(clean(tags), tags.replaceAll("#", " "));
});
