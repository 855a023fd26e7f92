import type { Codebook } from "../codebook/schema.js";
import type { Doc, Place, PlaceSpan, Sentence } from "../model.js";
import { candidatesFor, KEY_CONTINUES, KEY_NAMES, placeNames, probeKey, withinKm, type NameCandidates } from "./candidates.js";
import type { Phrases, PlacesCodebook } from "./codebook.js";
import { gazetteer } from "./gazetteer.js";
import { ARTICLE, isAsciiWordChar, tokenize, type Token } from "./keys.js";
import { isCued, resolveNames, type NameMatch } from "./resolve.js";

// Finds the names of places in a document: a scan over its words that looks each run of words up
// in the index as one hashed key, extending a run while a longer name starts with it and keeping
// the longest name found. Capitalisation gates the scan in mixed-case prose; in text where it
// tells nothing (wire copy in capitals, headlines in title case, hashtags) the cue words around
// a name and the article's context decide instead.

/** Where each word stands, one entry per word. */
interface Layout {
  sentence: Int32Array;
  /** 1 for the first word of its sentence or line: capitalised by position, not because it is a name. */
  initial: Uint8Array;
  /** 1 when the word's case carries no information: its line's (capitals, a headline) or a hashtag's. */
  caseless: Uint8Array;
}

function isCapitalised(raw: string): boolean {
  const c = raw.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : raw[0] !== raw[0].toLowerCase();
}

const hasLower = /\p{Ll}/u;
const hasUpper = /\p{Lu}/u;
const hasDigit = /\d/;

const LOWER = 1;
const UPPER = 2;
const DIGIT = 4;

/** Whether a word holds lower case, upper case and digits; an ASCII word is read by its codes. */
function shape(raw: string): number {
  let bits = 0;
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c >= 128) return (hasLower.test(raw) ? LOWER : 0) | (hasUpper.test(raw) ? UPPER : 0) | (hasDigit.test(raw) ? DIGIT : 0);
    // A word's ASCII characters are letters and digits only.
    bits |= c >= 97 ? LOWER : c >= 65 ? UPPER : DIGIT;
  }
  return bits;
}

const space = /\s/;

function isSpace(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : space.test(text[at]);
}

/** Characters between two words of one name: spaces, a hyphen, an apostrophe, a period, one line break. */
function joins(text: string, a: Token, b: Token): boolean {
  if (b.start - a.end > 4) return false;
  let afterBreak = false;
  for (let k = a.end; k < b.start; k++) {
    const c = text.charCodeAt(k);
    if (c === 45 || c === 39 || c === 0x2019 || c === 46) afterBreak = false;
    else if (!isSpace(text, k)) return false;
    else if (c === 10) {
      if (afterBreak) return false;
      afterBreak = true;
    }
  }
  return true;
}

/** Only spaces between two words (no punctuation, no line break): one run of a proper name. */
function adjacent(text: string, a: Token, b: Token): boolean {
  if (b.start === a.end) return false;
  for (let k = a.end; k < b.start; k++) if (text.charCodeAt(k) !== 32) return false;
  return true;
}

/**
 * Where each word stands: its sentence, whether it opens its sentence or line, and whether its
 * line carries case information. Lines in capitals, or in title case as headlines are, do not.
 */
