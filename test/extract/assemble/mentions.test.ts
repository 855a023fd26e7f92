import { test } from "node:test";
import assert from "node:assert/strict";
import { activeCodebook } from "../../../src/codebook/load.js";
import { extractDocument } from "../../../src/extract/pipeline.js";

const extract = (text: string, published = "2019-06-10") => extractDocument({ id: "a", text, published }).mentions;

test("the sentences of one attack make one mention, the toll from a later sentence included", () => {
  const ms = extract(
    "Gunmen opened fire on a police checkpoint in Kandahar on Sunday. " +
      "Four police officers were killed and two were wounded in the attack, a provincial spokesman said. " +
      "The Taliban claimed responsibility for the attack in a statement.",
  );
  assert.equal(ms.length, 1);
  const m = ms[0]!;
  assert.deepEqual(m.attackTypes, ["ARMED_ASSAULT"]);
  assert.equal(m.date?.start, "2019-06-09");
  assert.equal(m.location?.country, "AF");
  assert.equal(m.killed?.value, 4);
  assert.equal(m.wounded?.value, 2);
  assert.equal(m.claimed, true);
  assert.equal(m.claim?.channel, "statement");
  assert.ok(m.perpetrators.some((p) => p.name === "Taliban" && p.status === "claimed"));
  assert.ok(m.targets.some((t) => t.type === "POLICE"));
});

test("the toll told in the next sentence, with no word of attack, is the event's; a sentence of its own happening is not", () => {
  const [m] = extract("Gunmen stormed a bus station in Kandahar on Sunday. Three passengers died and five were wounded, police said.");
  assert.deepEqual([m?.killed?.value, m?.wounded?.value], [3, 5]);
  const [first] = extract("Gunmen stormed a bus station in Kandahar on Sunday. A week earlier, a bomb killed nine people in Herat.");
  assert.equal(first?.killed, undefined);
});

test("a generic attack word starts an event with its attackers and whom they attacked", () => {
  assert.equal(extract("This morning a group of subversives carried out an attack against a former minister.").length, 1);
  assert.equal(extract("A band of rebels carried out an armed attack against the former governor.").length, 1);
  // Without the attackers, or with attackers named only by the attack's own words, it is talk of attacks.
  assert.equal(extract("An attack against a former minister would be a disaster.").length, 0);
  assert.equal(extract("Terrorist attacks against ministers worry the cabinet.").length, 0);
});

test("people taken and killed, told by two verbs joined by 'and', are one event", () => {
  const ms = extract("Four farm workers were abducted and later shot dead near Quetta on Sunday by suspected separatists.");
  assert.equal(ms.length, 1);
  assert.deepEqual(ms[0]?.attackTypes.slice(0, 1), ["HOSTAGE_TAKING_KIDNAPPING"]);
});

test("a later month without a year is in the year the undated report names: it narrows the event's date", () => {
  const [m] = extractDocument({ id: "y", text: "In 2006, guerrillas detonated a car bomb outside a military academy in Bogota, injuring 23. The attack came in September." }).mentions;
  assert.deepEqual([m?.date?.start, m?.date?.end], ["2006-09-01", "2006-09-30"]);
});

test("a figure told as an addition adds to the event's figure", () => {
  const [m] = extract("The governor was shot dead outside his office in Mosul on Monday. Two of his guards were also killed in the attack.");
  assert.equal(m?.killed?.value, 3);
  const [n] = extract("Gunmen shot dead four villagers in Mosul on Monday. Two of them were guards.");
  assert.equal(n?.killed?.value, 4);
});

test("a person named as killed again further on is the same happening, whatever lies between", () => {
  const ms = extract(
    "Gunmen shot dead Tomas Ardillo in Lima on Sunday. " +
      "In Cusco, a car bomb exploded outside a bank on Saturday, wounding three people. " +
      "The murder of Tomas Ardillo, a union leader, shocked the country.",
  );
  assert.equal(ms.length, 2);
  const cusco = ms.find((m) => m.location?.name === "Cusco");
  assert.ok(cusco && !cusco.evidence.some((e) => e.text.includes("murder")), JSON.stringify(cusco?.evidence));
});

