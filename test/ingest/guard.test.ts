import { test } from "node:test";
import assert from "node:assert/strict";
import { checkUrl, guardedLookup, type GuardOptions } from "../../src/ingest/guard.js";

const refusal = async (url: string) => {
  try {
    await checkUrl(new URL(url), {});
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
};

test("non-public address ranges are refused and named", async () => {
  const cases: Record<string, string> = {
    "http://127.0.0.1/": "127.0.0.1 is a loopback address",
    "http://[::1]/": "::1 is a loopback address",
    "http://[::ffff:127.0.0.1]/": "::ffff:7f00:1 is a loopback address",
    "http://10.1.2.3/": "10.1.2.3 is a private address",
    "http://192.168.0.1/": "192.168.0.1 is a private address",
    "http://169.254.169.254/latest/meta-data": "169.254.169.254 is a link-local address",
    "http://[fd00::1]/": "fd00::1 is a unique-local address",
    "http://0.0.0.0/": "0.0.0.0 is an unspecified address",
    "http://224.0.0.1/": "224.0.0.1 is a multicast address",
    "http://100.64.0.1/": "100.64.0.1 is a carrier-grade NAT address",
    "http://2130706433/": "127.0.0.1 is a loopback address",
    "http://0x7f.1/": "127.0.0.1 is a loopback address",
    // IPv6 forms that reach an IPv4 host are judged by it.
    "http://[::127.0.0.1]/": "::7f00:1 is a loopback address (127.0.0.1)",
    "http://[::10.0.0.1]/": "::a00:1 is a private address (10.0.0.1)",
    "http://[64:ff9b::127.0.0.1]/": "64:ff9b::7f00:1 is a loopback address (127.0.0.1)",
    "http://[2002:a9fe:a9fe::]/": "2002:a9fe:a9fe:: is a link-local address (169.254.169.254)",
  };
  for (const [url, reason] of Object.entries(cases)) {
    assert.equal(await refusal(url), `refused: ${reason}; pass --allow-private to allow it`, url);
  }
});

/** What the fetcher's connections are handed for `host`, or the refusal. */
function lookedUp(host: string, opts: GuardOptions): Promise<string> {
  return new Promise((resolve) =>
    guardedLookup(opts)(host, { all: true }, (err, addresses) => resolve(err ? err.message : (addresses as { address: string }[]).map((a) => a.address).join(" "))),
  );
}

test("a host name is judged, when a connection is made, by every address it resolves to; the connection gets those", async () => {
  assert.match(await lookedUp("localhost", {}), /^refused: (127\.0\.0\.1|::1) is a loopback address/);
  assert.match(await lookedUp("localhost", { allowHosts: ["localhost"] }), /^(127\.0\.0\.1|::1)/);
  assert.match(await lookedUp("no-such-host.invalid", {}), /^cannot resolve no-such-host\.invalid/);
});

test("ports other than the web's are refused unless allowed", async () => {
  assert.equal(await refusal("http://news.example:25/"), "refused: port 25 (only 80 and 443 are fetched); pass --allow-port 25 to allow it");
  assert.equal(await refusal("https://news.example:443/feed"), undefined);
  checkUrl(new URL("http://news.example:8080/"), { allowPorts: [8080] });
});

test("public addresses pass, and so does anything when private addresses are allowed", async () => {
  assert.equal(await refusal("https://8.8.8.8/"), undefined);
  assert.equal(await refusal("http://[2001:4860:4860::8888]/"), undefined);
  await checkUrl(new URL("http://127.0.0.1/"), { allowPrivate: true });
  await checkUrl(new URL("http://10.0.0.7/"), { allowHosts: ["10.0.0.7"] });
});
