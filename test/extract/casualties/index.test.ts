import { test } from "node:test";
import assert from "node:assert/strict";
import { activeCodebook } from "../../../src/codebook/load.js";
import { findCasualties } from "../../../src/extract/casualties/index.js";
import { counts, figuresIn, sourceOf } from "./helpers.js";

test("a count before a passive verb: killed and wounded, the second sharing the first's verb form", () => {
  const f = figuresIn("Hospital sources said 27 people were killed and 35 wounded in the twin blasts.");
  assert.deepEqual([f.killed?.value, f.killed?.text], [27, "27 people were killed"]);
  assert.deepEqual([f.wounded?.value, f.wounded?.text], [35, "35 wounded"]);
  assert.deepEqual(counts("FOUR GUERRILLAS WERE KILLED AND SIX OTHERS WERE WOUNDED DURING THE CLASH."), [4, 6]);
  assert.deepEqual(counts("A policeman was wounded and taken to hospital."), [undefined, 1]);
  assert.deepEqual(counts("Three guards have reportedly been seriously injured."), [undefined, 3]);
});

test("a count before an intransitive verb or an adjective", () => {
  assert.deepEqual(counts("Nine soldiers died in the ambush."), [9, undefined]);
  assert.deepEqual(counts("The blast at the market left 15 dead."), [15, undefined]);
  assert.deepEqual(counts("THE RAID ENDED WITH ONE DEAD GUERRILLA."), [1, undefined]);
  assert.deepEqual(counts("Medics counted 60 injured after the stampede."), [undefined, 60]);
  assert.deepEqual(counts("The 18 villagers killed in the raid were buried on Friday."), [18, undefined]);
});

test("a count after an active verb, the second clause sharing the object pattern", () => {
  assert.deepEqual(counts("Gunmen raided the post, killing three border guards and wounding a fourth."), [3, 1]);
  assert.deepEqual(counts("The drone strike killed 11 people and wounded another."), [11, 1]);
  assert.deepEqual(counts("A second device went off, wounding 40."), [undefined, 40]);
  assert.deepEqual(counts("The militia said it had killed six soldiers."), [6, undefined]);
  assert.deepEqual(counts("The fire claimed the lives of 14 workers."), [14, undefined]);
});

test("a count after a noun and 'of', and tolls", () => {
  assert.deepEqual(counts("The shelling caused the death of 12 civilians."), [12, undefined]);
  assert.deepEqual(counts("A video showed the beheading of 17 hostages."), [17, undefined]);
  assert.deepEqual(counts("Officials put the death toll at 23."), [23, undefined]);
  assert.deepEqual(counts("By evening the toll had risen to 41."), [41, undefined]);
  const many = figuresIn("The bombing led to the death of many people.").killed!;
  assert.deepEqual([many.value, many.min, many.max], [null, 2, undefined]);
});

test("perpetrators count with the people they killed", () => {
  const f = figuresIn("The blast killed at least seven people and the bomber.").killed!;
  assert.deepEqual([f.value, f.min, f.text], [8, 8, "killed at least seven people and the bomber"]);
  assert.deepEqual(counts("Four pilgrims and the attacker were killed."), [5, undefined]);
  assert.deepEqual(counts("He blew himself up, killing himself and three others."), [4, undefined]);
});

test("a list of counts with commas is summed; past a comma only a count goes on the list", () => {
  assert.deepEqual(counts("Rebels killed four guards, two drivers and a cook at the depot."), [7, undefined]);
  assert.deepEqual(counts("One officer, five recruits, and two farmers were killed near the bridge."), [8, undefined]);
  assert.deepEqual(counts("The strike killed a district judge, a Mr Alvarado."), [1, undefined]);
  assert.deepEqual(counts("After 12 raids, 30 fighters were killed in the hills."), [30, undefined]);
  assert.deepEqual(counts("The blast killed nine people, 14 were wounded."), [9, 14]);
});

test("a figure told as an addition is marked so ('also', 'other')", () => {
  assert.equal(figuresIn("Three of his guards were also killed in the ambush.").killed?.additional, true);
  assert.equal(figuresIn("Two other passengers died on the way to hospital.").killed?.additional, true);
  assert.equal(figuresIn("Gunmen killed the judge and two others on Monday.").killed?.additional, undefined);
  assert.equal(figuresIn("Three guards were killed in the ambush.").killed?.additional, undefined);
});

