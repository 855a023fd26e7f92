import assert from "node:assert/strict";
import { test } from "node:test";
import { fingerprint, signatureBytes, similarity, storedBands } from "../../src/store/near-duplicates.js";

const STORY = "Gunmen on motorcycles raided a village late on Tuesday, burning homes and killing eleven farmers, a councillor said.";

test("a signature as stored gives back the bands it was filed under, wherever its bytes sit", () => {
  const print = fingerprint(STORY);
  assert.deepEqual(storedBands(signatureBytes(print.signature)), print.bands);
  // A driver may hand the bytes over inside a larger buffer, at an odd offset.
  const shared = new Uint8Array(print.signature.byteLength + 3);
  shared.set(signatureBytes(print.signature), 3);
  assert.deepEqual(storedBands(shared.subarray(3)), print.bands);
});

test("the same text is similar to itself; another story is not", () => {
  const print = fingerprint(STORY);
  assert.equal(similarity(print.signature, signatureBytes(print.signature)), 1);
  const other = fingerprint("Protesters blocked the main highway into the capital on Wednesday to demand the release of students.");
  assert.ok(similarity(print.signature, signatureBytes(other.signature)) < 0.3);
});
