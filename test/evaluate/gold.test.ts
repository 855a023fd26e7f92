import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asGoldEvent, readGold } from "../../src/evaluate/gold.js";

test("a gold line: codes given alone become lists, required defaults to true, the country to capitals", () => {
  const g = asGoldEvent({ documentId: "d1", id: "e1", eventType: "RIOTS", attackType: ["ARMED_ASSAULT"], location: { names: ["Market Town"], country: "ne" }, killed: null }, 4);
  assert.deepEqual(g, { documentId: "d1", id: "e1", line: 4, required: true, eventType: ["RIOTS"], attackType: ["ARMED_ASSAULT"], location: { names: ["Market Town"], country: "NE" } });
});

test("a wrong field is refused by name", () => {
  const refused: [object, RegExp][] = [
    [{ id: "e1" }, /missing documentId/],
    [{ documentId: "d1", id: "e1", attackType: ["ARMED_ASSUALT"] }, /attackType: "ARMED_ASSUALT" is not a code/],
    [{ documentId: "d1", id: "e1", killed: 2.5 }, /killed: must be a whole number/],
    [{ documentId: "d1", id: "e1", date: { start: "14 March 2021", end: null } }, /date.start: .* is not YYYY/],
    [{ documentId: "d1", id: "e1", location: { names: [], lat: 10 } }, /lat and lon go together/],
    [{ documentId: "d1", id: "e1", location: { names: [], country: "Niger" } }, /not an ISO alpha-2 code/],
    [{ documentId: "d1", id: "e1", required: "yes" }, /required: must be true or false/],
  ];
  for (const [value, reason] of refused) assert.throws(() => asGoldEvent(value, 1), reason);
});

test("a gold file: bad lines and an event coded twice are reported as FILE:LINE, the others kept", () => {
  const path = join(mkdtempSync(join(tmpdir(), "sitrep-gold-")), "gold.jsonl");
  const lines = [
    JSON.stringify({ documentId: "d1", id: "e1" }),
    "{not json",
    "",
    JSON.stringify({ documentId: "d1", id: "e1", killed: 3 }),
    JSON.stringify({ documentId: "d2", id: "e1", weapon: "FIREARMS" }),
  ];
  writeFileSync(path, lines.join("\n"));
  const { values, errors } = readGold(path);
  assert.deepEqual(values.map((g) => `${g.documentId} ${g.line}`), ["d1 1", "d2 5"]);
  assert.equal(errors.length, 2);
  assert.match(errors[0]!, new RegExp(`^${path}:2: invalid JSON`));
  assert.equal(errors[1], `${path}:4: event "e1" of "d1" is coded already on line 1`);
  assert.throws(() => readGold(join(path, "..", "absent.jsonl")), /absent\.jsonl: no such file or directory/);
});