test("people taken and then killed are the toll; 'shot to death' and 'beat to death' kill", () => {
  assert.deepEqual(counts("Four traders were allegedly abducted and killed by the gang."), [4, undefined]);
  assert.deepEqual(counts("THREE PEASANTS WERE KIDNAPPED AND SHOT DEAD."), [3, undefined]);
  assert.deepEqual(counts("Two guards, including a teenager, were shot to death at the gate."), [2, undefined]);
  assert.deepEqual(counts("A crowd beat to death two suspected thieves in the market."), [2, undefined]);
  assert.deepEqual(counts("Three farmers were abducted in the raid."), [undefined, undefined]);
});

test("a short bracketed name between the count and its verb is an aside", () => {
  assert.deepEqual(counts("Two fighters of the Kashmir Freedom Front (KFF) were killed in the raid."), [2, undefined]);
  assert.deepEqual(counts("Three officers of the Rapid Action Battalion (RAB) were injured."), [undefined, 3]);
  // A bracket that runs on is no aside: the clause ends there.
  assert.deepEqual(counts("Two officials (who had earlier been named by the paper as the men in charge of the convoy) were killed."), [undefined, undefined]);
});

test("a figure told as an addition later in the sentence adds to the sentence's first", () => {
  assert.deepEqual(counts("The mayor was shot dead in an attack in which two of his guards were also killed."), [3, undefined]);
  assert.deepEqual(counts("Four soldiers were killed and two other soldiers died in hospital."), [6, undefined]);
  // A second figure that is no addition may be another event's: the first stays the sentence's.
  assert.deepEqual(counts("Four soldiers were killed in Kunar and two were killed in Paktia."), [4, undefined]);
});

test("'no one was hurt', 'no casualties', 'without casualties' are 0 killed and 0 wounded", () => {
  for (const text of [
    "A grenade hit the courtyard but no one was hurt.",
    "The rocket struck an empty lot and caused no casualties.",
    "The guards repelled the assault without casualties.",
    "Officials said no one was wounded or killed.",
    "THE PATROL WAS FIRED ON BUT THERE WERE NO CASUALTIES.",
    "There were no immediate reports of casualties.",
  ]) {
    assert.deepEqual(counts(text), [0, 0], text);
  }
  assert.deepEqual(counts("Nobody was killed in the fire."), [0, undefined]);
});

test("a count of a subset is not the event's figure", () => {
  assert.deepEqual(counts("The embassy said no Danish citizens were injured in the blast."), [undefined, undefined]);
  assert.deepEqual(counts("None of the four monks were hurt."), [undefined, undefined]);
  assert.deepEqual(counts("The raid on a guesthouse killed eight people, three of them aid workers."), [8, undefined]);
  assert.deepEqual(counts("An ambush killed twelve people of which four were police."), [12, undefined]);
  assert.deepEqual(counts("Two Nepalis were among the 19 people killed at the depot."), [19, undefined]);
  assert.deepEqual(counts("Ten people, including two children, were killed."), [10, undefined]);
});

test("unknown stays absent: harm without a count, a negated verb, a count of something else", () => {
  for (const text of [
    "The attack on the convoy proved deadly.",
    "Gunmen opened fire on the checkpoint.",
    "Two soldiers were not hurt in the blast.",
    "The ceasefire held for 30 minutes before shells killed civilians.",
    "A man who has killed before was arrested.",
    "Battalion 131 said a car bomb exploded.",
  ]) {
    const f = figuresIn(text);
    assert.deepEqual([f.killed, f.wounded], [undefined, undefined], text);
  }
});

test("'killed or wounded' says harm but neither figure", () => {
  const f = figuresIn("Twenty soldiers were killed or wounded in the battle.");
  assert.deepEqual([f.killed, f.wounded], [undefined, undefined]);
  assert.deepEqual(f.victims, [{ text: "Twenty soldiers", start: 0, end: 15, role: "other", named: false }]);
});

test("dates, times and ages next to numbers are not counts", () => {
  assert.deepEqual(counts("On 23 August two guards were killed."), [2, undefined]);
  assert.deepEqual(counts("At 7 a.m. three workers were wounded."), [undefined, 3]);
  assert.deepEqual(counts("Omar Haddad, 57, was gunned down outside his shop."), [1, undefined]);
});

