import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import Parser from "rss-parser";
import type { Watchlist } from "../../src/alerts/watchlist.js";
import { createServer, type RunningServer } from "../../src/server/listen.js";
import type { AlertSummary, EventSummary } from "../../src/server/shapes.js";
import { ENGINES } from "../store/engines.js";
import { doc, ingestOne, mention } from "../store/fixtures.js";
import { fixtureStore, type Fixture } from "./fixture.js";

// Watchlists over the HTTP API of a real server on loopback: written, read, refused with a 400
// naming the field, and their alerts as JSON and as an Atom feed a feed reader parses.

const LATER = "Gunmen raided a village near Maiduguri on Friday, killing three farmers, residents said.";
const BORNO_AREA = { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [[[12.5, 11.5], [14, 11.5], [14, 12.5], [12.5, 12.5], [12.5, 11.5]]] } };

for (const engine of ENGINES) {
  describe(`watchlists over the API on ${engine}`, () => {
    let fx: Fixture;
    let server: RunningServer;
    const call = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; res: Response }> => {
      const res = await fetch(server.url + path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }) });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T, res };
    };

    before(async () => {
      fx = await fixtureStore(engine);
      server = await createServer(fx.store, { host: "127.0.0.1", port: 0 });
    });
    after(async () => {
      await server.close();
      await fx.dispose();
    });

    test("creates, lists, edits and deletes a watchlist; its events are its filter's", async () => {
      const made = await call<{ watchlist: Watchlist; secret: string }>("POST", "/api/watchlists", { name: "Borno", filter: { area: BORNO_AREA }, webhook: "https://hooks.example/borno" });
      assert.equal(made.status, 201);
      assert.match(made.body.secret, /^[0-9a-f]{48}$/);
      const id = made.body.watchlist.id;
      const listed = await call<{ items: Watchlist[] }>("GET", "/api/watchlists");
      assert.deepEqual(listed.body.items.map((w) => [w.name, w.signed]), [["Borno", true]]);
      assert.ok(!JSON.stringify(listed.body).includes(made.body.secret), "the secret is never listed");
      const events = await call<{ total: number; items: EventSummary[] }>("GET", `/api/watchlists/${id}/events`);
      assert.deepEqual(events.body.items.map((e) => e.location?.name), ["Maiduguri"]);

      const edited = await call<{ watchlist: Watchlist }>("PUT", `/api/watchlists/${id}`, { name: "Libya", filter: { country: "LY" } });
      assert.equal(edited.status, 200);
      assert.equal(edited.body.watchlist.webhook, null);
      const libya = await call<{ items: EventSummary[] }>("GET", `/api/watchlists/${id}/events`);
      assert.deepEqual(libya.body.items.map((e) => e.location?.name), ["Tripoli"]);

      assert.equal((await call("DELETE", `/api/watchlists/${id}`)).status, 204);
      assert.equal((await call("GET", `/api/watchlists/${id}`)).status, 404);
      assert.deepEqual((await call<{ items: Watchlist[] }>("GET", "/api/watchlists")).body.items, []);
    });

    test("refuses bad watchlists with a 400 that names what is wrong", async () => {
      const refused = async (body: unknown, pattern: RegExp) => {
        const r = await call<{ error: string }>("POST", "/api/watchlists", body);
        assert.equal(r.status, 400, JSON.stringify(body));
        assert.match(r.body.error, pattern);
      };
      await refused({ name: "x", filter: { area: { type: "Polygon", coordinates: [[[1, 2], [3, 4]]] } } }, /area: coordinates\[0\]: a ring needs at least 4 positions/);
      await refused({ name: "x", filter: { area: { type: "Point", coordinates: [1, 2] } } }, /area: type: expected Polygon, MultiPolygon, Feature or FeatureCollection, got "Point"/);
      await refused({ name: "x", filter: { country: "ZZ" } }, /country: "ZZ" is not an ISO 3166-1 alpha-2/);
      await refused({ name: "x", filter: { type: "NOT_A_TYPE" } }, /type: "NOT_A_TYPE" is not an attack type/);
      await refused({ name: "x", filter: { country: "NG" }, webhook: "mailto:desk@example.org" }, /webhook: "mailto:desk@example.org" is not an http or https URL/);
      await refused({ name: "x", filter: {} }, /with none it would match every event/);
      const r = await fetch(`${server.url}/api/watchlists`, { method: "POST", body: "{not json" });
      assert.equal(r.status, 400);
      assert.match(((await r.json()) as { error: string }).error, /expected a JSON body/);
    });

    test("serves a watchlist's alerts as JSON after a number, and as an Atom feed", async () => {
      const { body } = await call<{ watchlist: Watchlist }>("POST", "/api/watchlists", { name: "Nigeria", filter: { country: "NG" } });
      const id = body.watchlist.id;
      await ingestOne(fx.store, doc("later-raid", LATER, { published: "2021-04-03" }), LATER, [mention("later-raid", { date: "2021-04-02", killed: 3 })]);
      const all = await call<{ items: AlertSummary[] }>("GET", "/api/alerts");
      assert.deepEqual(all.body.items.map((a) => [a.watchlistName, a.eventId, a.change.kind]), [["Nigeria", "ev-later-raid@v1#0", "new"]]);
      assert.equal("fields" in all.body.items[0]!.event, false, "alerts carry the event as lists show it");
      const after = await call<{ items: AlertSummary[] }>("GET", `/api/alerts?after=${all.body.items[0]!.seq}`);
      assert.deepEqual(after.body.items, []);
      assert.equal((await call("GET", "/api/alerts?after=soon")).status, 400);

      const feed = await fetch(`${server.url}/api/watchlists/${id}/feed.atom`);
      assert.equal(feed.status, 200);
      assert.equal(feed.headers.get("content-type"), "application/atom+xml; charset=utf-8");
      const parsed = await new Parser().parseString(await feed.text());
      assert.equal(parsed.title, "Sitrep watchlist: Nigeria");
      assert.equal(parsed.items.length, 1);
      const [entry] = parsed.items;
      assert.match(entry!.title!, /^Suicide bomb in Maiduguri, 2021-04-02$/);
      assert.equal(entry!.link, `${server.url}/#event/${encodeURIComponent("ev-later-raid@v1#0")}`);
      assert.match(entry!.id!, /^urn:sitrep:alert:/);
      assert.ok(!Number.isNaN(Date.parse(entry!.isoDate!)));
      assert.equal((await fetch(`${server.url}/api/watchlists/wl-none/feed.atom`)).status, 404);
    });
  });
}
