import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCues, type AssembleBook } from "../../../src/extract/assemble/cues.js";

// A small codebook written for this test: the shapes come from code, the words from the book.
const book: AssembleBook = {
  boundaries: ["in retaliation for", "after"],
  separate: ["another"],
  definite: ["the"],
  demonstrative: ["that"],
  definiteNoun: ["the"],
  locatives: ["in"],
  reporting: ["said"],
  attackOrder: ["ASSASSINATION", "ARMED_ASSAULT"],
  crowdOrder: ["MOB_VIOLENCE", "PEACEFUL_PROTEST"],
  weaponAttack: { FIREARMS: "ARMED_ASSAULT" },
  placeBefore: ["in"],
  targetBefore: ["against", "positions of"],
  agentBefore: ["by"],
  crowds: ["villagers", "hundreds of"],
  partners: ["with"],
  gatheredAt: ["in", "in front of"],
  suicide: ["suicide"],
  articles: ["the", "a"],
  nationalTargets: ["GOVERNMENT_DIPLOMATIC"],
  armedTargets: ["POLICE"],
  feuds: ["rival groups"],
  subjectGap: ["had"],
  undergoes: ["were"],
  deedAdverbs: ["later"],
};

test("a boundary is one of the book's phrases as whole words, or a semicolon", () => {
  const { boundary } = compileCues(book);
  const find = (s: string) => {
    boundary.lastIndex = 0;
    return boundary.exec(s)?.[0] ?? null;
  };
  assert.equal(find(" two villagers in retaliation  for "), "in retaliation  for");
  assert.equal(find(" the soldiers; then "), ";");
  assert.equal(find(" the afternoon "), null);
});

test("cues before a trigger are the book's words at the end of the words before it", () => {
  const cues = compileCues(book);
  assert.ok(cues.separate.test("in another deadly "));
  assert.ok(!cues.separate.test("in yet more "));
  assert.ok(cues.demonstrative.test("during that deadly "));
  assert.ok(!cues.demonstrative.test("confirmed that the "));
  assert.ok(cues.targetBefore.test("fighting against the "));
  assert.ok(cues.targetBefore.test("shelled positions of "));
  assert.ok(!cues.targetBefore.test("the vanguard "));
  assert.ok(cues.locative.test("in eastern "));
  assert.ok(cues.reporting.test("the governor said on "));
  assert.deepEqual([...cues.nationalTargets], ["GOVERNMENT_DIPLOMATIC"]);
});

test("the words between an actor and its verb, a verb's undergoing, and two verbs of one deed are the book's", () => {
  const { subjectGap, undergoes, joinedVerbs } = compileCues(book);
  assert.ok(subjectGap.test(" had allegedly "));
  assert.ok(!subjectGap.test(" said that "));
  assert.ok(undergoes.test("were attacked"));
  assert.ok(!undergoes.test("attacked"));
  assert.ok(joinedVerbs.test(" and later "));
  assert.ok(joinedVerbs.test(", and swiftly "));
  assert.ok(!joinedVerbs.test(" and then "));
});

test("a protest is held at the place right after its words and a gathering cue, within one clause", () => {
  const { heldAt } = compileCues(book);
  assert.ok(heldAt.test(" in "));
  assert.ok(heldAt.test(" in  front of the district court in "));
  assert.ok(!heldAt.test(" to the ambassador in "));
  assert.ok(!heldAt.test(" in the morning, and later in "));
});
