import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { EventRecord, SourcedMention } from "../../src/model.js";
import { createApp } from "../../src/server/app.js";
import type { DocumentDetail, EventDetail } from "../../src/server/shapes.js";
import { createServer, type RunningServer } from "../../src/server/listen.js";
import { openapi } from "../../src/server/openapi.js";
import type { Page, Stats } from "../../src/store/store.js";
import { ENGINES } from "../store/engines.js";
import { fixtureStore, SCRIPT_TEXT, type Fixture } from "./fixture.js";

type Listed<T> = Page<T> & { limit: number; offset: number };

for (const engine of ENGINES) {
  describe(`the read API over a real ${engine} store on loopback`, () => {
    let fx: Fixture;
    let server: RunningServer;
    const get = async <T>(path: string): Promise<{ status: number; body: T; res: Response }> => {
      const res = await fetch(server.url + path);
      return { status: res.status, body: (await res.clone().json()) as T, res };
    };

    before(async () => {
      fx = await fixtureStore(engine);
      server = await createServer(fx.store, { host: "127.0.0.1", port: 0 });
    });
    after(async () => {
      await server.close();
      await fx.dispose();
    });

    test("lists events newest first, a page at a time", async () => {
      const all = await get<Listed<EventRecord>>("/api/events");
      assert.equal(all.status, 200);
      assert.equal(all.body.total, 4, "the two market reports are one event");
      assert.deepEqual(all.body.items.map((e) => e.location?.name), ["Mogadishu", "Kabul", "Tripoli", "Maiduguri"]);
      const second = await get<Listed<EventRecord>>("/api/events?limit=2&offset=2");
      assert.deepEqual([second.body.total, second.body.limit, second.body.offset], [4, 2, 2]);
      assert.deepEqual(second.body.items.map((e) => e.id), all.body.items.slice(2).map((e) => e.id));
    });

    test("lists events without their per-field claims unless the full view is asked for", async () => {
      const summary = await get<Listed<EventRecord>>("/api/events?limit=1");
      assert.equal("fields" in summary.body.items[0]!, false);
      const full = await get<Listed<EventRecord>>("/api/events?limit=1&view=full");
      assert.ok(full.body.items[0]!.fields.date);
      assert.equal((await get("/api/events?view=everything")).status, 400);
    });

    test("a repeated read is answered from the cache", async () => {
      await fetch(`${server.url}/api/events?limit=3`);
      assert.equal((await fetch(`${server.url}/api/events?limit=3`)).headers.get("x-cache"), "hit");
    });

    test("sorts by toll with unknown tolls last", async () => {
      const { body } = await get<Listed<EventRecord>>("/api/events?sort=-killed");
      assert.deepEqual(body.items.map((e) => e.killed), [12, 7, 2, null]);
    });

    test("filters by country, type, actor, dates, distance and words of the reports", async () => {
      const places = async (q: string) => (await get<Listed<EventRecord>>(`/api/events?${q}`)).body.items.map((e) => e.location?.name).sort();
      assert.deepEqual(await places("country=ng"), ["Maiduguri"]);
      assert.deepEqual(await places("type=BOMBING_EXPLOSION"), ["Kabul"]);
      assert.deepEqual(await places("actor=boko"), ["Maiduguri"]);
      assert.deepEqual(await places("since=2022-01-01&until=2023-12-31"), ["Kabul", "Tripoli"]);
      assert.deepEqual(await places("near=34.5,69.2,50"), ["Kabul"]);
      assert.deepEqual(await places("text=handcart"), ["Kabul"]);
      const tolls = (await get<Listed<EventRecord>>("/api/events")).body.items.map((e) => e.killed ?? -1);
      const least = Math.max(...tolls);
      assert.equal((await get<Listed<EventRecord>>(`/api/events?minKilled=${least}`)).body.items.length, tolls.filter((k) => k >= least).length);
      assert.equal((await get<Listed<EventRecord>>("/api/events?minKilled=0")).body.items.length, tolls.filter((k) => k >= 0).length);
      assert.equal((await get("/api/events?minKilled=-1")).status, 400);
    });

    test("a malformed filter is a 400 naming it", async () => {
      const { status, body } = await get<{ error: string }>("/api/events?since=2021-13-01");
      assert.equal(status, 400);
      assert.match(body.error, /^since: expected a date/);
      assert.equal((await get<{ error: string }>("/api/mentions?limit=abc")).status, 400);
      // A search the store cannot run is the client's to fix, never a server error.
      const unclosed = await get<{ error: string }>(`/api/events?text=${encodeURIComponent('"gunmen market')}`);
      assert.deepEqual([unclosed.status, unclosed.body.error], [400, 'text: unclosed quote in ""gunmen market"']);
      assert.equal((await get("/api/mentions?text=---")).status, 400);
      assert.equal((await get(`/api/events?text=${"gunmen+".repeat(40)}`)).status, 400);
      assert.equal((await get("/api/documents?text=-gunmen")).status, 400);
      assert.equal((await get<Listed<EventRecord>>('/api/events?text="livestock market" -Kabul')).body.total, 1);
    });

    test("one event: sources, per-field claims, the conflict and the evidence of each source", async () => {
      const { body: list } = await get<Listed<EventRecord>>("/api/events?country=NG");
      const { status, body: event } = await get<EventDetail>(`/api/events/${encodeURIComponent(list.items[0]!.id)}`);
      assert.equal(status, 200);
      assert.deepEqual(event.sources.map((s) => s.documentId).sort(), ["fx-market-1", "fx-market-2"]);
      assert.ok(event.conflicts.includes("killed"));
      assert.deepEqual(event.fields.killed!.claims.map((c) => (c.value as { value: number }).value).sort(), [7, 9]);
      assert.equal(event.killed, 7, "the conservative figure");
      assert.equal(event.evidence.length, 2);
      for (const m of event.evidence) {
        const doc = (await get<DocumentDetail>(`/api/documents/${m.documentId}`)).body;
        assert.ok(m.evidence.some((e) => e.field === "killed"));
        for (const e of m.evidence) assert.equal(doc.text.slice(e.start, e.end), e.text);
      }
    });

    test("an unknown event or document is a 404 with its reason", async () => {
      const event = await get<{ error: string }>("/api/events/nope");
      assert.equal(event.status, 404);
      assert.match(event.body.error, /no event with id "nope"/);
      assert.equal((await get("/api/documents/nope")).status, 404);
      assert.equal((await get("/api/nothing-here")).status, 404);
    });

    test("mentions are listed with the same filters", async () => {
      const { body } = await get<Listed<SourcedMention>>("/api/mentions?country=NG");
      assert.equal(body.total, 2);
      assert.deepEqual(body.items.map((m) => m.outlet).sort(), ["Lake Chad Monitor", "Sahel Courier"]);
    });

    test("documents: lists leave the text out; one document comes with its text and evidence spans", async () => {
      const { body: list } = await get<Listed<DocumentDetail>>("/api/documents?limit=10");
      assert.equal(list.total, 5);
      assert.ok(list.items.every((d) => !("raw" in d) && !("text" in d)));
      const { body: doc } = await get<DocumentDetail>("/api/documents/fx-script");
      assert.ok(doc.text.includes(SCRIPT_TEXT), "the text comes back as written; the page renders it as text");
      assert.equal(doc.mentions.length, 1);
      assert.ok(doc.mentions[0]!.evidence.some((e) => e.field === "killed" && e.text === "killing two officers"));
      assert.equal((await get<Listed<DocumentDetail>>("/api/documents?text=livestock")).body.total, 2);
    });

    test("stats count documents, mentions, events and conflicts", async () => {
      const { body } = await get<Stats>("/api/stats");
      assert.deepEqual([body.documents, body.mentions, body.events, body.conflicts], [5, 5, 4, 1]);
      assert.deepEqual(body.byCountry.map((c) => c.country).sort(), ["AF", "LY", "NG", "SO"]);
    });

    test("exports the filtered events as GTD-like and ACLED-like CSV, GeoJSON, JSON and JSONL", async () => {
      const fetchText = async (path: string) => {
        const res = await fetch(server.url + path);
        return { res, text: await res.text() };
      };
      const gtd = await fetchText("/api/export/csv-gtd");
      assert.equal(gtd.res.status, 200);
      assert.match(gtd.res.headers.get("content-type")!, /^text\/csv/);
      assert.match(gtd.res.headers.get("content-disposition")!, /sitrep-events\.gtd\.csv/);
      const lines = gtd.text.trim().split("\n");
      assert.ok(lines[0]!.split(",").includes("iyear"));
      assert.equal(lines.length, 5);
      assert.ok((await fetchText("/api/export/csv-acled")).text.split("\n")[0]!.includes("event_date"));
      const geo = JSON.parse((await fetchText("/api/export/geojson?country=AF")).text) as { type: string; features: unknown[] };
      assert.deepEqual([geo.type, geo.features.length], ["FeatureCollection", 1]);
      const json = await fetchText("/api/export/json?limit=3");
      assert.equal((JSON.parse(json.text) as unknown[]).length, 3);
      assert.equal(json.res.headers.get("x-total-count"), "4");
      assert.equal((await fetchText("/api/export/jsonl")).text.trim().split("\n").length, 4);
      assert.equal((await fetchText("/api/export/xlsx")).res.status, 404);
      assert.equal((await fetchText("/api/export/json?limit=999999")).res.status, 400);
    });

    test("the OpenAPI description covers every route the app answers, and no other", async () => {
      const { body } = await get<typeof openapi>("/api/openapi.json");
      assert.equal(body.openapi, "3.1.0");
      const app = createApp(fx.store, { host: "127.0.0.1" });
      const answered = new Set(
        app.routes
          .filter((r) => r.path.startsWith("/api/") && !r.path.endsWith("*") && r.method !== "ALL")
          .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`),
      );
      const described = new Set(Object.entries(body.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)));
      assert.deepEqual([...answered].sort(), [...described].sort());
    });

    test("the page is served with a policy that runs no inline script but the import map", async () => {
      const res = await fetch(server.url + "/");
      assert.equal(res.status, 200);
      const csp = res.headers.get("content-security-policy")!;
      assert.match(csp, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
      assert.match(await res.text(), /GeoNames/);
      for (const path of ["/app/main.js", "/assets/styles.css", "/vendor/leaflet/leaflet-src.esm.js", "/vendor/topojson-client/index.js", "/vendor/world-atlas/countries-50m.json"]) {
        assert.equal((await fetch(server.url + path)).status, 200, path);
      }
      assert.equal((await fetch(server.url + "/app/..%2F..%2F..%2Fpackage.json")).status, 404);
    });
  });
}

for (const engine of ENGINES) {
  describe(`ingest over HTTP into ${engine}`, () => {
    const doc = (id: string) => ({
      id,
      published: "2025-02-03",
      outlet: "Test Desk",
      text: `Gunmen attacked a police station in Gao on Sunday, killing three officers, officials said (report ${id}).`,
    });
    let fx: Fixture;
    before(async () => {
      fx = await fixtureStore(engine);
    });
    after(async () => {
      await fx.dispose();
    });
    const post = (app: ReturnType<typeof createApp>, body: string, headers: Record<string, string>) =>
      app.request("/api/documents", { method: "POST", body, headers: { "Content-Type": "application/json", ...headers } });

    test("is closed when no SITREP_TOKEN is set", async () => {
      const app = createApp(fx.store, { host: "127.0.0.1" });
      const res = await post(app, JSON.stringify(doc("a")), { Authorization: "Bearer anything" });
      assert.equal(res.status, 403);
      assert.match(((await res.json()) as { error: string }).error, /SITREP_TOKEN/);
    });

    test("needs the token: none is 401, a wrong one 403", async () => {
      const app = createApp(fx.store, { host: "127.0.0.1", token: "s3cret" });
      const none = await post(app, JSON.stringify(doc("a")), {});
      assert.equal(none.status, 401);
      assert.match(none.headers.get("www-authenticate")!, /Bearer/);
      assert.equal((await post(app, JSON.stringify(doc("a")), { Authorization: "Bearer wrong" })).status, 403);
    });

    test("stores good documents and names the bad ones by line; a repeat is a duplicate", async () => {
      const app = createApp(fx.store, { host: "127.0.0.1", token: "s3cret" });
      const auth = { Authorization: "Bearer s3cret" };
      const ok = await post(app, JSON.stringify(doc("http-1")), auth);
      assert.equal(ok.status, 200);
      assert.deepEqual(((await ok.json()) as { ingested: { documentId: string; status: string }[] }).ingested.map((o) => [o.documentId, o.status]), [["http-1", "new"]]);
      assert.ok(await fx.store.getDocument("http-1"));

      const jsonl = [JSON.stringify(doc("http-2")), "{broken", JSON.stringify({ id: "http-3" }), JSON.stringify(doc("http-1"))].join("\n");
      const mixed = await post(app, jsonl, { ...auth, "Content-Type": "application/x-ndjson" });
      assert.equal(mixed.status, 207);
      const report = (await mixed.json()) as { ingested: { documentId: string; status: string }[]; rejected: { input: string; id?: string; error: string }[] };
      assert.deepEqual(report.ingested.map((o) => [o.documentId, o.status]), [["http-2", "new"], ["http-1", "duplicate"]]);
      assert.deepEqual(report.rejected.map((r) => [r.input, r.id]), [["line 2", undefined], ["line 3", "http-3"]]);
      assert.match(report.rejected[1]!.error, /text/);

      const none = await post(app, "[{\"title\":\"no id\"}]", auth);
      assert.equal(none.status, 400);
      const bad = await post(app, "{", auth);
      assert.equal(bad.status, 400);
      assert.match(((await bad.json()) as { error: string }).error, /invalid JSON body/);
    });

    test("documents posted here show in the next read at once", async () => {
      const app = createApp(fx.store, { host: "127.0.0.1", token: "s3cret" });
      const before = (await (await app.request("/api/stats")).json()) as Stats;
      assert.equal((await app.request("/api/stats")).headers.get("x-cache"), "hit");
      assert.equal((await post(app, JSON.stringify(doc("http-fresh")), { Authorization: "Bearer s3cret" })).status, 200);
      const after = (await (await app.request("/api/stats")).json()) as Stats;
      assert.equal(after.documents, before.documents + 1);
    });

    test("a body over the limit is refused with 413", async () => {
      const app = createApp(fx.store, { host: "127.0.0.1", token: "s3cret", maxBodyBytes: 1024 });
      const big = JSON.stringify({ ...doc("big"), text: "x".repeat(4096) });
      const res = await post(app, big, { Authorization: "Bearer s3cret", "Content-Length": String(big.length) });
      assert.equal(res.status, 413);
      assert.match(((await res.json()) as { error: string }).error, /larger than 1024 bytes/);
      assert.equal(await fx.store.getDocument("big"), null);
    });
  });
}

describe("a configured tile server", () => {
  test("is handed to the page and allowed by its image policy; a bad template is refused", async () => {
    const fx = await fixtureStore();
    try {
      const app = createApp(fx.store, { host: "127.0.0.1", tileUrl: "https://{s}.tiles.example.org/{z}/{x}/{y}.png" });
      assert.deepEqual(await (await app.request("/api/config")).json(), { tileUrl: "https://{s}.tiles.example.org/{z}/{x}/{y}.png", readsNeedToken: false });
      assert.match((await app.request("/")).headers.get("content-security-policy")!, /img-src 'self' data: https:/);
      assert.throws(() => createApp(fx.store, { host: "127.0.0.1", tileUrl: "ftp://tiles/{z}" }), /must be http or https/);
    } finally {
      await fx.dispose();
    }
  });
});

describe("a server bound beyond loopback", () => {
  let fx: Fixture;
  before(async () => {
    fx = await fixtureStore();
  });
  after(async () => {
    await fx.dispose();
  });

  test("will not start without a token", () => {
    assert.throws(() => createApp(fx.store, { host: "0.0.0.0" }), /SITREP_TOKEN/);
  });

  test("needs the token for reads too; the page itself stays open", async () => {
    const app = createApp(fx.store, { host: "0.0.0.0", token: "s3cret" });
    assert.equal((await app.request("/api/events")).status, 401);
    assert.equal((await app.request("/api/events", { headers: { Authorization: "Bearer nope" } })).status, 403);
    assert.equal((await app.request("/api/events", { headers: { Authorization: "Bearer s3cret" } })).status, 200);
    assert.equal((await app.request("/")).status, 200);
  });
});
