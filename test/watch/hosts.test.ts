import assert from "node:assert/strict";
import { test } from "node:test";
import { HostGate } from "../../src/watch/hosts.js";

test("requests to one host wait their turn; another host's do not wait behind them", async () => {
  const gate = new HostGate(300);
  const order: string[] = [];
  const ask = (url: string, name: string) => gate.wait(url).then(() => order.push(name));
  await Promise.all([ask("http://a.example/1", "a1"), ask("http://a.example:8080/2", "a2"), ask("http://b.example/1", "b1"), ask("http://a.example/3", "a3")]);
  assert.deepEqual(order, ["a1", "b1", "a2", "a3"]);
});
