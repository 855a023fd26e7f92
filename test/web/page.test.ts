import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { projectRoot } from "../../src/paths.js";
import { createServer, type RunningServer } from "../../src/server/listen.js";
import { fixtureStore, SCRIPT_TEXT, type Fixture } from "../server/fixture.js";

// The page in a real Chromium against a real server on loopback. Screenshots are kept in
// test-artifacts/ for a reader to look at.

const CHROMIUM = "/usr/bin/chromium";
const artifacts = join(projectRoot, "test-artifacts");
const TIMEOUT = 60_000;

describe("the page in Chromium", { timeout: 5 * TIMEOUT }, () => {
  let fx: Fixture;
  let server: RunningServer;
  let browser: Browser;
  const offsite: string[] = [];

  before(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser tests`);
    }
    mkdirSync(artifacts, { recursive: true });
    fx = await fixtureStore();
    server = await createServer(fx.store, { host: "127.0.0.1", port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await fx?.dispose();
  });

  async function open(viewport: { width: number; height: number }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    page.on("request", (req) => {
      if (!req.url().startsWith(server.url) && !req.url().startsWith("data:")) offsite.push(req.url());
    });
    await page.goto(`${server.url}/`);
    await page.waitForSelector("body[data-ready=true]", { timeout: TIMEOUT });
    return page;
  }

  /** Events the map shows: lone markers plus the counts on grouped ones. */
  async function eventsOnMap(page: Page): Promise<number> {
    const lone = await page.locator("#map .event-marker").count();
    const grouped = await page.locator("#map .event-cluster").allTextContents();
    return lone + grouped.reduce((n, t) => n + Number(t), 0);
  }

  test("shows the events on an offline map, with the list, the timeline and the attributions", { timeout: TIMEOUT }, async () => {
    const page = await open({ width: 1280, height: 800 });
    assert.equal(await eventsOnMap(page), 4);
    assert.equal(await page.locator(".event-item").count(), 4);
    assert.ok((await page.locator("#timeline rect.bar").count()) > 1);
    assert.equal(await page.locator("#map canvas").count() > 0, true, "the world outlines are drawn");
    const footer = await page.locator("footer.attribution").textContent();
    for (const credit of ["GeoNames", "CC BY 4.0", "Natural Earth", "Leaflet"]) assert.ok(footer!.includes(credit), credit);
    await page.screenshot({ path: join(artifacts, "page-desktop.png") });
    assert.deepEqual(offsite, [], "nothing is fetched from the network");
    await page.close();
  });

  test("filters by country, actor and text, and by brushing the timeline", { timeout: TIMEOUT }, async () => {
    const page = await open({ width: 1280, height: 800 });
    const items = page.locator(".event-item");
    await page.selectOption("select[name=country]", "AF");
    await page.waitForFunction(() => document.querySelectorAll(".event-item").length === 1);
    assert.match((await items.first().textContent())!, /Kabul/);
    assert.equal(await eventsOnMap(page), 1);

    await page.click("button[type=reset]");
    await page.waitForFunction(() => document.querySelectorAll(".event-item").length === 4);
    await page.fill("input[name=actor]", "shabaab");
    await page.waitForFunction(() => document.querySelectorAll(".event-item").length === 1);
    assert.match((await items.first().textContent())!, /Mogadishu/);

    await page.click("button[type=reset]");
    // The list must show everything again first, or the actor filter's one item passes for the text filter's.
    await page.waitForFunction(() => document.querySelectorAll(".event-item").length === 4);
    await page.fill("input[name=text]", "handcart");
    await page.waitForFunction(() => document.querySelectorAll(".event-item").length === 1);
    assert.match((await items.first().textContent())!, /Kabul/);

    await page.click("button[type=reset]");
    await page.waitForFunction(() => document.querySelectorAll(".event-item").length === 4);
    // Drag across the first few bars: the earliest event (March 2021) alone is left.
    const box = (await page.locator("#timeline").boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.06, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelectorAll(".event-item").length === 1);
    assert.match((await items.first().textContent())!, /Maiduguri/);
    assert.equal(await page.inputValue("input[name=since]"), "2021-03-01");
    assert.ok((await page.inputValue("input[name=until]")) < "2022-01-10");
    assert.ok((await page.locator("#timeline rect.bar.selected").count()) > 0);
    await page.screenshot({ path: join(artifacts, "page-brushed.png") });
    await page.close();
  });

  test("opens an event: sources, chosen values, the conflict, and the evidence highlighted", { timeout: TIMEOUT }, async () => {
    const page = await open({ width: 1280, height: 800 });
    await page.locator(".event-item", { hasText: "Maiduguri" }).click();
    await page.waitForSelector("#event-body .source mark", { timeout: TIMEOUT });
    assert.equal(await page.locator("#event-body .source").count(), 2);
    const killedRow = page.locator('#event-body tr[data-field="killed"]');
    assert.match((await killedRow.getAttribute("class"))!, /conflict/);
    assert.match((await killedRow.textContent())!, /sources disagree/);
    assert.match((await page.locator("#event-body .conflicts").textContent())!, /killed/);
    const killedMarks = await page.locator('#event-body mark[data-fields~="killed"]').allTextContents();
    assert.deepEqual(killedMarks.sort(), ["killing seven traders", "risen to nine"]);
    assert.ok(page.url().includes("#event/"));
    await page.screenshot({ path: join(artifacts, "event-view.png") });
    await page.locator("#event-body .source").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, "event-evidence.png") });

    await page.click("#close-event");
    assert.equal(await page.locator("#event-view").isHidden(), true);
    await page.close();
  });

  test("shows an article that contains a script tag as text, and never runs it", { timeout: TIMEOUT }, async () => {
    const page = await open({ width: 1280, height: 800 });
    await page.locator(".event-item", { hasText: "Tripoli" }).click();
    await page.waitForSelector("#event-body .source mark", { timeout: TIMEOUT });
    const article = (await page.locator("#event-body .article-text").textContent())!;
    assert.ok(article.includes(SCRIPT_TEXT), "the tag is shown as the article's words");
    assert.ok((await page.locator("#event-body h4").textContent())!.includes(SCRIPT_TEXT), "so is the title's");
    assert.equal(await page.locator("#event-body script").count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.locator("#event-body .source-meta a").count(), 0, "a javascript: address is not made a link");
    await page.locator("#event-body .article-text").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, "script-as-text.png") });
    await page.close();
  });

  test("works at phone width: the event view takes the screen", { timeout: TIMEOUT }, async () => {
    const page = await open({ width: 390, height: 844 });
    assert.equal(await eventsOnMap(page), 4);
    const widest = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(widest <= 390, `no sideways scrolling (page is ${widest}px wide)`);
    await page.screenshot({ path: join(artifacts, "phone-list.png"), fullPage: true });
    await page.locator(".event-item", { hasText: "Kabul" }).click();
    await page.waitForSelector("#event-body .source mark", { timeout: TIMEOUT });
    const view = (await page.locator("#event-view").boundingBox())!;
    assert.deepEqual([view.x, view.width], [0, 390]);
    await page.screenshot({ path: join(artifacts, "phone-event.png") });
    await page.close();
  });
});