test("two embassies attacked a day apart are two events", () => {
  const ms = extract(
    "Militants fired on the Italian embassy in Tripoli on Sunday, killing a guard. " +
      "In a separate attack early Monday, a bomb exploded outside the Spanish embassy in Tripoli.",
    "2019-06-10",
  );
  assert.equal(ms.length, 2);
  assert.equal(ms[0]!.date?.start, "2019-06-09");
  assert.equal(ms[1]!.date?.start, "2019-06-10");
  assert.deepEqual(ms[1]!.attackTypes, ["BOMBING_EXPLOSION"]);
});

test("a background event keeps its own date", () => {
  const ms = extract(
    "A car bomb exploded outside a bank in Mogadishu on Saturday, killing five people. " +
      "The blast came three months after a March assault on a hotel in the city that killed nine people.",
  );
  assert.equal(ms.length, 2);
  assert.equal(ms[1]!.date?.start, "2019-03-01");
  assert.equal(ms[1]!.date?.precision, "month");
  assert.equal(ms[1]!.killed?.value, 9);
  assert.equal(ms[1]!.background, true);
});

test("threats and commentary alone make no mention", () => {
  assert.deepEqual(extract("The group threatened to attack foreign embassies if the talks failed. Analysts said violence could rise."), []);
});

test("every evidence span slices the input text exactly", () => {
  const text = "Suspected Boko Haram fighters attacked a village near Maiduguri on Friday, killing 12 villagers.";
  const ms = extractDocument({ id: "e", text, published: "2020-01-20" }).mentions;
  assert.ok(ms.length > 0);
  for (const m of ms) for (const e of m.evidence) assert.equal(text.slice(e.start, e.end), e.text);
  assert.equal(ms[0]!.perpetrators[0]?.status, "suspected");
});

test("a definite noun refers back to the event just told", () => {
  const ms = extract(
    "Gunmen ambushed a police convoy near Garissa on Monday, killing three officers. " +
      "Witnesses said the attackers fled on foot towards the border. " +
      "Al-Shabaab claimed the ambush in a statement on its radio station.",
  );
  assert.equal(ms.length, 1);
  assert.equal(ms[0]!.claimed, true);
  assert.ok(ms[0]!.perpetrators.some((p) => p.name === "al-Shabaab"));
});

test("what a report says goes on, or happens often, is not an event", () => {
  const ms = extract(
    "A bomb exploded at a market in Quetta on Friday, killing four people. " +
      "Militants in the province regularly attack convoys on the highway.",
  );
  assert.equal(ms.length, 1);
});

test("an event after 'in retaliation for' stands apart, and the story goes on about the main one", () => {
  const ms = extract(
    "Militants detonated a car bomb at an army base in Bosaso on Tuesday, killing six soldiers. " +
      "The group said the bombing was in retaliation for air strikes on its camps in the hills last week. " +
      "Medics said 14 people were wounded in the blast.",
    "2019-06-12",
  );
  const [main, strikes] = ms;
  assert.equal(ms.length, 2);
  assert.equal(main!.wounded?.value, 14);
  assert.equal(strikes!.subEventType, "AIR_DRONE_STRIKE");
});

test("one telling of attacks on two nations' embassies is one mention that keeps both nations", () => {
  const ms = extract("Militants attacked the embassies of Algeria and Spain in Tripoli on Sunday.");
  assert.equal(ms.length, 1);
  assert.deepEqual(ms[0]!.targets.map((t) => t.nationality).sort(), ["DZ", "ES"]);
});

test("the date line gives the report's date, never the event's", () => {
  const text = "LIMA, 14 MAR 90 -- [TEXT] A CAR BOMB EXPLODED LAST NIGHT OUTSIDE A BANK IN DOWNTOWN LIMA, POLICE SAID.";
  const [m] = extractDocument({ id: "w", text }).mentions;
  assert.equal(m?.date?.start, "1990-03-13");
});

test("a gathering is a peaceful protest; violence by the crowd in the same sentence makes it a riot", () => {
  const [calm] = extract("Some 200 teachers held a rally in Kathmandu on Sunday demanding higher pay.");
  assert.equal(calm?.eventType, "PROTESTS");
  assert.equal(calm?.subEventType, "PEACEFUL_PROTEST");
  const [riot] = extract("Protesters held a rally in Kathmandu on Sunday and torched two buses.");
  assert.equal(riot?.eventType, "RIOTS");
  assert.equal(riot?.subEventType, "VIOLENT_DEMONSTRATION");
});

