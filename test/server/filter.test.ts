import { test } from "node:test";
import assert from "node:assert/strict";
import { HttpError } from "../../src/server/errors.js";
import { parseEventFilter } from "../../src/server/filter.js";

const parse = (q: string) => parseEventFilter(new URLSearchParams(q));
const rejects = (q: string, reason: RegExp) =>
  assert.throws(() => parse(q), (err: unknown) => err instanceof HttpError && err.status === 400 && reason.test(err.message));

test("reads every filter, with page defaults", () => {
  assert.deepEqual(parse("country=ly&since=2021-01-01&until=2021-12-31&type=bombing_explosion&actor=Boko%20Haram&near=11.8,13.1,25&text=market&sort=-killed&limit=20&offset=40"), {
    country: "LY",
    since: "2021-01-01",
    until: "2021-12-31",
    type: "BOMBING_EXPLOSION",
    actor: "Boko Haram",
    near: { lat: 11.8, lon: 13.1, km: 25 },
    text: "market",
    sort: "-killed",
    limit: 20,
    offset: 40,
  });
  assert.deepEqual(parse(""), { limit: 50, offset: 0 });
});

test("each malformed parameter is a 400 that names it", () => {
  rejects("contry=LY", /unknown parameter "contry"/);
  rejects("country=Libya", /^country:/);
  rejects("since=2021-02-30", /^since:/);
  rejects("until=yesterday", /^until:/);
  rejects("since=2022-01-01&until=2021-01-01", /after until/);
  rejects("limit=0", /^limit:/);
  rejects("limit=5000", /^limit:/);
  rejects("offset=-1", /^offset:/);
  rejects("near=11,13", /^near:/);
  rejects("near=95,13,5", /^near:/);
  rejects("sort=name", /^sort:/);
  rejects("type=a;drop", /^type:/);
  rejects("country=LY&country=NG", /more than once/);
  rejects("actor=%20", /^actor:/);
});
