import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { CodebookError, readCodebook } from "../../src/codebook/read.js";
import { CODEBOOK_FILES } from "../../src/codebook/schema.js";
import { projectRoot } from "../../src/paths.js";
import { sitrep } from "../cli/run.js";

const shipped = join(projectRoot, "codebook");

/** A copy of the shipped codebook in a temporary folder named codebook/, with `files` written over it. */
function copy(t: { after(fn: () => void): void }, files: Record<string, string | null> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "sitrep-codebook-"));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const dir = join(root, "codebook");
  cpSync(shipped, dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    if (text === null) rmSync(join(dir, file));
    else writeFileSync(join(dir, file), text);
  }
  return dir;
}

function problems(dir: string): string[] {
  try {
    readCodebook(dir);
  } catch (err) {
    assert.ok(err instanceof CodebookError);
    assert.equal(err.message, err.problems.join("\n"));
    return err.problems;
  }
  assert.fail("the codebook was accepted");
}

const knifeAttack = (extra: string) => `triggers:
  - name: shooting
    patterns: [opened fire]
    attackType: ARMED_ASSAULT
    eventType: VIOLENCE_AGAINST_CIVILIANS
    subEventType: ATTACK
  - name: knife attack
    patterns: [stabb(ed|ing)]
${extra}`;

const complete = `    attackType: ARMED_ASSAULT
    eventType: VIOLENCE_AGAINST_CIVILIANS
    subEventType: ATTACK
`;

test("the shipped codebook validates, every file in it", () => {
  const book = readCodebook(shipped);
  assert.deepEqual(Object.keys(book).sort(), Object.keys(CODEBOOK_FILES).sort());
  assert.ok(book.triggers.triggers.length > 0);
  assert.ok(Object.keys(book.exportLabels.gtd.attackType).length > 0);
});

test("a misspelt key names the file, its line and the entry, and the key it stands for as missing", (t) => {
  const dir = copy(t, { "triggers.yaml": knifeAttack(`    attakType: ARMED_ASSAULT\n    eventType: VIOLENCE_AGAINST_CIVILIANS\n    subEventType: ATTACK\n`) });
  assert.deepEqual(problems(dir), [
    'codebook/triggers.yaml:7: entry "knife attack": missing key "attackType"',
    'codebook/triggers.yaml:9: entry "knife attack": unknown key "attakType"',
  ]);
});

test("a code outside the contract's lists is named with the list it is not in", (t) => {
  const dir = copy(t, {
    "triggers.yaml": knifeAttack(`${complete}    weapon: KNIFE\n    byTarget: { POLICE: [BATTLES, CLASH] }\n`),
    "weapons.yaml": "weapons:\n  FIREARMS: [rifles?]\n  BLADES: [knife, knives]\n",
  });
  assert.deepEqual(problems(dir), [
    'codebook/triggers.yaml:12: entry "knife attack", weapon: "KNIFE" is not one of the contract\'s weapon types',
    'codebook/triggers.yaml:13: entry "knife attack", byTarget.POLICE[1]: "CLASH" is not one of the contract\'s sub-event types',
    'codebook/weapons.yaml:3: weapons: "BLADES" is not one of the contract\'s weapon types',
  ]);
});

test("a pattern that does not compile is named with the engine's reason", (t) => {
  const dir = copy(t, {
    "triggers.yaml": knifeAttack(complete).replace("[stabb(ed|ing)]", "[stabbed, stabb(ed|ing]"),
    "boilerplate.yaml": "teasers: { proseMinWords: 8 }\nduplicateLines: { minLength: 40 }\nlines:\n  - name: share-bar\n    comment: A row of share buttons.\n    pattern: \"^share on \\\\p{L\"\n",
  });
  assert.deepEqual(problems(dir), [
    'codebook/boilerplate.yaml:6: entry "share-bar", pattern: pattern "^share on \\\\p{L" does not compile: Invalid property name',
    'codebook/triggers.yaml:8: entry "knife attack", patterns[1]: pattern "stabb(ed|ing" does not compile: Unterminated group',
  ]);
});

test("a target phrase with a wildcard stem too short to file is refused", (t) => {
  const dir = copy(t, { "targets.yaml": "targets:\n  POLICE:\n    - police station*\n    - po*\nphraseEdges: [at]\nharmedPeople: PRIVATE_CITIZENS_PROPERTY\n" });
  assert.deepEqual(problems(dir), ["codebook/targets.yaml:4: targets.POLICE[1]: wildcard stem shorter than 3 letters: po*"]);
});

