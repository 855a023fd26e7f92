import { test } from "node:test";
import assert from "node:assert/strict";
import { InputError } from "../../src/document/inputError.js";
import { asSourceDocument } from "../../src/document/validate.js";

test("keeps the contract's fields, drops nulls and unknown fields", () => {
  assert.deepEqual(asSourceDocument({ id: "a", text: "t", title: null, extra: 1 }), { id: "a", text: "t" });
});

test("names the field that is wrong", () => {
  assert.throws(() => asSourceDocument({ id: "a", url: ["x"] }), new InputError("url must be a string"));
  assert.throws(() => asSourceDocument([1]), new InputError("not a JSON object"));
  assert.throws(() => asSourceDocument({ text: "t" }), new InputError("missing id"));
});