test("of a crowd's words in one event the gravest by the codebook's crowdOrder gives the type", () => {
  // Written for this test: a gathering and stones thrown by its crowd.
  const src = { id: "a", text: "Protesters held a rally in Kathmandu on Sunday and pelted the police with stones.", published: "2019-06-10" };
  assert.equal(extractDocument(src).mentions[0]?.subEventType, "VIOLENT_DEMONSTRATION");
  const shipped = activeCodebook();
  const calmFirst = { ...shipped, assemble: { ...shipped.assemble, crowdOrder: [...shipped.assemble.crowdOrder].reverse() } };
  assert.equal(extractDocument(src, { codebook: calmFirst }).mentions[0]?.subEventType, "PEACEFUL_PROTEST");
});

test("state forces firing on a gathering are excessive force against protesters; a bomb there is remote violence", () => {
  const [force] = extract("Police opened fire on students who staged a demonstration in Dhaka on Sunday, killing two.");
  assert.equal(force?.eventType, "PROTESTS");
  assert.equal(force?.subEventType, "EXCESSIVE_FORCE_AGAINST_PROTESTERS");
  const [bomb] = extract("A bomb exploded among workers who staged a demonstration in Dhaka on Sunday, killing two.");
  assert.equal(bomb?.eventType, "EXPLOSIONS_REMOTE_VIOLENCE");
});

test("a written day beats a bare weekday of the same stretch", () => {
  const [m] = extract("Rebels ambushed a convoy on Thursday [6 June] near Gao, killing four soldiers.");
  assert.equal(m?.date?.start, "2019-06-06");
  assert.equal(m?.date?.text, "6 June");
});

test("every event without a date of its own gets the report's day, not only the first", () => {
  const ms = extract(
    "Gunmen shot dead two guards at a bank in Kandahar, police said. " +
      "In a separate attack, a bomb exploded outside a school in Herat, wounding three children.",
  );
  assert.equal(ms.length, 2);
  for (const m of ms) assert.deepEqual([m.date?.start, m.date?.provenance], ["2019-06-10", "defaulted"]);
});

test("a generic trigger takes its attack type from the weapon named, else from what its words mostly report", () => {
  const [gun] = extract("A shopkeeper was killed with a rifle in Peshawar on Sunday.");
  assert.deepEqual(gun?.attackTypes, ["ARMED_ASSAULT"]);
  const [bomb] = extract("A shopkeeper was killed by explosives in Peshawar on Sunday.");
  assert.deepEqual(bomb?.attackTypes, ["BOMBING_EXPLOSION"]);
  const [unsaid] = extract("A shopkeeper was murdered in Peshawar on Sunday.");
  assert.deepEqual(unsaid?.attackTypes, ["ARMED_ASSAULT"]);
  const [told] = extract("A shopkeeper was kidnapped and killed in Peshawar on Sunday.");
  assert.deepEqual(told?.attackTypes, ["HOSTAGE_TAKING_KIDNAPPING"]);
});

test("fire traded by two armed sides, a clash, or soldiers and militants killed are a battle", () => {
  const [gunfight] = extract("A suspected robber was killed in a gunfight with police in Khulna on Sunday.");
  assert.deepEqual([gunfight?.eventType, gunfight?.subEventType], ["BATTLES", "ARMED_CLASH"]);
  const [clash] = extract("Two men were killed in a clash between two rival groups in Khulna on Sunday.");
  assert.equal(clash?.eventType, "BATTLES");
  const [militants] = extract("Five militants were killed in Khulna on Sunday.");
  assert.equal(militants?.eventType, "BATTLES");
  const [civilians] = extract("Five villagers were killed in Khulna on Sunday.");
  assert.equal(civilians?.eventType, "VIOLENCE_AGAINST_CIVILIANS");
});