test("number words, vague quantities and bounds", () => {
  const of = (text: string) => {
    const k = figuresIn(text).killed!;
    return [k.value, k.min, k.max];
  };
  assert.deepEqual(of("Twenty-three miners were killed."), [23, undefined, undefined]);
  assert.deepEqual(of("One hundred and five prisoners were killed."), [105, undefined, undefined]);
  assert.deepEqual(of("The quake killed 1,240 people."), [1240, undefined, undefined]);
  assert.deepEqual(of("A dozen soldiers were killed."), [12, undefined, undefined]);
  assert.deepEqual(of("Dozens of fighters were killed."), [null, 24, 99]);
  assert.deepEqual(of("Several civilians were killed."), [null, 3, 9]);
  assert.deepEqual(of("Scores of people were killed."), [null, 40, 199]);
  assert.deepEqual(of("Hundreds were killed."), [null, 200, 999]);
  assert.deepEqual(of("Two or three guards were killed."), [2, 2, 3]);
  assert.deepEqual(of("More than 30 recruits were killed."), [30, 30, undefined]);
  assert.deepEqual(of("Up to 15 fishermen were killed."), [15, undefined, 15]);
  assert.deepEqual(of("About 50 villagers were killed."), [50, undefined, undefined]);
});

test("victims: the noun phrase of who was harmed, with its role", () => {
  const f = figuresIn("The militants killed two police officers from the local station and abducted five aid workers.");
  assert.deepEqual(
    f.victims.map((v) => [v.text, v.role]),
    [
      ["two police officers", "killed"],
      ["five aid workers", "kidnapped"],
    ],
  );
  assert.deepEqual(figuresIn("They admitted beheading four of their captives.").victims.map((v) => v.text), ["four of their captives"]);
  assert.deepEqual(figuresIn("ABOUT 30 FARMERS HAVE BEEN KIDNAPPED BY REBELS.").victims.map((v) => [v.text, v.role]), [["ABOUT 30 FARMERS", "kidnapped"]]);
});

test("a long subject with a relative clause still reaches its verb", () => {
  assert.deepEqual(counts("Three guards from the private firm that had been protecting the compound for months were killed in the raid."), [3, undefined]);
  assert.deepEqual(counts("The officers, who had been watching a crowd near the plaza, were wounded."), [undefined, undefined]);
});

test("each figure of a sentence is listed; killed and wounded are the first of each", () => {
  const f = figuresIn("The first blast caused no casualties; hours later a second one killed four people.");
  assert.deepEqual(
    f.figures.map((x) => [x.role, x.value]),
    [
      ["killed", 0],
      ["wounded", 0],
      ["killed", 4],
    ],
  );
  assert.equal(f.killed?.value, 0);
});

test("offsets are into doc.text, also for a sentence that starts later in the document", () => {
  const text = "Talks resumed in the capital. Rebels said they killed 12 soldiers.";
  const f = findCasualties(sourceOf(text), { start: 30, end: text.length }, activeCodebook());
  assert.equal(text.slice(f.killed!.start, f.killed!.end), "killed 12 soldiers");
  assert.equal(f.killed!.text, "killed 12 soldiers");
  assert.equal(text.slice(f.victims[0]!.start, f.victims[0]!.end), "12 soldiers");
});

test("a singular auxiliary with no count says one person", () => {
  assert.deepEqual(counts("The district governor was killed when his car hit a mine."), [1, undefined]);
  assert.deepEqual(counts("THE JUDGE, WHO HAD BEEN KIDNAPPED ON MONDAY, WAS FOUND DEAD TODAY."), [1, undefined]);
  assert.deepEqual(counts("Her brother has been wounded."), [undefined, 1]);
  assert.deepEqual(counts("The bodyguards were killed."), [undefined, undefined]);
  assert.deepEqual(counts("The minister was not hurt."), [undefined, undefined]);
});

test("people counted but not said to be harmed are no figure: staff present, residents, the attackers who carried it out", () => {
  for (const text of [
    "A ministry official said the consulate had only four staff members present at the time of the attack.",
    "As many as 60 Danes, including two diplomats, are living in the country, which has of late been hit by fighting.",
    "A statement said two of its militants carried out suicide bombings in retaliation for air strikes on the port.",
  ]) {
    assert.deepEqual(figuresIn(text).figures, [], text);
  }
});

