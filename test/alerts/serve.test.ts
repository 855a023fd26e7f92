import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { test } from "node:test";
import { verifySignature } from "../../src/alerts/signature.js";
import { watchlistInput } from "../../src/alerts/watchlist.js";
import { openStore } from "../../src/store/open.js";
import { sitrepBin } from "../cli/run.js";
import { doc, ingestOne, mention, tempDir } from "../store/fixtures.js";
import { receiver } from "./receiver.js";

// `sitrep serve` delivers the watchlists' webhooks as `sitrep alerts deliver` does, with links to
// the page it serves.

const MARKET = "A bomber blew himself up at a market in Maiduguri on Sunday, killing four traders, police said.";

test("sitrep serve sends the alerts due to their webhooks, linking to its own page", { timeout: 60_000 }, async (t) => {
  const db = join(tempDir(t), "s.db");
  const hook = await receiver(t);
  const store = await openStore({ db });
  await store.watchlists.add(watchlistInput({ name: "Borno", filter: { country: "NG" }, webhook: hook.url, secret: "s" }));
  await ingestOne(store, doc("market", MARKET), MARKET, [mention("market", { killed: 4 })]);
  await store.close();

  const child = spawn(process.execPath, [sitrepBin, "serve", "--db", db, "--port", "0", "--allow-private"], { env: { ...process.env, SITREP_TOKEN: "" }, stdio: ["ignore", "ignore", "pipe"] });
  t.after(() => child.kill("SIGKILL"));
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  for (let i = 0; i < 400 && hook.received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  assert.equal(hook.received.length, 1, stderr);
  const url = /at (http:\/\/\S+?)\//.exec(stderr)![1]!;
  const [delivery] = hook.received;
  assert.ok(verifySignature("s", String(delivery!.headers["sitrep-signature"]), delivery!.body, Math.floor(Date.now() / 1000)));
  assert.equal(JSON.parse(delivery!.body).url, `${url}/#event/${encodeURIComponent("ev-market@v1#0")}`);
  child.kill("SIGTERM");
  const [code] = await once(child, "exit");
  assert.equal(code, 0);
});
