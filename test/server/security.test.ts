import { request } from "node:http";
import { connect } from "node:net";
import { test } from "node:test";
import assert from "node:assert/strict";
import { hostname } from "node:os";
import { createApp } from "../../src/server/app.js";
import { createServer } from "../../src/server/listen.js";
import { hostOf, servedNames } from "../../src/server/security.js";
import { openStore } from "../../src/store/open.js";
import { freshLocation } from "../store/engines.js";

test("a Host header's name: port and brackets off, lower case, no final dot", () => {
  assert.equal(hostOf("127.0.0.1:8080"), "127.0.0.1");
  assert.equal(hostOf("[::1]:8080"), "::1");
  assert.equal(hostOf("[::1]"), "::1");
  assert.equal(hostOf("::1"), "::1");
  assert.equal(hostOf("LocalHost:80"), "localhost");
  assert.equal(hostOf("news.example."), "news.example");
});

test("a server bound to every interface goes by the machine's name and addresses; one bound to an address by that one", () => {
  const everywhere = servedNames("0.0.0.0", []);
  assert.ok(everywhere.has(hostname().toLowerCase()));
  assert.ok(everywhere.has("127.0.0.1"));
  const one = servedNames("192.0.2.7", ["Sitrep.Lan"]);
  assert.deepEqual([...one].sort(), ["192.0.2.7", "localhost", "sitrep.lan"]);
});

/** A GET with the Host header given (fetch will not send one of its own choosing). */
function get(port: number, path: string, host: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { Host: host } }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject).end();
  });
}

async function serving(t: import("node:test").TestContext, allowedHosts: string[] = [], token?: string) {
  const store = await openStore({ db: await freshLocation(t, "sqlite") });
  const server = await createServer(store, { host: "127.0.0.1", port: 0, allowedHosts, ...(token ? { token } : {}) });
  t.after(async () => {
    await server.close();
    await store.close();
  });
  return server;
}

test("a request naming another host (a rebound name) is refused with 421, the API and the page alike", async (t) => {
  const { port } = await serving(t, ["sitrep.lan"]);
  for (const path of ["/api/events", "/"]) {
    const refused = await get(port, path, `rebound.example:${port}`);
    assert.equal(refused.status, 421, path);
    assert.match(JSON.parse(refused.body).error, /rebound\.example.*--allowed-host rebound\.example/);
  }
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `sitrep.lan:${port}`]) assert.equal((await get(port, "/api/events", host)).status, 200, host);
});

test("every answer says nosniff and no referrer; the API's policy loads nothing and may not be framed, the page keeps its own", async (t) => {
  const { port } = await serving(t);
  const host = `127.0.0.1:${port}`;
  for (const path of ["/api/events", "/api/no-such-route", "/"]) {
    const { headers } = await get(port, path, host);
    assert.equal(headers["x-content-type-options"], "nosniff", path);
    assert.equal(headers["referrer-policy"], "no-referrer", path);
    assert.match(String(headers["content-security-policy"]), /frame-ancestors 'none'/, path);
  }
  assert.match(String((await get(port, "/api/events", host)).headers["content-security-policy"]), /^default-src 'none'/);
  assert.match(String((await get(port, "/", host)).headers["content-security-policy"]), /script-src 'self'/);
});

test("the token is checked before the body is read: a post without it is answered while its body is still coming", async (t) => {
  const { port } = await serving(t, [], "s3cret");
  const socket = connect(port, "127.0.0.1");
  t.after(() => socket.destroy());
  const answer = new Promise<string>((resolve) => socket.once("data", (d) => resolve(d.toString("utf8"))));
  // Five megabytes announced, a few bytes sent: the answer can only come before the rest.
  socket.write(`POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n[{"id":"a",`);
  assert.match(await answer, /^HTTP\/1\.1 401 /);
});

test("an app answering in-process requests (no Host header) goes by the request's URL", async (t) => {
  const store = await openStore({ db: await freshLocation(t, "sqlite") });
  t.after(() => store.close());
  const app = createApp(store, { host: "127.0.0.1" });
  assert.equal((await app.request("http://localhost/api/events")).status, 200);
  assert.equal((await app.request("http://rebound.example/api/events")).status, 421);
});