test("a toll with a subset and a date after it, 'resulting in the death of', and an ordinal victim", () => {
  assert.deepEqual(counts("The raid came after violence that killed eleven people of which six were foreigners on March 3 in the capital."), [11, undefined]);
  assert.deepEqual(counts("Gunmen shot at the consulate on Friday, resulting in the death of three guards."), [3, undefined]);
  assert.deepEqual(counts("A fourth officer was wounded and flown to the capital."), [undefined, 1]);
});

test("a killing noun takes its count across a short agent or means before its 'of'", () => {
  assert.deepEqual(counts("The murder by machinegun fire of two missionaries shocked the town."), [2, undefined]);
  assert.deepEqual(counts("THE KILLING BY SOLDIERS OF 12 VILLAGERS WAS DENOUNCED."), [12, undefined]);
});

test("one person who died needs no count: a singular pronoun or noun before a verb without auxiliary", () => {
  assert.deepEqual(counts("He died in hospital on Sunday."), [1, undefined]);
  assert.deepEqual(counts("The victim later died of his wounds."), [1, undefined]);
  // A plural says no number.
  assert.deepEqual(counts("The victims died in hospital."), [undefined, undefined]);
});

test("people named and joined by 'and' before a plural verb are counted, one each", () => {
  assert.deepEqual(counts("Marta Quiroga and Tomas Belgrano were killed near the market."), [2, undefined]);
  assert.deepEqual(counts("OFFICIALS SAID ERNESTO VILLALBA AND RAMON ORTUZAR WERE WOUNDED LAST NIGHT."), [undefined, 2]);
  // The whole of the first name is the victim in mixed case, not its last word.
  assert.deepEqual(figuresIn("Police said Marta Quiroga and Tomas Belgrano were kidnapped.").victims.map((v) => v.text), ["Marta Quiroga", "Tomas Belgrano"]);
  assert.deepEqual(counts("Marta Quiroga and Tomas Belgrano were not killed."), [undefined, undefined]);
  // Common nouns are no names.
  assert.deepEqual(counts("Soldiers and police were killed."), [undefined, undefined]);
});

test("a killing noun after a person's name in the possessive is one killed", () => {
  assert.deepEqual(counts("Protesters marched after Senator Elvira Montoya's assassination."), [1, undefined]);
  assert.deepEqual(counts("THE TRIAL OF THOSE BEHIND ERNESTO VILLALBA ORTUZAR' MURDER WAS POSTPONED."), [1, undefined]);
  assert.deepEqual(figuresIn("Tomas Belgrano's murder was never solved.").victims.map((v) => v.text), ["Tomas Belgrano"]);
  // A surname in s before a bare apostrophe; "of" before the owner governs the whole phrase.
  assert.deepEqual(counts("THE TRIAL OF THOSE INVOLVED IN BISHOP ANSELMO ROBLES' MURDER."), [1, undefined]);
  // One word before "'s" is as often a day, a place or a group; a massacre's owner says no number.
  assert.deepEqual(counts("Monday's killing shocked the town."), [undefined, undefined]);
  assert.deepEqual(counts("THE NATIONAL ARMY'S MASSACRE WAS DENOUNCED."), [undefined, undefined]);
  // A noun that qualifies another is no killing: "murder rate", "death squads".
  assert.deepEqual(counts("Meanwhile, San Telmo's murder rate doubled."), [undefined, undefined]);
});

test("a person named before a verb without auxiliary is one killed", () => {
  assert.deepEqual(counts("JUDGE ERNESTO VILLALBA ORTUZAR DIED AFTER HE WAS SHOT."), [1, undefined]);
  assert.deepEqual(counts("Marta Quiroga died in hospital on Sunday."), [1, undefined]);
  // Plurals name no one person, regular or not.
  assert.deepEqual(counts("INNOCENT CHILDREN DIED IN THE FIRE."), [undefined, undefined]);
  assert.deepEqual(counts("THE FOLLOWING POLICEMEN DIED:"), [undefined, undefined]);
  // A name after "of" ends the phrase of whoever died.
  assert.deepEqual(counts("SOME GUERRILLAS OF THE NATIONAL FRONT DIED."), [undefined, undefined]);
});
