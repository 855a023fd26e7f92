import { test } from "node:test";
import assert from "node:assert/strict";
import { createApp } from "../../src/server/app.js";
import { MAX_EXPORTS_AT_ONCE } from "../../src/server/routes/exports.js";
import { openStore } from "../../src/store/open.js";
import { freshLocation } from "../store/engines.js";
import { doc, ingestOne, mention } from "../store/fixtures.js";

test("exports under way at once are bounded: one more is a 503 to retry, and a slot frees when a body is read or dropped", async (t) => {
  const store = await openStore({ db: await freshLocation(t, "sqlite") });
  t.after(() => store.close());
  // Two events (another country, another day), so that a body is more than its first chunk.
  const market = "A bomber blew himself up at a market in Maiduguri on Sunday, killing four traders, police said.";
  const raid = "Gunmen raided a village near Gwoza on Tuesday, killing two farmers, residents said.";
  await ingestOne(store, doc("a", market), market, [mention("a", { killed: 4 })]);
  await ingestOne(store, doc("b", raid), raid, [mention("b", { date: "2021-02-02", place: "Gwoza", country: "ML" })]);
  const app = createApp(store, { host: "127.0.0.1" });
  // Bodies not read yet: the exports are still under way.
  const held = await Promise.all(Array.from({ length: MAX_EXPORTS_AT_ONCE }, () => app.request("/api/export/jsonl")));
  assert.deepEqual(held.map((r) => r.status), Array(MAX_EXPORTS_AT_ONCE).fill(200));
  const refused = await app.request("/api/export/geojson");
  assert.equal(refused.status, 503);
  assert.equal(refused.headers.get("Retry-After"), "5");
  assert.match(((await refused.json()) as { error: string }).error, /exports are under way.*try again/);
  await held[0]!.body!.cancel();
  await held[1]!.text();
  const next = await app.request("/api/export/json");
  assert.equal(next.status, 200);
  assert.equal((JSON.parse(await next.text()) as unknown[]).length, 2);
  for (const r of held.slice(2)) await r.text();
});