function layout(text: string, tokens: Token[], sentences: Sentence[]): Layout {
  const n = tokens.length;
  const out: Layout = { sentence: new Int32Array(n), initial: new Uint8Array(n), caseless: new Uint8Array(n) };
  // The current line's words, from `lineStart`, and what its words say of its case.
  let lineStart = 0;
  let lower = false;
  let upper = 0;
  let words = 0;
  let capitalised = 0;
  const closeLine = (to: number) => {
    const caseless = lower ? words >= 3 && words <= 25 && capitalised >= 0.75 * words : upper >= 3;
    if (caseless) out.caseless.fill(1, lineStart, to);
    lineStart = to;
    lower = false;
    upper = words = capitalised = 0;
  };
  let nextBreak = text.indexOf("\n");
  if (nextBreak < 0) nextBreak = Infinity;
  let s = 0;
  let lastSentence = -1;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    let newLine = i === 0;
    if (t.start > nextBreak) {
      closeLine(i);
      newLine = true;
      nextBreak = text.indexOf("\n", t.start);
      if (nextBreak < 0) nextBreak = Infinity;
    }
    const bits = shape(t.raw);
    if (bits & LOWER) lower = true;
    else if (bits & UPPER) upper += t.raw.length;
    if (t.raw.length >= 4 && !(bits & DIGIT)) {
      words++;
      if (isCapitalised(t.raw)) capitalised++;
    }
    while (s + 1 < sentences.length && sentences[s + 1].start <= t.start) s++;
    const sentence = sentences.length ? sentences[s].index : 0;
    out.sentence[i] = sentence;
    out.initial[i] = sentence !== lastSentence || newLine ? 1 : 0;
    lastSentence = sentence;
  }
  closeLine(n);
  return out;
}

const tagChar = /[\p{L}\p{M}\p{N}_]/u;

/** One character of a hashtag's body, read one code unit at a time. */
function isTagChar(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c < 128 ? c === 95 || isAsciiWordChar(c) : tagChar.test(text[at]);
}

/**
 * Marks the words of hashtags ("#Ras_lanuf" neutralised to " Ras lanuf") as caseless: their case
 * tells nothing. A word is in one when the characters before it, back to a "#", are the hashtag's.
 */
function markHashtags(original: string, tokens: Token[], caseless: Uint8Array): void {
  let t = 0;
  for (let h = original.indexOf("#"); h >= 0 && t < tokens.length; h = original.indexOf("#", h + 1)) {
    let end = h + 1;
    while (end < original.length && isTagChar(original, end)) end++;
    while (t < tokens.length && tokens[t].start <= h) t++;
    for (; t < tokens.length && tokens[t].start <= end; t++) caseless[t] = 1;
  }
}

/** Words first..last are one ordinary English word ("Reading"), or one after "the" ("THE SUMMIT"). */
function isCommonName(tokens: Token[], first: number, last: number): boolean {
  const words: string[] = [];
  for (let k = first; k <= last; k++) if (tokens[k].key !== ARTICLE) words.push(tokens[k].key);
  if (words[0] === "the") words.shift();
  return words.length === 1 && gazetteer().isCommonWord(words[0]);
}

/** A phrase found in the text, by its first word: its last word and what the codebook says of it. */
type Found<T> = Map<number, { last: number; value: T }>;

/** The phrases of a table in the text ("Sreepur upazila", "police station"), the longest at each word. */
function findPhrases<T>(tokens: Token[], sentenceOf: Int32Array, table: Phrases<T>): Found<T> {
  const out: Found<T> = new Map();
  for (let i = 0; i < tokens.length; i++) {
    if (!table.starts.has(tokens[i].key)) continue;
    let key = tokens[i].key;
    for (let j = i; j < tokens.length && j - i < table.words && sentenceOf[j] === sentenceOf[i]; key += ` ${tokens[++j]?.key}`) {
      const value = table.byKey.get(key);
      if (value) out.set(i, { last: j, value });
    }
  }
  return out;
}

/** How often the text names each country by its units' words: as often as by its name. */
function unitSupport(units: Found<string[]>): Map<string, number> {
  const support = new Map<string, number>();
  for (const { value } of units.values()) for (const c of value) support.set(c, (support.get(c) ?? 0) + 2);
  return support;
}

