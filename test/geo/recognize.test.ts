import { test } from "node:test";
import assert from "node:assert/strict";
import { placesIn, spanOf } from "./helpers.js";

const libyaTripoli = { lat: 32.8872, lon: 13.1913 };

function near(actual: { lat: number | null; lon: number | null }, expected: { lat: number; lon: number }, degrees = 0.05) {
  assert.ok(actual.lat !== null && Math.abs(actual.lat - expected.lat) < degrees, `lat ${actual.lat} vs ${expected.lat}`);
  assert.ok(actual.lon !== null && Math.abs(actual.lon - expected.lon) < degrees, `lon ${actual.lon} vs ${expected.lon}`);
}

test("Tripoli in an article about Libya is Tripoli, Libya", () => {
  const spans = placesIn("Gunmen stormed a hotel in Tripoli on Tuesday. Libyan officials said five guards died.");
  const tripoli = spanOf(spans, "Tripoli")!;
  assert.equal(tripoli.place.country, "LY");
  near(tripoli.place, libyaTripoli);
  assert.equal(tripoli.role, "location");
  assert.equal(tripoli.place.precision, "city");
});

test("Tripoli in an article about Lebanon is Tripoli, Lebanon", () => {
  const spans = placesIn("Lebanese troops deployed in Tripoli after clashes. The army said Lebanon would not tolerate more fighting.");
  assert.equal(spanOf(spans, "Tripoli")!.place.country, "LB");
  assert.equal(spanOf(spans, "Tripoli")!.place.provenance, "inferred");
});

test("the region hint decides for a name the text leaves open", () => {
  const text = "Shelling hit Tripoli overnight.";
  assert.equal(spanOf(placesIn(text), "Tripoli")!.place.country, "LY");
  assert.equal(spanOf(placesIn(text, { region: "LB" }), "Tripoli")!.place.country, "LB");
});

test("Derna and Darnah are one Libyan town, not the Romanian one", () => {
  const spans = placesIn("Warplanes struck Derna at dawn. Residents of Darnah fled east toward Benghazi.");
  const derna = spanOf(spans, "Derna")!;
  const darnah = spanOf(spans, "Darnah")!;
  assert.equal(derna.place.country, "LY");
  assert.equal(derna.place.geonameId, darnah.place.geonameId);
});

test("al-, el- and Al prefixes, and none, name the same place; the article is in the span", () => {
  const spans = placesIn("Bombs hit al-Qubbah in Libya. El-Qubbah mourned. Al Qubbah is quiet. Qubbah reopened.");
  const ids = ["al-Qubbah", "El-Qubbah", "Al Qubbah", "Qubbah"].map((w) => spanOf(spans, w)?.place.geonameId);
  assert.deepEqual(ids, [88835, 88835, 88835, 88835]);
});

test("a bare country name gives a country-precision place", () => {
  const spans = placesIn("Militants are regrouping in Libya, officials said.");
  const libya = spanOf(spans, "Libya")!;
  assert.equal(libya.place.precision, "country");
  assert.equal(libya.place.country, "LY");
  assert.equal(libya.place.provenance, "stated");
  assert.equal(libya.role, "location");
});

test("a country name never resolves to a town", () => {
  const spans = placesIn("Refugees crossed into Jordan and Georgia last year.");
  assert.equal(spanOf(spans, "Jordan")!.place.precision, "country");
  assert.equal(spanOf(spans, "Georgia")!.place.country, "GE");
});

test("a demonym names a nationality", () => {
  const spans = placesIn("Two Egyptian workers and a South Korean engineer were kidnapped. Five Libyans were freed.");
  assert.deepEqual(
    spans.map((s) => [s.text, s.role, s.place.country]),
    [["Egyptian", "nationality", "EG"], ["South Korean", "nationality", "KR"], ["Libyans", "nationality", "LY"]],
  );
});

test("a name that does not resolve leaves the others intact", () => {
  const spans = placesIn("Gunmen attacked Zqarbatown, a hamlet near Benghazi.");
  assert.deepEqual(spans.map((s) => s.text), ["Benghazi"]);
  assert.equal(spans[0].place.country, "LY");
});

test("text in capitals: departments, towns and the country", () => {
  const spans = placesIn("GUERRILLAS ATTACKED A POWER PLANT IN USULUTAN DEPARTMENT AND A BRIDGE NEAR SAN MIGUEL, EL SALVADOR.");
  const usulutan = spanOf(spans, "USULUTAN DEPARTMENT")!;
  assert.equal(usulutan.place.precision, "admin1");
  assert.equal(usulutan.place.country, "SV");
  const sanMiguel = spanOf(spans, "SAN MIGUEL")!;
  assert.equal(sanMiguel.place.country, "SV");
  assert.equal(sanMiguel.place.precision, "city");
  assert.equal(spanOf(spans, "EL SALVADOR")!.place.precision, "country");
  assert.equal(spanOf(spans, "POWER"), undefined);
});

