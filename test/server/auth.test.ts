import { test } from "node:test";
import assert from "node:assert/strict";
import { isLoopbackHost, tokenMatches } from "../../src/server/auth.js";

test("loopback addresses are told apart from the ones others can reach", () => {
  for (const host of ["127.0.0.1", "127.8.0.1", "::1", "[::1]", "localhost", "::ffff:127.0.0.1"]) assert.equal(isLoopbackHost(host), true, host);
  for (const host of ["0.0.0.0", "::", "192.168.1.4", "10.0.0.1", "example.org", ""]) assert.equal(isLoopbackHost(host), false, host);
});

test("tokens match only when equal, whatever their lengths", () => {
  assert.equal(tokenMatches("s3cret", "s3cret"), true);
  assert.equal(tokenMatches("s3cre", "s3cret"), false);
  assert.equal(tokenMatches("s3cret-and-more", "s3cret"), false);
  assert.equal(tokenMatches("", "s3cret"), false);
});