export function findPlaces(doc: Doc, sentences: Sentence[], codebook: Codebook, opts: { region?: string } = {}): PlaceSpan[] {
  const text = doc.clean;
  const tokens = tokenize(text);
  if (!tokens.length) return [];
  const info = layout(text, tokens, sentences);
  const names = placeNames(codebook);
  const { book } = names;
  const g = gazetteer();
  // Cleaning turns hashtags back into words: a text it left unchanged has none to mark.
  if (doc.text !== text) markHashtags(doc.text, tokens, info.caseless);
  const caseless = (i: number) => info.caseless[i] === 1;
  const nameWord = (i: number) => caseless(i) || isCapitalised(tokens[i].raw);
  const connector = (i: number) => !caseless(i) && book.connectorSet.has(tokens[i].raw.toLowerCase());
  const sameSentence = (a: number, b: number) => info.sentence[a] === info.sentence[b];
  const sameRun = (i: number) => i + 1 < tokens.length && sameSentence(i + 1, i) && joins(text, tokens[i], tokens[i + 1]);
  // "at" before a word in t is a sun-letter article by its key ("at-Tall"); a space after it
  // makes it the cue word "at" ("at Tanta").
  const isArticle = (i: number) => tokens[i].key === ARTICLE && !(book.locative.has(tokens[i].folded) && isSpace(text, tokens[i].end));

  const units = findPhrases(tokens, info.sentence, book.units);

  const matches: NameMatch[] = [];
  for (let i = 0; i < tokens.length; ) {
    const article = isArticle(i) && sameRun(i) && nameWord(i + 1);
    if (!nameWord(i) && !article) {
      i++;
      continue;
    }
    let key = tokens[i].key;
    let best = -1;
    let bestKey = "";
    for (let j = i; ; ) {
      const probe = probeKey(key, names);
      if (probe & KEY_NAMES && nameWord(j) && !connector(j) && key !== ARTICLE) [best, bestKey] = [j, key];
      if (!(probe & KEY_CONTINUES) || !sameRun(j) || !(nameWord(j + 1) || connector(j + 1))) break;
      j++;
      key += ` ${tokens[j].key}`;
    }
    if (best < 0) {
      i++;
      continue;
    }
    const found = candidatesFor(bestKey, names);
    if (found) matches.push(describe(i, best, bestKey, found));
    i = best + 1;
  }

  function describe(first: number, last: number, key: string, names: NameCandidates): NameMatch {
    let start = tokens[first].start;
    let end = tokens[last].end;
    let from = first;
    // "al-Qoba", "El Callao": the article is part of the name as written.
    if (first > 0 && isArticle(first - 1) && sameSentence(first - 1, first) && joins(text, tokens[first - 1], tokens[first])) {
      from = first - 1;
      start = tokens[from].start;
    }
    let to = last;
    const next = last + 1 < tokens.length && sameRun(last) ? last + 1 : -1;
    const unit = next >= 0 ? units.get(next) : undefined;
    const regionCue = names.kind === "place" && next >= 0 && (book.region.has(tokens[next].key) || unit !== undefined);
    if (regionCue) {
      to = unit?.last ?? next;
      end = tokens[to].end;
    }
    // Cue words as written: the cue "at" keys as an article before a word in t.
    const before = (n: number) => (from - n >= 0 && sameSentence(from - n, from) ? tokens[from - n].folded : "");
    return {
      start, end, from, to, key, names,
      sentence: info.sentence[first],
      caseless: caseless(first),
      initial: info.initial[from] === 1,
      locative: book.locative.has(before(1)) || (caseless(first) && book.capitalsLocative.has(before(1))),
      settlement: book.settlement.has(before(1)) || (before(1) === "of" && book.settlement.has(before(2))),
      regionCue,
      pluralCue: regionCue && tokens[to].key.endsWith("s"),
      unitCountries: names.kind === "place" ? unit?.value ?? null : null,
      common: isCommonName(tokens, first, last),
      acronym: !caseless(first) && first === last && /^\p{Lu}{2,4}$/u.test(tokens[first].raw),
      partOfName: false,
      // "Eastern", "North": a compass word qualifies a place rather than naming one.
      stopped: book.notPlaceKeys.has(key) || book.qualifierSet.has(key) || (names.kind === "place" && key.replace(/ /g, "").length < 3),
    };
  }

  // "USULUTAN AND MORAZAN DEPARTMENTS": a plural cue covers the names listed before it.
  for (let m = matches.length - 2; m >= 0; m--) {
    const a = matches[m];
    const b = matches[m + 1];
    if (a.regionCue || !b.regionCue || !b.pluralCue) continue;
    const between = tokens.slice(a.to + 1, b.from);
    if (between.length <= 1 && between.every((t) => t.key === "and" || t.key === "or") && b.start - a.end < 12) {
      a.regionCue = true;
      a.pluralCue = true;
    }
  }

  // After a title or a given name, a place's name is a surname ("PRESIDENT CRISTIANI", "Jaime Paz");
  // a given name that is also a place, followed by a surname, is a person ("DANIEL ORTEGA").
  for (const m of matches) {
    if (m.names.kind !== "place") continue;
    const p = m.from - 1;
    const n = m.to + 1;
    const personal = (k: number) => book.titles.has(tokens[k].key) || book.given.has(tokens[k].key);
    const linked = (k: number) => k >= 0 && info.sentence[k] === m.sentence && joins(text, tokens[k], tokens[k + 1]);
    if (linked(p) && personal(p)) m.partOfName = true;
    // A second surname ("PABLO PELAEZ GONZALEZ", "COLONEL OCHOA PEREZ").
    if (linked(p) && linked(p - 1) && personal(p - 1) && nameWord(p) && !g.isCommonWord(tokens[p].folded) && !connector(p)) m.partOfName = true;
    const surname = n < tokens.length && info.sentence[n] === m.sentence && joins(text, tokens[m.to], tokens[n]) && nameWord(n) && !g.isCommonWord(tokens[n].folded);
    if (book.given.has(m.key) && surname) m.partOfName = true;
  }

  // In mixed-case prose a place's name next to other capitalised words belongs to a longer name:
  // a person's ("Bernardino Leon"), a group's ("Libya Dawn"), a paper's ("Washington Post").
  // A country's name before the name of one of its places says where the place is ("in
  // Bangladesh Dinajpur district"), not so before another word ("Libya Dawn").
  const countryEnds = new Map<number, NameMatch>();
  const placeStarts = new Map<number, NameMatch>();
  for (const m of matches) {
    if (m.names.kind === "country") countryEnds.set(m.to, m);
    else if (m.names.kind === "place") placeStarts.set(m.from, m);
  }
  const within = (place: NameMatch | undefined, country: NameMatch | undefined) =>
    !!place && !!country && place.names.candidates.some((c) => c.country !== null && c.country === country.names.candidates[0]?.country);
  for (const m of matches) {
    if (m.caseless || m.names.kind === "demonym") continue;
    const p = m.from - 1;
    const n = m.to + 1;
    const prevJoined = p >= 0 && info.sentence[p] === m.sentence && adjacent(text, tokens[p], tokens[m.from]);
    const byPosition = prevJoined && info.initial[p] === 1 && g.isCommonWord(tokens[p].folded);
    const afterCountry = m.names.kind === "place" && within(m, countryEnds.get(p));
    if (prevJoined && isCapitalised(tokens[p].raw) && !book.qualifierSet.has(tokens[p].key) && !connector(p) && !byPosition && !afterCountry) {
      m.partOfName = true;
    }
    const nextJoined = n < tokens.length && info.sentence[n] === m.sentence && adjacent(text, tokens[m.to], tokens[n]);
    const beforePlace = m.names.kind === "country" && within(placeStarts.get(n), m);
    if (nextJoined && isCapitalised(tokens[n].raw) && !book.followers.has(tokens[n].key) && !beforePlace) m.partOfName = true;
  }

  const resolved = resolveNames(
    matches.filter((m) => !m.stopped && !m.partOfName && !(m.common && m.names.kind === "place" && !isCued(m) && (m.caseless || m.initial))),
    opts.region?.toUpperCase(),
    book,
    unitSupport(units),
  );
  const spans: PlaceSpan[] = resolved.map(({ match, place }) => ({
    start: match.start,
    end: match.end,
    text: doc.text.slice(match.start, match.end),
    sentence: match.sentence,
    place,
    role: match.names.kind === "demonym" ? "nationality" : "location",
  }));
  const { kept, replaced } = unknownPlaces(text, tokens, info, units, matches, resolved, spans, book);
  kept.push(...cuedNames(text, tokens, info, [...spans, ...kept], book));
  const all = kept.length ? [...spans.filter((_, i) => !replaced.has(i)), ...kept].sort((a, b) => a.start - b.start) : spans;
  for (const s of all) if (s.role === "location" && isReference(text, s, book)) s.role = "reference";
  return all;
}

