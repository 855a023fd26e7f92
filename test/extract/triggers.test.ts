import { test } from "node:test";
import assert from "node:assert/strict";
import { prepareDocument } from "../../src/document/prepare.js";
import { annotate } from "../../src/extract/pipeline.js";

const triggersOf = (text: string) => annotate(prepareDocument({ id: "t", text, published: "2021-03-10" })).triggers;
const live = (text: string) => triggersOf(text).filter((t) => !t.cancelledBy);

test("shooting words are armed assaults that imply firearms", () => {
  const [t] = live("Gunmen opened fire on a police checkpoint outside the town.");
  assert.equal(t?.attackType, "ARMED_ASSAULT");
  assert.equal(t?.weapon, "FIREARMS");
  assert.equal(live("Attackers stormed the hotel lobby before dawn.")[0]?.attackType, "ARMED_ASSAULT");
});

test("vehicle bombs and suicide bombers are bombings; suicide is marked", () => {
  const [car] = live("A car bomb exploded near the central market.");
  assert.equal(car?.attackType, "BOMBING_EXPLOSION");
  assert.equal(car?.subEventType, "REMOTE_EXPLOSIVE_LANDMINE_IED");
  const [suicide] = live("A suicide bomber struck a crowd of mourners.");
  assert.equal(suicide?.suicide, true);
  assert.equal(suicide?.subEventType, "SUICIDE_BOMB");
});

test("kidnapping, arson, hijacking and air strikes have their own types", () => {
  assert.equal(live("Rebels abducted three engineers from the site.")[0]?.attackType, "HOSTAGE_TAKING_KIDNAPPING");
  assert.equal(live("The men took four aid workers hostage.")[0]?.attackType, "HOSTAGE_TAKING_KIDNAPPING");
  assert.equal(live("Militants set fire to a girls' school overnight.")[0]?.attackType, "FACILITY_INFRASTRUCTURE_ATTACK");
  assert.equal(live("Pirates hijacked a cargo ship off the coast.")[0]?.attackType, "HIJACKING");
  const [air] = live("Air strikes hit the northern district on Tuesday.");
  assert.equal(air?.subEventType, "AIR_DRONE_STRIKE");
  assert.equal(air?.stateAction, true);
});

test("seizing a university is a change of territory", () => {
  const [t] = live("Armed men seized the university and the radio station.");
  assert.equal(t?.eventType, "BATTLES");
  assert.equal(t?.subEventType, "NON_STATE_ACTOR_OVERTAKES_TERRITORY");
});

test("threats, plans, hypotheticals and foiled plots are not events", () => {
  for (const text of [
    "The group threatened to attack the embassy next month.",
    "Police said the cell was planning to attack the stadium.",
    "Officials fear the militants could attack the airport.",
    "Security services foiled a bombing plot against the parade.",
    "Crowds gathered to mark the anniversary of the bombing of the cathedral.",
  ]) {
    const ts = triggersOf(text);
    assert.ok(ts.length > 0, text);
    assert.ok(ts.every((t) => t.cancelledBy), `${text}: ${JSON.stringify(ts.map((t) => [t.text, t.cancelledBy]))}`);
  }
});

test("a tally over a period is not one event", () => {
  for (const text of [
    "Some 300 civilians have been killed in the province since the start of the year.",
    "A total of 41 soldiers were killed in the region, the ministry said.",
  ]) {
    const ts = triggersOf(text);
    assert.ok(ts.length > 0 && ts.every((t) => t.cancelledBy), `${text}: ${JSON.stringify(ts.map((t) => [t.text, t.cancelledBy]))}`);
  }
});