test("a plural cue makes both listed names departments", () => {
  const spans = placesIn("TROOPS CLASHED WITH REBELS IN USULUTAN AND MORAZAN DEPARTMENTS, EL SALVADOR.");
  assert.equal(spanOf(spans, "USULUTAN")!.place.precision, "admin1");
  assert.equal(spanOf(spans, "MORAZAN DEPARTMENTS")!.place.precision, "admin1");
});

test("in capitals a surname after a given name or a title is not a town", () => {
  const spans = placesIn("PRESIDENT ALFREDO CRISTIANI MET LUIS CARLOS GALAN IN BOGOTA, COLOMBIA.");
  assert.deepEqual(spans.map((s) => s.text), ["BOGOTA", "COLOMBIA"]);
});

test("common words are not places", () => {
  assert.deepEqual(placesIn("The mobile clinic was a nice place for reading the news of the day."), []);
  // At the start of a sentence a capital letter says nothing.
  assert.deepEqual(placesIn("Reading the report, police said mobile units arrived. Nice work, he said."), []);
});

test("the longest name wins", () => {
  const spans = placesIn("Protesters marched in Santa Cruz de la Sierra, Bolivia.");
  const city = spanOf(spans, "Santa Cruz de la Sierra")!;
  assert.equal(city.place.geonameId, 3904906);
});

test("a place's name inside a person's or a group's name is not taken", () => {
  const spans = placesIn("U.N. envoy Bernardino Leon met Libya Dawn commanders in Geneva.");
  assert.deepEqual(spans.map((s) => s.text), ["Geneva"]);
});

test("a hashtag neutralised by the document stage is still a name", () => {
  const text = "Fighters regrouped near #Ras_lanuf and #sirte in #Libya.";
  const clean = "Fighters regrouped near  Ras lanuf and  sirte in  Libya.";
  const spans = placesIn(text, { clean });
  const ras = spanOf(spans, "Ras_lanuf")!;
  assert.equal(ras.place.name, "Ras Lanuf");
  assert.equal(text.slice(ras.start, ras.end), "Ras_lanuf");
  assert.equal(spanOf(spans, "sirte")!.place.country, "LY");
});

test("supplement entries: towns under 500 people, other spellings and regions", () => {
  const spans = placesIn(
    "A car bomb exploded at the Nofaliya gate in Libya. Another hit al-Qoba. Troops moved into the Al Jufrah district. The Cyrenaica region and the Sinai are restive.",
  );
  near(spanOf(spans, "Nofaliya")!.place, { lat: 30.7833, lon: 17.8333 }, 0.01);
  assert.equal(spanOf(spans, "al-Qoba")!.place.geonameId, 88835);
  assert.equal(spanOf(spans, "Al Jufrah district")!.place.precision, "admin1");
  assert.equal(spanOf(spans, "Cyrenaica region")!.place.precision, "admin1");
  assert.equal(spanOf(spans, "Sinai")!.place.country, "EG");
});

test("each span carries its sentence's index and offsets into the text", () => {
  const text = "Clashes in Sirte. Later, strikes on Benghazi.";
  const spans = placesIn(text);
  assert.deepEqual(spans.map((s) => [s.text, s.sentence]), [["Sirte", 0], ["Benghazi", 1]]);
  for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text);
});

test("a town's own name beats a larger town's name in another language", () => {
  // GeoNames lists "Tura" among the names of Tours, France; Tura is a town of Meghalaya.
  assert.equal(spanOf(placesIn("A grenade went off outside a shop in Tura on Wednesday."), "Tura")!.place.country, "IN");
});

test("a unit word only one country uses places the name before it there, or nowhere", () => {
  const spans = placesIn("Two farmers were hurt in a clash in Tungipara upazila on Friday.");
  const tungipara = spanOf(spans, "Tungipara upazila")!;
  assert.equal(tungipara.place.country, "BD");
  // Madan is in Armenia, Bulgaria and Bali, but no Madan of Bangladesh is in the gazetteer: the
  // name is kept, without a point.
  const madan = placesIn("Police fired on marchers in Madan upazila.");
  assert.deepEqual(madan.map((s) => [s.place.name, s.place.country, s.place.lat]), [["Madan", "BD", null]]);
});

test("a unit word sets the report in its country: a small town abroad of the same name is not taken", () => {
  // Islampur, India has 55,000 people; the report is in Bangladesh by its upazila.
  const spans = placesIn("A trader was stabbed at Islampur in Sreepur upazila. Islampur market was shut after the attack.");
  assert.deepEqual(spans.filter((s) => s.place.country === "IN"), []);
});