/** Whether a distance farther than the codebook's `referenceKm` is measured from the place ("130 km southwest of Bogota"). */
function isReference(text: string, span: PlaceSpan, book: PlacesCodebook): boolean {
  const before = text.slice(Math.max(0, span.start - 80), span.start);
  // Most places have no figure before them: the expression is tried only where one is.
  const m = /\d/.test(before) ? book.distanceBefore?.exec(before) : null;
  if (!m) return false;
  const km = Number(m[1].replace(/,/g, "")) * (book.distanceUnits?.[m[2].toLowerCase()] ?? 1);
  return km > book.thresholds.referenceKm;
}

/**
 * Names the gazetteer lacks that a unit word says are places ("in Kanaighat upazila", "of Sune
 * district"), or that the gazetteer places only abroad ("Madan upazila"): kept by name, in the
 * unit's country. So are settlements and their parts that a locality word marks ("at Lamlai
 * village", "in the city's Pallabi area"). The place said to hold one ("Chatkhil upazila under
 * Noakhali", "Trenz village, Shopian district", "Tripoli's Souq al-Juma area") gives its point
 * and precision ("Chatkhil (Noakhali)"); with none named the name has no point. A locality the
 * gazetteer reads as a town far from its holder ("the Miraflores neighborhood in Lima") is the
 * holder's part, and replaces that reading (`replaced`, indexes into `resolved`).
 */