test("the dateline's city is where the report was filed: the town the report names is where it happened", () => {
  const ms = extract("MANAGUA, 12 MAR 90 (EFE) -- [TEXT] GUERRILLAS BLEW UP A BRIDGE NEAR USULUTAN TODAY, KILLING TWO SOLDIERS.", "1990-03-12");
  assert.equal(ms.length, 1);
  assert.equal(ms[0]!.location?.country, "SV");
});

test("the dateline's city stands for a report that names only its country", () => {
  const ms = extract("SAN SALVADOR, 12 MAR 90 (EFE) -- [TEXT] A BOMB EXPLODED AT A POWER STATION IN EL SALVADOR TODAY.", "1990-03-12");
  assert.equal(ms.length, 1);
  assert.equal(ms[0]!.location?.name, "San Salvador");
});

test("a crowd that protests is an event, a statement of protest is not; a crowd that clashes riots", () => {
  const [rally] = extract("Hundreds of garment workers protested outside the labour ministry in Dhaka on Sunday.");
  assert.deepEqual([rally?.eventType, rally?.subEventType], ["PROTESTS", "PEACEFUL_PROTEST"]);
  assert.equal(extract("The foreign ministry protested the decision on Sunday.").length, 0);
  const [fight] = extract("Supporters of two candidates clashed in Dhaka on Sunday, injuring ten.");
  assert.deepEqual([fight?.eventType, fight?.subEventType], ["RIOTS", "VIOLENT_DEMONSTRATION"]);
});

test("a report of arrests alone is one strategic development", () => {
  const ms = extract("Police arrested 25 activists of an opposition party in Rangpur on Tuesday night.");
  assert.equal(ms.length, 1);
  assert.deepEqual([ms[0]!.eventType, ms[0]!.subEventType], ["STRATEGIC_DEVELOPMENTS", "ARRESTS"]);
});

test("armed forces that do the attack's verb are its attackers, not its target; those the verb undergoes are targets", () => {
  const [fired] = extract("Soldiers opened fire on a wedding party in the village of Tarkot on Sunday.");
  assert.ok(fired && !fired.targets.some((t) => t.type === "MILITARY"), JSON.stringify(fired?.targets));
  const [shot] = extract("Two soldiers were shot dead at a checkpoint in Tarkot on Sunday.");
  assert.equal(shot?.targets[0]?.type, "MILITARY");
});

test("a target attacked, the means told by the weapon or the other words, else an armed assault", () => {
  assert.deepEqual(extract("Unknown men attacked the embassy with explosives in Lima on Monday night.")[0]?.attackTypes, ["BOMBING_EXPLOSION"]);
  assert.deepEqual(extract("Rebels attacked the bank and set it on fire in Medellin on Sunday.")[0]?.attackTypes, ["FACILITY_INFRASTRUCTURE_ATTACK"]);
  assert.deepEqual(extract("Guerrillas attacked the town hall in Ayacucho on Sunday, killing two guards.")[0]?.attackTypes, ["ARMED_ASSAULT"]);
});

test("a fight or an attack told as a feud between two sides is an armed clash; a riot word keeps it a riot", () => {
  const cases: [string, string][] = [
    ["Two men were shot dead in a clash between two rival groups over a land dispute in Rangpur on Sunday.", "BATTLES/ARMED_CLASH"],
    ["A farmer was hacked to death by his rivals over a land dispute in Rangpur on Sunday.", "BATTLES/ARMED_CLASH"],
    ["Supporters of two rival groups rioted and pelted stones at the police in Rangpur on Sunday.", "RIOTS/VIOLENT_DEMONSTRATION"],
  ];
  for (const [text, type] of cases) {
    const [m] = extract(text);
    assert.equal(`${m?.eventType}/${m?.subEventType}`, type, text);
  }
});

test("fire a crowd sets is a riot; fire set by others destroys property", () => {
  const [riot] = extract("Hundreds of party supporters torched two buses in Dhaka on Sunday.");
  assert.deepEqual([riot?.eventType, riot?.subEventType, riot?.attackTypes[0]], ["RIOTS", "VIOLENT_DEMONSTRATION", "FACILITY_INFRASTRUCTURE_ATTACK"]);
  const [arson] = extract("Unknown men torched two buses in Dhaka on Sunday.");
  assert.equal(arson?.eventType, "STRATEGIC_DEVELOPMENTS");
});