test("a count over a span of weeks or years, or a war's toll, is not one event", () => {
  for (const text of [
    "Over the past four months, some 90 farmers have been murdered in the valley.",
    "During 12 years of civil war more than 40,000 people have been killed in the region.",
    "The talks aim to end a conflict that has killed more than 40,000 people.",
  ]) {
    const ts = triggersOf(text);
    assert.ok(ts.length > 0 && ts.every((t) => t.cancelledBy), `${text}: ${JSON.stringify(ts.map((t) => [t.text, t.cancelledBy]))}`);
  }
  // A span without a count may frame one event.
  assert.ok(live("In the past months the gang hijacked a fuel convoy near the border.").length > 0);
});

test("calls, endings, denials of any shot and accidents are not events", () => {
  for (const text of [
    "The cleric was expelled for publicly calling for the assassination of the governor.",
    "Leaflets urged the throwing of petrol bombs at police stations.",
    "The rebels ceased bombing the power lines in May.",
    "The bishop demanded an end to the killings.",
    "The town changed hands without a shot being fired.",
    "Not a single shot was fired during the handover.",
    "The crash killed 45 passengers aboard the bus.",
    "An earthquake killed 300 people in the north.",
  ]) {
    const ts = triggersOf(text);
    assert.ok(ts.length > 0 && ts.every((t) => t.cancelledBy), `${text}: ${JSON.stringify(ts.map((t) => [t.text, t.cancelledBy]))}`);
  }
});

test("a crime named as a trade is no event; the gerund with a counted object is", () => {
  for (const text of ["The gang is involved in kidnapping and extortion along the border.", "The rebels renounced kidnapping in 2012."]) {
    const ts = triggersOf(text).filter((t) => t.text.toLowerCase() === "kidnapping");
    assert.ok(ts.length > 0 && ts.every((t) => t.cancelledBy), `${text}: ${JSON.stringify(ts.map((t) => [t.text, t.cancelledBy]))}`);
  }
  assert.ok(live("The army accused the rebels of kidnapping 12 engineers near the dam.").length > 0);
  assert.ok(live("Police said the kidnapping of the engineer took place on Monday.").length > 0);
});

test("a captivity told as going on is an event", () => {
  assert.ok(live("Dozens of travellers are being held hostage by the gang in a farmhouse.").length > 0);
});

test("a clause opened by a word in capitals, or a wrapped line, bounds a cue as in prose", () => {
  assert.ok(live("THE TALKS STALLED OVER THE PAST FEW WEEKS, AND GUNMEN KILLED A MAYOR IN THE NORTH.").length > 0);
  const line = "Police in the northern province said on Tuesday that the militant";
  const wrapped = [line, "group had threatened to attack the regional governor's office", "during the coming week, according to a statement from the police.", "", line, "group was also blamed for an earlier raid on a supply depot in", "the hills, where guards repelled the attackers after a long fight."].join("\n");
  const attack = triggersOf(wrapped).find((t) => t.text.toLowerCase() === "attack");
  assert.ok(attack?.cancelledBy, JSON.stringify(triggersOf(wrapped).map((t) => [t.text, t.cancelledBy])));
});

test("triggers are found in text written in capitals", () => {
  const [t] = live("TERRORISTS DYNAMITED A POWER TOWER IN THE NORTH OF THE COUNTRY.");
  assert.equal(t?.attackType, "BOMBING_EXPLOSION");
});

test("gatherings are protests, a crowd's violence a riot, crowd-control force an intervention", () => {
  assert.equal(live("Nurses staged a sit-in outside the health ministry on Monday.")[0]?.subEventType, "PEACEFUL_PROTEST");
  assert.equal(live("Hundreds of farmers took to the streets of the district town.")[0]?.eventType, "PROTESTS");
  const [riot] = live("Rioters set upon shops in the old quarter.");
  assert.equal(riot?.eventType, "RIOTS");
  assert.equal(live("Villagers pelted the convoy with stones.")[0]?.subEventType, "VIOLENT_DEMONSTRATION");
  assert.equal(live("A mob beat a suspected thief in the square.")[0]?.subEventType, "MOB_VIOLENCE");
  assert.equal(live("Police fired tear gas at the crowd near the bus stand.")[0]?.subEventType, "PROTEST_WITH_INTERVENTION");
});