function unknownPlaces(
  text: string, tokens: Token[], info: Layout, units: Found<string[]>,
  matches: NameMatch[], resolved: { match: NameMatch; place: Place }[], spans: PlaceSpan[], book: PlacesCodebook,
): { kept: PlaceSpan[]; replaced: Set<number> } {
  const g = gazetteer();
  const covered = new Uint8Array(tokens.length);
  const startsAt = new Map<number, number>();
  const endsAt = new Map<number, number>();
  resolved.forEach(({ match }, i) => {
    covered.fill(1, match.from, match.to + 1);
    startsAt.set(match.from, i);
    endsAt.set(match.to, i);
  });
  // A country's name is never part of a place's ("Bangladesh Dinajpur district"), taken or not.
  for (const m of matches) if (m.names.kind !== "place") covered.fill(1, m.from, m.to + 1);
  const localities = findPhrases(tokens, info.sentence, book.localities);
  const out: PlaceSpan[] = [];
  const replaced = new Set<number>();
  const same = (a: number, b: number) => info.sentence[a] === info.sentence[b];
  // From the end, so that a holder the gazetteer lacks is read before what it holds.
  const keptAt = new Map<number, PlaceSpan>();
  for (let u = tokens.length - 1; u >= 1; u--) {
    const unit = units.get(u);
    const locality = localities.get(u);
    if ((!unit && !locality && !book.region.has(tokens[u].key)) || covered[u] || info.caseless[u]) continue;
    const read = locality ? endsAt.get(u - 1) : undefined;
    const town = read !== undefined && resolved[read].match.names.kind === "place" ? read : undefined;
    // The name: up to three capitalised words just before the unit word, after a cue word; an
    // article joined by a hyphen ("Souq al-Juma") is one of its words.
    let first = town === undefined ? u : resolved[town].match.from;
    while (
      town === undefined && first > 0 && u - first < 3 && same(first - 1, u) && !covered[first - 1] &&
      (adjacent(text, tokens[first - 1], tokens[first]) ? isCapitalised(tokens[first - 1].raw) : first < u && hyphenArticle(text, tokens, first - 1)) &&
      !book.notPlaceKeys.has(tokens[first - 1].key) && !book.qualifierSet.has(tokens[first - 1].key)
    ) first--;
    if (first === u || first === 0 || !same(first - 1, u) || !isCapitalised(tokens[first].raw)) continue;
    const last = unit?.last ?? locality?.last ?? u;
    // "Chatkhil upazila under Noakhali", "Mirsarai upazila of the district", "the Belen
    // neighborhood of the city of Medellin", "in northern Bogota": the holder after a container
    // word, or after a comma.
    let k = last + 1;
    if (k < tokens.length && same(k, u) && book.containers.has(tokens[k].key)) k++;
    else if (!(k < tokens.length && same(k, u) && /^\s*,\s*$/.test(text.slice(tokens[last].end, tokens[k].start)))) k = -1;
    while (k > 0 && k + 1 < tokens.length && same(k, u)) {
      if (tokens[k].key === "the" || (book.qualifierSet.has(tokens[k].key) && !startsAt.has(k))) k++;
      else if (book.settlement.has(tokens[k].folded) && tokens[k + 1].key === "of") k += 2;
      else break;
    }
    // "at Lamlai village"; a locality also "from the Gulshan area" (a region word after "the"
    // ends the names of groups' branches: "of the Awami League district unit").
    const theBefore = locality && tokens[first - 1].key === "the" && first > 1 && same(first - 2, u);
    const cue = tokens[theBefore ? first - 2 : first - 1].folded;
    // "the city's Pallabi area", "Tripoli's Souq area": the owner is a settlement, named or not.
    const owner = possessor(text, tokens, first - 1);
    const owned = owner >= 0 && same(owner, u) && (book.settlement.has(tokens[owner].folded) || endsAt.has(owner));
    const holder = (k > 0 ? startsAt.get(k) : undefined) ?? (owned ? endsAt.get(owner) : undefined);
    const parent = holder === undefined ? null : resolved[holder].place;
    // Over the gazetteer's reading, only a locality whose holder is named.
    if (town !== undefined && !(locality && parent)) continue;
    if (town !== undefined && nearHolder(resolved[town].place, parent!, book)) continue;
    if (town === undefined && !book.locative.has(cue) && !(book.containers.has(cue) && !theBefore) && !owned) continue;
    let allCommon = true;
    for (let w = first; w < u && allCommon; w++) allCommon = g.isCommonWord(tokens[w].folded);
    if (allCommon) continue;
    if (town !== undefined) replaced.add(town);
    const name = text.slice(tokens[first].start, tokens[u - 1].end);
    // A holder kept by its name has no point to give, only its country ("Jahangirpur village in Sreepur upazila").
    const kept = k > 0 && holder === undefined ? keptAt.get(k) : undefined;
    const country = unit?.value.length === 1 ? unit.value[0] : parent?.country ?? kept?.place.country ?? mostNamed(spans, unit?.value);
    keptAt.set(first, {
      start: tokens[first].start,
      end: tokens[last].end,
      text: text.slice(tokens[first].start, tokens[last].end),
      sentence: info.sentence[u],
      place: {
        name: parent ? `${name} (${parent.name})` : name,
        country,
        admin1: parent?.admin1 ?? null,
        lat: parent?.lat ?? null,
        lon: parent?.lon ?? null,
        geonameId: null,
        // Without a point, a place of unknown extent: a district unless a first-level word says more.
        precision: parent ? parent.precision : book.firstLevel.has(tokens[u].key) ? "admin1" : "district",
        provenance: "stated",
      },
      role: "location",
    });
    out.push(keptAt.get(first)!);
  }
  return { kept: out, replaced };
}