test("a country named sets the report there, its people named do not", () => {
  assert.deepEqual(placesIn("Bangladesh police said a trader was stabbed at Islampur bazaar.").filter((s) => s.place.country === "IN"), []);
  // Tansen is a town of Nepal; a French visitor does not move the report to France.
  assert.equal(spanOf(placesIn("A French trekker was robbed in Tansen on Monday."), "Tansen")!.place.country, "NP");
});

test("a name the gazetteer lacks before a unit word is kept by name, in the unit's country", () => {
  const spans = placesIn("A shopkeeper was hacked to death at a bazaar in Bhadrakhali upazila on Friday.");
  const unit = spanOf(spans, "Bhadrakhali upazila")!;
  assert.equal(unit.place.name, "Bhadrakhali");
  assert.equal(unit.place.country, "BD");
  assert.equal(unit.place.precision, "district");
  assert.equal(unit.place.lat, null);
});

test("a name the gazetteer lacks takes the point of the place said to hold it", () => {
  const spans = placesIn("Gunmen shot a trader in Bhadrakhali upazila under Pabna district on Friday.");
  const unit = spanOf(spans, "Bhadrakhali upazila")!;
  const pabna = spanOf(spans, "Pabna district")!;
  assert.equal(unit.place.name, `Bhadrakhali (${pabna.place.name})`);
  assert.equal(unit.place.lat, pabna.place.lat);
  assert.equal(unit.place.precision, pabna.place.precision);
});

test("capitalised words before a unit word are a place only after a cue word", () => {
  assert.deepEqual(placesIn("Leaders of the Awami League district unit met on Friday.").map((s) => s.text), []);
});

test("a name kept by its unit word takes the country of the report's places, not of the people it names", () => {
  const spans = placesIn("A French engineer was robbed in Nongkhamsai district, north of Vientiane.");
  assert.equal(spanOf(spans, "Nongkhamsai district")!.place.country, "LA");
  // A country's name before a district's is not part of it.
  assert.deepEqual(placesIn("A priest was shot in Bangladesh Bhadrakhali district.").filter((s) => s.place.country !== "BD"), []);
});

test("'at' before a word in t is the cue word, not the sun-letter article", () => {
  const spans = placesIn("Police broke up a rally at Tomarpur district on Monday, officials said.");
  assert.deepEqual(spans.map((s) => [s.text, s.place.name]), [["Tomarpur district", "Tomarpur"]]);
});

test("a country's name before one of its places says where the place is", () => {
  const spans = placesIn("Gunmen shot a doctor in Pakistan Quetta district late on Monday, police said.");
  assert.equal(spanOf(spans, "Quetta district")!.place.country, "PK");
  // Before a word that names none of its places, the country's name is part of a group's.
  assert.deepEqual(placesIn("Gunmen loyal to the militia known as Libya Dawn seized the airport on Monday.").map((s) => s.text), []);
});

test("a name the gazetteer lacks before a locality word, after a cue, is kept by name", () => {
  const village = placesIn("Two farmers were hacked to death in Kumarpara village on Friday night.");
  assert.deepEqual(village.map((s) => [s.text, s.place.name, s.place.lat, s.place.precision]), [["Kumarpara village", "Kumarpara", null, "district"]]);
  const station = placesIn("A policeman was hurt in a blast near Dholpara Police Station on Sunday morning.");
  assert.equal(spanOf(station, "Dholpara Police Station")!.place.name, "Dholpara");
  // "the": after a locative cue only ("from the Gulshan area").
  assert.equal(spanOf(placesIn("Police arrested four men from the Kumarpara area on Sunday morning."), "Kumarpara area")!.place.name, "Kumarpara");
  // No cue word: the capitalised words name something else.
  assert.deepEqual(placesIn("The Kumarpara Model Town committee will meet again next week to discuss it.").map((s) => s.text), []);
});

test("a locality is held by the settlement that owns it, or by the place after a comma", () => {
  const owned = placesIn("Gunmen opened fire on shoppers in Tripoli's Souq al-Juma area on Friday evening.");
  const souq = spanOf(owned, "Souq al-Juma area")!;
  assert.equal(souq.place.name, "Souq al-Juma (Tripoli)");
  near(souq.place, libyaTripoli);
  const city = placesIn("Two cars were torched in the city's Kumarpara area on Friday evening.");
  assert.deepEqual(city.map((s) => [s.text, s.place.name]), [["Kumarpara area", "Kumarpara"]]);
  const comma = placesIn("A bomb wounded two guards in Kumarpara village, Pabna district on Friday.");
  const pabna = spanOf(comma, "Pabna district")!;
  assert.equal(spanOf(comma, "Kumarpara village")!.place.lat, pabna.place.lat);
});

