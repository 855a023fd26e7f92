import { test } from "node:test";
import assert from "node:assert/strict";
import { prepareDocument } from "../../src/document/prepare.js";
import { annotate } from "../../src/extract/pipeline.js";

const claimsOf = (text: string) => annotate(prepareDocument({ id: "t", text, published: "2021-03-10" })).claims;

test("a claim of responsibility with its channel", () => {
  const [c] = claimsOf("The group claimed responsibility on its Twitter account.");
  assert.equal(c?.kind, "claim");
  assert.equal(c?.channel, "Twitter");
  assert.equal(claimsOf("A statement signed by the group said its men did it.")[0]?.channel, "statement");
  assert.equal(claimsOf("It claimed the bombing through its Amaq news agency.")[0]?.channel, "news agency");
});

test("a denial is not a claim; a suspicion is marked as one", () => {
  assert.equal(claimsOf("The movement denied any involvement in the shooting.")[0]?.kind, "denial");
  assert.equal(claimsOf("Police suspect the rebels carried out the attack.")[0]?.kind, "suspicion");
});
