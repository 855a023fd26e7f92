import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { tempDir } from "../store/fixtures.js";
import { FeedServer, feedServer } from "../watch/feed-server.js";
import { sitrep } from "./run.js";

const listed = async (db: string) => {
  const run = await sitrep(["sources", "list", "--json", "--db", db]);
  assert.equal(run.code, 0, run.stderr);
  return run.stdout.trim() === "" ? [] : run.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
};

test("sources are added, listed, paused, resumed and removed", async (t) => {
  const server = await feedServer(t);
  const db = join(tempDir(t), "s.db");
  const url = server.feed("/news", 2);
  const added = await sitrep(["sources", "add", url, "--every", "90s", "--region", "ly", "--follow", "--allow-private", "--db", db]);
  assert.equal(added.code, 0, added.stderr);
  assert.equal(added.stderr, `sitrep: watching ${url} every 90s as source 1\n`);
  assert.equal((await sitrep(["sources", "add", server.feed("/other"), "--allow-private", "--db", db])).code, 0);

  const [first, second] = await listed(db);
  assert.deepEqual([first!.id, first!.url, first!.everyMs, first!.region, first!.follow, first!.health], [1, url, 90_000, "LY", true, "new"]);
  assert.deepEqual([second!.everyMs, second!.follow], [900_000, false]);
  const table = await sitrep(["sources", "list", "--db", db]);
  assert.match(table.stdout, new RegExp(`^1  new  every 90s  ${url}  region LY  follow\n`));

  assert.equal((await sitrep(["sources", "pause", "1", "--db", db])).stderr, `sitrep: paused source 1 (${url})\n`);
  assert.equal((await listed(db))[0]!.health, "paused");
  assert.equal((await sitrep(["sources", "resume", url, "--db", db])).code, 0);
  assert.equal((await listed(db))[0]!.paused, false);
  assert.equal((await sitrep(["sources", "remove", "1", "--db", db])).code, 0);
  assert.deepEqual((await listed(db)).map((s) => s.id), [2]);
});

test("a source that cannot be watched is refused, naming it", async (t) => {
  const server = await feedServer(t);
  const db = join(tempDir(t), "s.db");
  const feed = server.feed("/news", 1);
  const refused = async (args: string[]) => {
    const run = await sitrep(["sources", ...args, "--db", db]);
    assert.notEqual(run.code, 0);
    return run.stderr.trim();
  };
  assert.equal(await refused(["list"]), `sitrep: no store at ${db} (create one with: sitrep ingest PATH --db ${db})`);
  assert.equal(await refused(["add", feed]), `sitrep: ${feed}: refused: 127.0.0.1 is a loopback address; pass --allow-private to allow it`);
  assert.equal(await refused(["add", "news.example/feed"]), "sitrep: news.example/feed: not a valid URL");
  assert.match(await refused(["add", `${server.base}/missing`, "--allow-private"]), new RegExp(`^sitrep: ${server.base}/missing: HTTP 404$`));
  server.feed("/junk");
  server.breakFeed("/junk");
  assert.match(await refused(["add", `${server.base}/junk`, "--allow-private"]), new RegExp(`^sitrep: ${server.base}/junk: not an RSS or Atom feed: `));
  const gone = await new FeedServer().start();
  await gone.stop();
  assert.equal(await refused(["add", `${gone.base}/feed`, "--allow-private"]), `sitrep: ${gone.base}/feed: cannot fetch: ECONNREFUSED`);
  assert.match(await refused(["add", feed, "--every", "15"]), /--every.*expected a duration such as 30s, 15m or 2h, got "15"/);
  assert.match(await refused(["add", feed, "--every", "0.5s"]), /--every.*expected at least 1s, got "0.5s"/);
  assert.match(await refused(["add", feed, "--region", "Libya"]), /--region.*expected an ISO 3166-1 alpha-2 code/);
  assert.equal((await sitrep(["sources", "add", feed, "--allow-private", "--db", db])).code, 0);
  assert.equal(await refused(["add", feed, "--allow-private"]), `sitrep: ${feed} is watched already (source 1)`);
  assert.equal(await refused(["pause", "7"]), "sitrep: no source 7 (see: sitrep sources list)");
  assert.equal((await listed(db)).length, 1);
});