/**
 * Names the gazetteer lacks right after a cue word in mixed-case prose ("In Gopalpur, assailants
 * torched a bus", "a bomb went off at Kadirpur Bazar"): the whole run of capitalised words after
 * the cue, at most three, the first not an ordinary English word, none a title, a given name or
 * a word that makes the run another kind of name ("at Jagannath University"), nor a possessive.
 * Kept by name in the country the text's places name most, of unknown extent and with no point;
 * a town the gazetteer knows in the same stretch is more precise.
 */
const POSSESSIVE_MARK = /['’]/;

function cuedNames(text: string, tokens: Token[], info: Layout, spans: PlaceSpan[], book: PlacesCodebook): PlaceSpan[] {
  const g = gazetteer();
  // The words of the places already found, one pass over both in text order.
  const covered = new Uint8Array(tokens.length);
  const taken = [...spans].sort((a, b) => a.start - b.start);
  for (let i = 0, s = 0; i < tokens.length && s < taken.length; ) {
    if (tokens[i].end <= taken[s]!.start) i++;
    else if (tokens[i].start >= taken[s]!.end) s++;
    else covered[i++] = 1;
  }
  const out: PlaceSpan[] = [];
  for (let cue = 0; cue + 1 < tokens.length; cue++) {
    if (info.caseless[cue] || !book.unknownCue.has(tokens[cue].folded) || !isSpace(text, tokens[cue].end)) continue;
    const first = cue + 1;
    let last = first;
    while (last + 1 < tokens.length && last - first < 3 && info.sentence[last + 1] === info.sentence[first] && adjacent(text, tokens[last], tokens[last + 1]) && isCapitalised(tokens[last + 1].raw)) last++;
    cue = last;
    if (last - first >= 3 || info.sentence[first] !== info.sentence[first - 1] || tokens[last].end - tokens[first].start < 3) continue;
    let name = true;
    for (let w = first; w <= last && name; w++) {
      const t = tokens[w];
      name = !covered[w] && !info.caseless[w] && isCapitalised(t.raw) && shape(t.raw) !== UPPER && !(w === first && g.isCommonWord(t.folded)) &&
        !book.notPlaceKeys.has(t.key) && !book.titles.has(t.key) && !book.given.has(t.key) && !book.followers.has(t.key) && !book.qualifierSet.has(t.key);
    }
    if (!name || POSSESSIVE_MARK.test(text[tokens[last].end] ?? "")) continue;
    out.push({
      start: tokens[first].start,
      end: tokens[last].end,
      text: text.slice(tokens[first].start, tokens[last].end),
      sentence: info.sentence[first],
      place: { name: text.slice(tokens[first].start, tokens[last].end), country: mostNamed(spans, undefined), admin1: null, lat: null, lon: null, geonameId: null, precision: "district", provenance: "stated" },
      role: "location",
    });
  }
  return out;
}

/**
 * Whether the gazetteer's reading of a locality lies near its holder: then it is that place. A
 * settlement's parts lie close to its point; a region's point is its seat, and its parts lie as
 * far from it as other places the article names may.
 */
function nearHolder(place: Place, holder: Place, { thresholds: { partKm, nearKm } }: PlacesCodebook): boolean {
  if (place.lat === null || place.lon === null || holder.lat === null || holder.lon === null) return false;
  const settlement = holder.precision === "city" || holder.precision === "point";
  return withinKm(place.lat, place.lon, holder.lat, holder.lon, settlement ? partKm : nearKm);
}

/** An article joined by a hyphen to the word after it ("al-Juma"). */
function hyphenArticle(text: string, tokens: Token[], i: number): boolean {
  return tokens[i].key === ARTICLE && text.slice(tokens[i].end, tokens[i + 1].start) === "-";
}

/** The word before a possessive "'s" at `s` ("the city's"), or -1. */
function possessor(text: string, tokens: Token[], s: number): number {
  if (s < 1 || tokens[s].folded !== "s" || tokens[s].start !== tokens[s - 1].end + 1) return -1;
  const mark = text.charCodeAt(tokens[s - 1].end);
  return mark === 39 || mark === 0x2019 ? s - 1 : -1;
}

/** The country the text's places name most, among `among` when given; null when none does. Its people do not count. */
function mostNamed(spans: PlaceSpan[], among: string[] | undefined): string | null {
  const counts = new Map<string, number>();
  for (const s of spans) {
    const c = s.role === "location" ? s.place.country : null;
    if (c && (!among || among.includes(c))) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [c, n] of counts) if (!best || n > counts.get(best)!) best = c;
  return best;
}