test("people killed whom no target word sets apart are the event's private-citizen target", () => {
  const [m] = extract("Two brothers were hacked to death in Dumka on Sunday.");
  assert.deepEqual(m?.targets.map((t) => t.type), ["PRIVATE_CITIZENS_PROPERTY"]);
  const [police] = extract("Two policemen were shot dead in Dumka on Sunday.");
  assert.equal(police?.targets[0]?.type, "POLICE");
});

test("clashes that broke out between a crowd and the police are a riot", () => {
  const [m] = extract("Clashes erupted between demonstrators and police in Srinagar on Friday.");
  assert.deepEqual([m?.eventType, m?.subEventType], ["RIOTS", "VIOLENT_DEMONSTRATION"]);
});

test("a gunfight told beside a strike or a blockade is a battle, not a riot", () => {
  const [m] = extract("A party leader was killed in a gunfight between police and party activists in Bogra on Monday during the hartal.");
  assert.deepEqual([m?.eventType, m?.subEventType], ["BATTLES", "ARMED_CLASH"]);
});

test("a protest held in a town is a gathering though no crowd word names who held it; one made to someone is not", () => {
  const [after] = extract("The tailors' union protested in Multan on Sunday against the new tax.");
  assert.deepEqual([after?.eventType, after?.subEventType], ["PROTESTS", "PEACEFUL_PROTEST"]);
  const [before] = extract("In Multan, the tailors' union protested against the new tax on Sunday.");
  assert.equal(before?.eventType, "PROTESTS");
  assert.equal(extract("The foreign minister protested to the ambassador in Multan on Sunday.").length, 0);
});

test("armed men firing on civilians are violence against civilians, also when told as the agent; on militants a battle", () => {
  const [agent] = extract("A shepherd was shot dead in his hut by army troops near Tarkot on Sunday.");
  assert.deepEqual([agent?.eventType, agent?.subEventType], ["VIOLENCE_AGAINST_CIVILIANS", "ATTACK"]);
  assert.ok(agent && !agent.targets.some((t) => t.type === "MILITARY"), JSON.stringify(agent?.targets));
  const [subject] = extract("Soldiers shot dead two shepherds near Tarkot on Sunday.");
  assert.equal(subject?.eventType, "VIOLENCE_AGAINST_CIVILIANS");
  const [battle] = extract("Soldiers shot dead two militants near Tarkot on Sunday.");
  assert.equal(battle?.eventType, "BATTLES");
});

test("a generic word told with a day and a town of its own reports a happening; with neither, a year or a region, it does not", () => {
  const [clash] = extract("Cadres of two outlawed parties clashed in Khulna on Sunday.");
  assert.equal(clash?.subEventType, "ARMED_CLASH");
  assert.equal(extract("Cadres of two outlawed parties clashed over the election results.").length, 0);
  assert.equal(extract("Cadres of two outlawed parties clashed in Khulna last year.").length, 0);
  assert.equal(extract("Cadres of two outlawed parties clashed in Sindh province on Sunday.").length, 0);
});

test("the one armed group a report names is the suspect of an event whose own words name none", () => {
  const report = (groups: string) =>
    extract(
      `${groups} stepped up its campaign in the north this month, officials said. ` +
        "Residents described long queues at the markets and roads closed by the army. " +
        "On Sunday a bomb exploded at the bus station in Maiduguri, killing four people.",
    );
  const ms = report("Boko Haram");
  assert.equal(ms.length, 1);
  assert.deepEqual(ms[0]!.perpetrators.map((p) => [p.name, p.status]), [["Boko Haram", "suspected"]]);
  // Two groups named: the report does not say which.
  assert.ok(!report("Boko Haram, with al-Shabaab,")[0]!.perpetrators.some((p) => p.kind === "organization"));
  // A group named as the side attacked is no suspect.
  const attacked = extract(
    "The army launched an offensive against Boko Haram this month, officials said. " +
      "Residents described long queues at the markets. " +
      "On Sunday a bomb exploded at the bus station in Maiduguri, killing four people.",
  );
  assert.ok(!attacked.some((m) => m.perpetrators.some((p) => p.kind === "organization")));
});