test("a bare 'protest' needs support, and 'to protest' gives a reason, not an event", () => {
  const [bare] = live("The opposition protested the ruling.");
  assert.equal(bare?.weak, true);
  assert.ok(!live("The lawyers resigned to protest the verdict.").some((t) => t.eventType === "PROTESTS"));
  assert.ok(!live("It has been demonstrated that the plan works.").some((t) => t.eventType === "PROTESTS"));
});

test("a charge set off, told in the passive or by what was thrown, is a bombing", () => {
  for (const text of [
    "Two crude bombs were blasted outside the court on Monday.",
    "A device went off near the fish market.",
    "Unknown men set off three bombs at the depot.",
    "Pickets hurled at least ten cocktails on the highway.",
    "The explosion of a device wrecked the kiosk.",
  ]) {
    const [t] = live(text);
    assert.equal(t?.attackType, "BOMBING_EXPLOSION", text);
    assert.equal(t?.weak, false, text);
  }
});

test("bullet wounds, hacking, executions and encounters are specific armed assaults", () => {
  const [wounds] = live("Two bodies were found with bullet wounds beside the canal.");
  assert.equal(wounds?.weapon, "FIREARMS");
  assert.equal(wounds?.weak, false);
  assert.equal(live("Border guards resorted to firing across the river.")[0]?.attackType, "ARMED_ASSAULT");
  assert.equal(live("A farmer was hacked to death with machetes.")[0]?.weapon, "MELEE");
  assert.equal(live("The three hostages were executed by the gang.")[0]?.attackType, "ARMED_ASSAULT");
  const [encounter] = live("Two rebels died in an encounter with the army near the ridge.");
  assert.equal(encounter?.eventType, "BATTLES");
});

test("fire set to a named thing, or acid thrown, is arson", () => {
  for (const text of ["Gunmen set the bus ablaze.", "Raiders set their house afire.", "Three shops were torched overnight.", "A man hurled acid at the student."]) {
    assert.equal(live(text)[0]?.weapon, "INCENDIARY", text);
  }
});

test("an arrest or a surrender is news only in a report that leads with it and tells no violence", () => {
  const [arrest] = live("Police arrested 40 opposition activists in overnight raids across the province on Friday.");
  assert.deepEqual([arrest?.eventType, arrest?.subEventType], ["STRATEGIC_DEVELOPMENTS", "ARRESTS"]);
  assert.equal(live("Thirty rebels surrendered to the army in the hills on Monday.")[0]?.subEventType, "CHANGE_TO_GROUP_ACTIVITY");
  // Beside an attack, the arrest is its sequel; further down a report, a detail of its story.
  assert.deepEqual(live("Gunmen shot a shopkeeper in the market. Two suspects were detained later.").map((t) => t.name), ["shooting"]);
  assert.equal(live("The minister visited the province on Monday. Police arrested two smugglers at the border.").length, 0);
});

test("a clash the report says broke out is one, plural or not, without other support", () => {
  const [t] = live("Clashes erupted between students and the police near the campus.");
  assert.deepEqual([t?.name, t?.weak], ["clash broke out", false]);
});

test("blows told in the passive or with the person beaten are an unarmed assault; a bare defeat is not", () => {
  for (const text of [
    "Two shopkeepers were assaulted by a gang in the market.",
    "The reporter was brutally beaten outside his office.",
    "Party workers thrashed a journalist near the press club.",
  ]) assert.equal(live(text)[0]?.attackType, "UNARMED_ASSAULT", text);
  assert.equal(live("The ruling party was beaten in the provincial poll.").length, 0);
});

test("stab wounds are a stabbing", () => {
  const [t] = live("A trader sustained stab injuries in the bazaar.");
  assert.deepEqual([t?.attackType, t?.weapon], ["ARMED_ASSAULT", "MELEE"]);
});
