import { test } from "node:test";
import assert from "node:assert/strict";
import { checkUrl } from "../../src/ingest/guard.js";

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
  };
  for (const [url, reason] of Object.entries(cases)) {
    assert.equal(await refusal(url), `refused: ${reason}; pass --allow-private to allow it`, url);
  }
});

test("a host name is judged by every address it resolves to", async () => {
  assert.match((await refusal("http://localhost:8080/")) ?? "", /^refused: (127\.0\.0\.1|::1) is a loopback address/);
});

test("public addresses pass, and so does anything when private addresses are allowed", async () => {
  assert.equal(await refusal("https://8.8.8.8/"), undefined);
  assert.equal(await refusal("http://[2001:4860:4860::8888]/"), undefined);
  await checkUrl(new URL("http://127.0.0.1/"), { allowPrivate: true });
  await checkUrl(new URL("http://10.0.0.7/"), { allowHosts: ["10.0.0.7"] });
});
