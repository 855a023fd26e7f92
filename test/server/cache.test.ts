import { test } from "node:test";
import assert from "node:assert/strict";
import { Hono } from "hono";
import { responseCache } from "../../src/server/cache.js";

function counted(ttlMs: number) {
  const cache = responseCache({ ttlMs, maxEntries: 2 });
  const app = new Hono();
  let calls = 0;
  let release: () => void = () => {};
  let gate: Promise<void> = Promise.resolve();
  app.use("*", cache.middleware);
  app.get("/slow", async (c) => {
    calls++;
    await gate;
    return c.json({ calls });
  });
  app.get("/missing", (c) => {
    calls++;
    return c.json({ error: "no" }, 404);
  });
  app.get("/n/:i", (c) => {
    calls++;
    return c.json({ i: c.req.param("i") });
  });
  return {
    app,
    cache,
    calls: () => calls,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
  };
}

test("identical requests in flight share one answer", async () => {
  const t = counted(60_000);
  t.hold();
  const pending = [t.app.request("/slow"), t.app.request("/slow"), t.app.request("/slow")];
  t.release();
  const bodies = await Promise.all(pending.map(async (r) => (await r).json()));
  assert.deepEqual(bodies, [{ calls: 1 }, { calls: 1 }, { calls: 1 }]);
  assert.equal(t.calls(), 1);
});

test("errors are not kept; clear() forgets everything; the oldest entry goes first", async () => {
  const t = counted(60_000);
  await t.app.request("/missing");
  await t.app.request("/missing");
  assert.equal(t.calls(), 2);
  await t.app.request("/n/1");
  t.cache.clear();
  await t.app.request("/n/1");
  assert.equal(t.calls(), 4);
  await t.app.request("/n/2");
  await t.app.request("/n/3");
  assert.equal((await t.app.request("/n/1")).headers.get("x-cache"), null, "evicted by the third entry");
  assert.equal((await t.app.request("/n/3")).headers.get("x-cache"), "hit");
});

test("a TTL of 0 keeps nothing", async () => {
  const t = counted(0);
  await t.app.request("/n/1");
  await t.app.request("/n/1");
  assert.equal(t.calls(), 2);
});
