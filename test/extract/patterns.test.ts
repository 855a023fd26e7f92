import { test } from "node:test";
import assert from "node:assert/strict";
import { compilePatterns, findAll, sentenceAt } from "../../src/extract/patterns.js";

/** What `findAll` must find: one case-insensitive expression over the text, whole words only. */
function reference(lists: string[][], text: string): { start: number; end: number; tag: number }[] {
  const body = lists.map((ps, i) => `(?<t${i}>${ps.map((p) => `(?:${p})`).join("|")})`).join("|");
  const re = new RegExp(`\\b(?:${body})\\b`, "gi");
  const out: { start: number; end: number; tag: number }[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    let tag = 0;
    while (m.groups![`t${tag}`] === undefined) tag++;
    out.push({ start: m.index, end: m.index + m[0].length, tag });
  }
  return out;
}

const found = (lists: string[][], text: string) => findAll(compilePatterns(lists), text).map(({ start, end, tag }) => ({ start, end, tag }));

const LISTS = [
  ["suicide (car |truck )?bomb(ing|er)s?", "blew (himself|herself) up", "(?<=(the|its) )raids?"],
  ["(car|truck)[- ]bombs?", "rockets?(?!-propelled)", "self-immolat\\w+", "said .{0,20}that (it|they)"],
  ["bomb(ed|ing)", "communiqu[eé]s?", "(a |the )?statement", "ak-?47s?", "[0-9]+ killed", "-propelled"],
];

const TEXTS = [
  "A SUICIDE CAR BOMBER blew himself up; the raid and its raids followed. Raids resumed.",
  "Car-bombs, truck bombs and a rocket-propelled grenade; rockets hit. The self-immolation spread.",
  "They said on Monday that it was behind the bombing. The communiqué and two communiques.",
  "An AK-47 and ak47s; 12 killed, 3 killed in a_bombing, bombed_ and bombed. the statement",
  "Café bombing: the Statement, é-bombed, ünbombed, «bombed» (bombed) bombed.",
];

test("findAll finds what one whole-word expression finds, the earlier list winning", () => {
  for (const text of TEXTS) assert.deepEqual(found(LISTS, text), reference(LISTS, text), text);
});

test("patterns beyond the prefix analysis still match", () => {
  const lists = [["(\\w)\\1 bomb", "[^a-z]ed"], ["\\x62omb(s)?"]];
  for (const text of ["a bb bomb and 1ed, bombs", ...TEXTS]) assert.deepEqual(found(lists, text), reference(lists, text), text);
});

test("a pattern that matches nothing never loops", () => {
  const lists = [["(the )?"], ["bomb"]];
  for (const text of TEXTS) assert.deepEqual(found(lists, text), reference(lists, text), text);
});

test("a window is searched as if it were the whole text", () => {
  const set = compilePatterns([["said .{0,40}that", "bombs?"]]);
  const text = "He said it. And that bomb went off.";
  assert.deepEqual(findAll(set, text).map((s) => s.text), ["said it. And that", "bomb"]);
  assert.deepEqual(findAll(set, text, 0, 11), []);
  assert.deepEqual(findAll(set, text, 12, 27).map((s) => [s.start, s.end, s.text]), [[21, 25, "bomb"]]);
  // A window's edges are word boundaries, even where they cut a word.
  assert.deepEqual(findAll(set, "xbombs", 1).map((s) => [s.start, s.text]), [[1, "bombs"]]);
  assert.deepEqual(findAll(set, "bombsx", 0, 5).map((s) => [s.start, s.text]), [[0, "bombs"]]);
});

test("sentenceAt finds the sentence holding an offset, or -1 between sentences", () => {
  const sentences = [
    { start: 0, end: 10, text: "" },
    { start: 12, end: 20, text: "" },
  ];
  assert.equal(sentenceAt(sentences, 0), 0);
  assert.equal(sentenceAt(sentences, 9), 0);
  assert.equal(sentenceAt(sentences, 10), -1);
  assert.equal(sentenceAt(sentences, 12), 1);
  assert.equal(sentenceAt(sentences, 20), -1);
});