test("a locality held by a unit the gazetteer lacks takes the unit's country", () => {
  const spans = placesIn("Clashes broke out at Kumarpara village in Bhadrakhali upazila on Thursday, police said.");
  assert.deepEqual(spans.map((s) => [s.place.name, s.place.country]), [["Kumarpara", "BD"], ["Bhadrakhali", "BD"]]);
});

test("a neighbourhood the gazetteer places far from the city said to hold it is that city's part", () => {
  // Miraflores is a town of several countries; here it is a part of Medellin.
  for (const text of [
    "Gunmen robbed a bank in the Miraflores neighborhood of the city of Medellin, Colombia, on Friday night.",
    "Gunmen robbed a bank in the Miraflores neighborhood in northern Medellin, Colombia, on Friday night.",
  ]) {
    const spans = placesIn(text);
    const medellin = spanOf(spans, "Medellin")!;
    const part = spanOf(spans, "Miraflores neighborhood")!;
    assert.equal(part.place.name, `Miraflores (${medellin.place.name})`);
    assert.equal(part.place.lat, medellin.place.lat);
    assert.equal(spanOf(spans, "Miraflores"), undefined);
  }
  // In capitals a locality word says nothing of the words before it.
  assert.deepEqual(placesIn("TERRORISTS BOMBED A BANK IN THE ESCALANTE NEIGHBORHOOD LAST NIGHT, POLICE REPORTED.").map((s) => s.text), []);
});

test("a place a long distance is measured from is a reference point, not a location", () => {
  const far = placesIn("THE REBELS ATTACKED THE TOWN OF GIRARDOT, 330 KM SOUTHWEST OF BOGOTA, ON MONDAY.");
  assert.equal(spanOf(far, "BOGOTA")!.role, "reference");
  assert.equal(spanOf(far, "GIRARDOT")!.role, "location");
  assert.equal(spanOf(placesIn("A farmer was shot in a field 450 kilometres away from the State capital Raipur, police said."), "Raipur")!.role, "reference");
  // A short way from a place, the place stands for where it happened.
  assert.equal(spanOf(placesIn("Gunmen killed two farmers 10 km from Quetta on Monday night, police said."), "Quetta")!.role, "location");
});

test("a place's name after a given name or a title and one more name is a second surname", () => {
  assert.deepEqual(placesIn("FORMER MAYOR PABLO PELAEZ GONZALEZ WAS KILLED TODAY BY GUNMEN IN MEDELLIN.").map((s) => s.text), ["MEDELLIN"]);
  assert.deepEqual(placesIn("GUNMEN SHOT COLONEL OCHOA SARMIENTO IN MEDELLIN TODAY.").map((s) => s.text), ["MEDELLIN"]);
});

test("a city's press club and its metropolitan police are named by the city", () => {
  assert.equal(spanOf(placesIn("Journalists staged a sit-in outside the Quetta Press Club on Monday."), "Quetta")!.place.country, "PK");
  assert.equal(spanOf(placesIn("The Karachi Metropolitan Police arrested twelve men in a raid on Monday."), "Karachi")!.place.country, "PK");
});

test("a town's courts, halls, offices, jails and schools are named by the town", () => {
  for (const text of [
    "Lawyers rallied outside the Multan Municipal Court on Monday.",
    "Farmers gathered at the Multan Provincial Hall on Monday.",
    "Two inmates were stabbed in the Multan Central Jail on Monday.",
  ]) assert.equal(spanOf(placesIn(text), "Multan")?.place.country, "PK", text);
});

test("a name the gazetteer lacks right after 'in' or 'at' in mixed-case prose is kept by name, without a point", () => {
  const [kept] = placesIn("In Zorabandi, assailants torched a bus on Sunday.");
  assert.deepEqual([kept?.text, kept?.place.lat, kept?.place.precision, kept?.role], ["Zorabandi", null, "district", "location"]);
  // In the country the text's places name.
  const spans = placesIn("A bomb went off at Kelmuripara Bazar on Sunday, police in Dhaka said.");
  assert.deepEqual([spanOf(spans, "Kelmuripara Bazar")?.place.name, spanOf(spans, "Kelmuripara Bazar")?.place.country], ["Kelmuripara Bazar", "BD"]);
  // Not after "from" (people are escaped from), not an institution's name, a month or an agency.
  for (const text of ["He could not escape from Zorabandi.", "Students rallied at Zorabandi University.", "The bus was torched in January.", "The bus was torched, a witness told Reuters in Dhaka."]) {
    assert.ok(!placesIn(text).some((s) => s.place.lat === null), text);
  }
  // Text in capitals gives no case to tell a name by.
  assert.equal(placesIn("A BOMB WENT OFF AT ZORABANDI TODAY.").length, 0);
});
