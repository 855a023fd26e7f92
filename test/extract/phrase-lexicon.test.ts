import { test } from "node:test";
import assert from "node:assert/strict";
import { PhraseLexicon } from "../../src/extract/phrase-lexicon.js";
import { tokenizeWords } from "../../src/extract/words.js";

function scan(lex: PhraseLexicon<string>, text: string, accept?: (value: string) => boolean): string[] {
  const words = tokenizeWords(text);
  return lex.scan(words, accept && ((m) => accept(m.value))).map((m) => `${words.slice(m.first, m.last + 1).map((w) => w.key).join(" ")}=${m.value}`);
}

test("the longest phrase wins, and matches do not overlap", () => {
  const lex = new PhraseLexicon<string>();
  lex.add("police", "P");
  lex.add("police station", "S");
  lex.add("station master", "M");
  assert.deepEqual(scan(lex, "The police station master left the police."), ["police station=S", "police=P"]);
});

test("a wildcard stem matches any ending, a whole word before it", () => {
  const lex = new PhraseLexicon<string>();
  lex.add("soldier*", "wild");
  lex.add("soldiers", "exact");
  lex.add("diplomatic mission*", "mission");
  lex.add("sol*", "short");
  assert.deepEqual(scan(lex, "Soldier, soldiers, soldiering, solar, so, diplomatic missions, diplomatic."), [
    "soldier=wild",
    "soldiers=exact",
    "soldiering=wild",
    "solar=short",
    "diplomatic missions=mission",
  ]);
});

test("a match the caller refuses gives way to a shorter one", () => {
  const lex = new PhraseLexicon<string>();
  lex.add("is", "short");
  lex.add("is fighters", "long");
  assert.deepEqual(scan(lex, "IS fighters", (v) => v !== "long"), ["is=short"]);
  assert.deepEqual(scan(lex, "IS fighters", () => false), []);
});

test("the first value given for a phrase is kept", () => {
  const lex = new PhraseLexicon<string>();
  lex.add("army", "first");
  lex.add("Army", "second");
  lex.add("troop*", "first");
  lex.add("troop*", "second");
  assert.deepEqual(scan(lex, "army troops"), ["army=first", "troops=first"]);
});

test("a wildcard stem shorter than three letters is refused", () => {
  assert.throws(() => new PhraseLexicon<string>().add("al*", "x"), /shorter than 3/);
});
