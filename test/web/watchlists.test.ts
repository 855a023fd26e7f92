import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { createServer, type RunningServer } from "../../src/server/listen.js";
import { doc, ingestOne, mention } from "../store/fixtures.js";
import { fixtureStore, type Fixture } from "../server/fixture.js";

// The page's watchlist form and notification list in a real Chromium against a real server on
// loopback, over the server tests' fixture (events in Maiduguri, Tripoli, Kabul, Mogadishu).

const CHROMIUM = "/usr/bin/chromium";
const TIMEOUT = 60_000;
const NEW_TRIPOLI = "Gunmen shot dead a guard outside a bank in Tripoli on Thursday, a security source said.";

describe("watchlists and alerts on the page in Chromium", { timeout: 4 * TIMEOUT }, () => {
  let fx: Fixture;
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser tests`);
    fx = await fixtureStore();
    server = await createServer(fx.store, { host: "127.0.0.1", port: 0, cacheTtlMs: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await fx?.dispose();
  });

  const items = (page: Page) => page.locator("#event-list .event-item");
  const count = (page: Page, n: number) => page.waitForFunction((n) => document.querySelectorAll("#event-list .event-item").length === n, n, { timeout: TIMEOUT });

  test("saves, shows, edits and deletes a watchlist, with the server's error on bad input", { timeout: TIMEOUT }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/`);
    await page.waitForSelector("body[data-ready=true]", { timeout: TIMEOUT });
    await count(page, 4);

    await page.click("#watchlist-new");
    await page.fill("#watchlist-form input[name=name]", "Bad area");
    await page.fill("#watchlist-form textarea[name=area]", '{"type":"Polygon","coordinates":[[[1,2],[3,4]]]}');
    await page.click("#watchlist-form button[type=submit]");
    await page.waitForFunction(() => /area: coordinates\[0\]: a ring needs at least 4 positions/.test(document.getElementById("watchlist-error")!.textContent ?? ""), null, { timeout: TIMEOUT });
    assert.equal(await page.locator("#watchlist-dialog").isVisible(), true, "the form stays open to be corrected");
    await page.fill("#watchlist-form textarea[name=area]", "");
    await page.fill("#watchlist-form input[name=name]", "Afghanistan");
    await page.fill("#watchlist-form input[name=country]", "af");
    await page.click("#watchlist-form button[type=submit]");
    await count(page, 1);
    assert.match((await items(page).first().textContent())!, /Kabul/);
    assert.equal(await page.locator("#watchlist-select option:checked").textContent(), "Afghanistan");
    assert.match((await page.locator("#status").textContent())!, /^Afghanistan: 1 event$/);
    assert.match((await page.locator("#watchlist-feed").getAttribute("href"))!, /^\/api\/watchlists\/wl-[0-9a-f]+\/feed\.atom$/);

    await page.click("#watchlist-edit");
    assert.equal(await page.inputValue("#watchlist-form input[name=country]"), "AF");
    await page.fill("#watchlist-form input[name=name]", "Libya");
    await page.fill("#watchlist-form input[name=country]", "LY");
    await page.click("#watchlist-form button[type=submit]");
    await page.waitForFunction(() => /Tripoli/.test(document.querySelector("#event-list .event-item")?.textContent ?? ""), null, { timeout: TIMEOUT });
    assert.equal(await items(page).count(), 1);

    await page.selectOption("#watchlist-select", "");
    await count(page, 4);
    await page.close();
  });

  test("a new alert shows in the notification list, opens its event, and stays seen once marked", { timeout: TIMEOUT }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/`);
    await page.waitForSelector("body[data-ready=true]", { timeout: TIMEOUT });
    assert.equal(await page.locator("#alerts-count").isVisible(), false, "nothing new yet");

    await ingestOne(fx.store, doc("new-tripoli", NEW_TRIPOLI, { published: "2021-05-07" }), NEW_TRIPOLI, [
      mention("new-tripoli", { date: "2021-05-06", country: "LY", place: "Tripoli", lat: 32.89, lon: 13.19, killed: 1, attackTypes: ["ARMED_ASSAULT"], eventType: "VIOLENCE_AGAINST_CIVILIANS", subEventType: "ATTACK" }),
    ]);
    await page.waitForFunction(() => document.getElementById("alerts-count")!.textContent === "1" && !document.getElementById("alerts-count")!.hidden, null, { timeout: TIMEOUT });
    assert.match(await page.title(), /^\(1\) /);
    await page.click("#alerts-button");
    const alert = page.locator("#alerts-list .alert-item");
    assert.equal(await alert.count(), 1);
    assert.match((await alert.textContent())!, /^LibyaAttack in Tripoli, 2021-05-06$/);
    await alert.click();
    await page.waitForFunction(() => location.hash === `#event/${encodeURIComponent("ev-new-tripoli@v1#0")}`, null, { timeout: TIMEOUT });
    await page.waitForSelector("#event-view:not([hidden])", { timeout: TIMEOUT });

    await page.click("#alerts-seen");
    assert.equal(await page.locator("#alerts-count").isVisible(), false);
    await page.reload();
    await page.waitForSelector("body[data-ready=true]", { timeout: TIMEOUT });
    await page.click("#alerts-button");
    assert.equal(await page.locator("#alerts-list .alerts-none").textContent(), "no new alerts");

    // Deleted, the watchlist leaves the bar; its alert stays in the log.
    await page.click("#alerts-button");
    await page.selectOption("#watchlist-select", { label: "Libya" });
    page.once("dialog", (d) => void d.accept());
    await page.click("#watchlist-delete");
    await page.waitForFunction(() => document.querySelectorAll("#watchlist-select option").length === 1, null, { timeout: TIMEOUT });
    assert.equal((await fx.store.watchlists.alerts()).length, 1);
    await page.close();
  });
});