test("an entry, a pattern, an alias or a key written twice is named with the line of the first", (t) => {
  const dir = copy(t, {
    "triggers.yaml": knifeAttack(complete).replace("name: knife attack", "name: shooting").replace("[stabb(ed|ing)]", "[stabbed, opened fire, stabbed]"),
    "actors.yaml": `groups:
  - name: Harbour Front
    kind: organization
    aliases: [HF, Harbour Brigade]
  - name: Harbour Brigade
    kind: organization
    aliases: [harbour-brigade]
state: [army]
unknown: [gunmen]
`,
    "language.yaml": "minWords: 20\nminWords: 30\nenglish: { code: eng, minShare: 0.2, words: [the] }\n",
    "targets.yaml": "targets:\n  POLICE: [police station*]\n  MILITARY: [Police Station*]\nphraseEdges: [at]\nharmedPeople: PRIVATE_CITIZENS_PROPERTY\n",
  });
  assert.deepEqual(problems(dir), [
    'codebook/actors.yaml:5: entry "Harbour Brigade", name: alias "harbour brigade" again (first at line 4)',
    "codebook/language.yaml:2: Map keys must be unique",
    'codebook/targets.yaml:3: targets.MILITARY[0]: phrase "police station*" again (first at line 2)',
    'codebook/triggers.yaml:7: entry "shooting", name: trigger "shooting" again (first at line 2)',
    'codebook/triggers.yaml:8: entry "shooting", patterns[1]: pattern "opened fire" again (first at line 3)',
    'codebook/triggers.yaml:8: entry "shooting", patterns[2]: pattern "stabbed" again (first at line 8)',
  ]);
});

test("a word written twice in a plain list, a phrase in two of the actors' lists and a \"*\" inside a word are named", (t) => {
  const dir = copy(t, {
    "abbreviations.yaml": "abbreviations: [mr, dr,\n  gen, mr]\n",
    "actors.yaml": `groups:
  - name: Harbour Front
    kind: organization
    aliases: [harbour squad]
state: [army, Harbour Squad]
unknown: [gunmen]
`,
    "targets.yaml": "targets:\n  POLICE: [police station*, policem*n]\nphraseEdges: [at]\nharmedPeople: PRIVATE_CITIZENS_PROPERTY\n",
  });
  assert.deepEqual(problems(dir), [
    'codebook/abbreviations.yaml:2: abbreviations[3]: entry "mr" again (first at line 1)',
    'codebook/actors.yaml:5: state[1]: phrase "harbour squad" again (first at line 4)',
    'codebook/targets.yaml:2: targets.POLICE[1]: phrase "policem*n": a "*" matches any ending only at the end of the last word',
  ]);
});

test("a missing file and a file that is not YAML are named, and the rest still checked", (t) => {
  const dir = copy(t, { "weapons.yaml": null, "claims.yaml": "claim: [claimed responsibility\ndenial: []\n", "numbers.yaml": "units: { one: -1 }\n" });
  const found = problems(dir);
  assert.ok(found.includes("codebook/weapons.yaml: missing file"), found.join("\n"));
  assert.ok(found.some((p) => /^codebook\/claims\.yaml:\d+: /.test(p)), found.join("\n"));
  assert.ok(found.includes('codebook/numbers.yaml:1: units.one: Too small: expected number to be >=0'), found.join("\n"));
  assert.ok(found.includes('codebook/numbers.yaml:1: missing key "tens"'), found.join("\n"));
});

test("sitrep codebook check passes the shipped codebook and fails a bad copy with its problems", async (t) => {
  const good = await sitrep(["codebook", "check"]);
  assert.equal(good.code, 0, good.stderr);
  assert.match(good.stdout, new RegExp(`^codebook .*codebook: ${Object.keys(CODEBOOK_FILES).length} files, \\d+ entries, ok\n$`));
  const dir = copy(t, { "triggers.yaml": knifeAttack(`${complete}    weapon: KNIFE\n`) });
  const bad = await sitrep(["codebook", "check", dir]);
  assert.equal(bad.code, 1);
  assert.equal(bad.stdout, "");
  assert.equal(bad.stderr, `codebook/triggers.yaml:12: entry "knife attack", weapon: "KNIFE" is not one of the contract's weapon types\ncodebook ${dir}: 1 problem\n`);
});
