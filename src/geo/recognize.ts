import type { Doc, PlaceSpan, Sentence } from "../model.js";
import { candidatesFor, KEY_CONTINUES, KEY_NAMES, probeKey, type NameCandidates } from "./candidates.js";
import { placesCodebook } from "./codebook.js";
import { gazetteer } from "./gazetteer.js";
import { ARTICLE, tokenize, type Token } from "./keys.js";
import { isCued, resolveNames, type NameMatch } from "./resolve.js";

// Finds the names of places in a document: a scan over its words that looks each run of words up
// in the index as one hashed key, extending a run while a longer name starts with it and keeping
// the longest name found. Capitalisation gates the scan in mixed-case prose; in text where it
// tells nothing (wire copy in capitals, headlines in title case, hashtags) the cue words around
// a name and the article's context decide instead.

interface WordInfo {
  sentence: number;
  /** First word of its sentence or line: capitalised by position, not because it is a name. */
  initial: boolean;
  /** The word's line carries no case information. */
  caseless: boolean;
}

function isCapitalised(raw: string): boolean {
  const c = raw.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : raw[0] !== raw[0].toLowerCase();
}

const hasLower = /\p{Ll}/u;
const hasUpper = /\p{Lu}/u;

/** Characters between two words of one name: spaces, a hyphen, an apostrophe, a period, one line break. */
function joins(text: string, a: Token, b: Token): boolean {
  if (b.start - a.end > 4) return false;
  const gap = text.slice(a.end, b.start);
  return /^[\s\-'’.]*$/.test(gap) && !/\n\s*\n/.test(gap);
}

/** Only spaces between two words (no punctuation, no line break): one run of a proper name. */
function adjacent(text: string, a: Token, b: Token): boolean {
  return /^ +$/.test(text.slice(a.end, b.start));
}

/**
 * Where each word stands: its sentence, whether it opens its sentence or line, and whether its
 * line carries case information. Lines in capitals, or in title case as headlines are, do not.
 */
function wordInfo(text: string, tokens: Token[], sentences: Sentence[]): WordInfo[] {
  const lineOf = new Int32Array(tokens.length);
  const lines: { lower: boolean; upper: number; words: number; capitalised: number }[] = [];
  let line = -1;
  let nextBreak = -1;
  tokens.forEach((t, i) => {
    if (line < 0 || t.start > nextBreak) {
      while (line < 0 || (nextBreak >= 0 && t.start > nextBreak)) {
        line++;
        lines.push({ lower: false, upper: 0, words: 0, capitalised: 0 });
        nextBreak = text.indexOf("\n", nextBreak + 1);
        if (nextBreak < 0) nextBreak = Infinity;
      }
    }
    lineOf[i] = line;
    const stats = lines[line];
    if (hasLower.test(t.raw)) stats.lower = true;
    else if (hasUpper.test(t.raw)) stats.upper += t.raw.length;
    if (t.raw.length >= 4 && !/\d/.test(t.raw)) {
      stats.words++;
      if (isCapitalised(t.raw)) stats.capitalised++;
    }
  });
  const caseless = lines.map((l) => (l.lower ? l.words >= 3 && l.words <= 25 && l.capitalised >= 0.75 * l.words : l.upper >= 3));
  const info: WordInfo[] = [];
  let s = 0;
  let lastSentence = -1;
  let lastLine = -1;
  tokens.forEach((t, i) => {
    while (s + 1 < sentences.length && sentences[s + 1].start <= t.start) s++;
    const sentence = sentences.length ? sentences[s].index : 0;
    info.push({ sentence, initial: sentence !== lastSentence || lineOf[i] !== lastLine, caseless: caseless[lineOf[i]] });
    lastSentence = sentence;
    lastLine = lineOf[i];
  });
  return info;
}

/** A word of a hashtag ("#Ras_lanuf" neutralised to " Ras lanuf"): its case tells nothing. */
function inHashtag(original: string, t: Token): boolean {
  let i = t.start - 1;
  while (i >= 0 && /[\p{L}\p{M}\p{N}_]/u.test(original[i])) i--;
  return i >= 0 && original[i] === "#";
}

/** One ordinary English word ("Reading"), or one after "the" ("THE SUMMIT"), as a name. */
function isCommonName(key: string): boolean {
  const words = key.split(" ").filter((w) => w !== ARTICLE);
  if (words[0] === "the") words.shift();
  return words.length === 1 && gazetteer().isCommonWord(words[0]);
}

export function findPlaces(doc: Doc, sentences: Sentence[], opts: { region?: string } = {}): PlaceSpan[] {
  const text = doc.clean;
  const tokens = tokenize(text);
  if (!tokens.length) return [];
  const info = wordInfo(text, tokens, sentences);
  const book = placesCodebook();
  const g = gazetteer();
  // Compared once: two long strings that differ late cost their length to compare.
  const cleaned = doc.text !== text;
  const tagged = tokens.map((t) => cleaned && inHashtag(doc.text, t));
  const caseless = (i: number) => info[i].caseless || tagged[i];
  const nameWord = (i: number) => caseless(i) || isCapitalised(tokens[i].raw);
  const connector = (i: number) => !caseless(i) && book.connectorSet.has(tokens[i].raw.toLowerCase());
  const sameRun = (i: number) => i + 1 < tokens.length && info[i + 1].sentence === info[i].sentence && joins(text, tokens[i], tokens[i + 1]);

  const matches: NameMatch[] = [];
  for (let i = 0; i < tokens.length; ) {
    const article = tokens[i].key === ARTICLE && sameRun(i) && nameWord(i + 1);
    if (!nameWord(i) && !article) {
      i++;
      continue;
    }
    let key = tokens[i].key;
    let best = -1;
    for (let j = i; ; ) {
      const probe = probeKey(key);
      if (probe & KEY_NAMES && nameWord(j) && !connector(j) && key !== ARTICLE) best = j;
      if (!(probe & KEY_CONTINUES) || !sameRun(j) || !(nameWord(j + 1) || connector(j + 1))) break;
      j++;
      key += ` ${tokens[j].key}`;
    }
    if (best < 0) {
      i++;
      continue;
    }
    const names = candidatesFor(tokens.slice(i, best + 1).map((t) => t.key).join(" "));
    if (names) matches.push(describe(i, best, names));
    i = best + 1;
  }

  function describe(first: number, last: number, names: NameCandidates): NameMatch {
    const key = tokens.slice(first, last + 1).map((t) => t.key).join(" ");
    let start = tokens[first].start;
    let end = tokens[last].end;
    let from = first;
    // "al-Qoba", "El Callao": the article is part of the name as written.
    if (first > 0 && tokens[first - 1].key === ARTICLE && info[first - 1].sentence === info[first].sentence && joins(text, tokens[first - 1], tokens[first])) {
      from = first - 1;
      start = tokens[from].start;
    }
    let to = last;
    const next = last + 1 < tokens.length && sameRun(last) ? last + 1 : -1;
    const regionCue = names.kind === "place" && next >= 0 && book.region.has(tokens[next].key);
    if (regionCue) {
      to = next;
      end = tokens[next].end;
    }
    const before = (n: number) => (from - n >= 0 && info[from - n].sentence === info[from].sentence ? tokens[from - n].key : "");
    return {
      start, end, from, to, key, names,
      sentence: info[first].sentence,
      caseless: caseless(first),
      initial: info[from].initial,
      locative: book.locative.has(before(1)) || (caseless(first) && book.capitalsLocative.has(before(1))),
      settlement: book.settlement.has(before(1)) || (before(1) === "of" && book.settlement.has(before(2))),
      regionCue,
      pluralCue: regionCue && tokens[to].key.endsWith("s"),
      common: isCommonName(key),
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
    if (p >= 0 && info[p].sentence === m.sentence && joins(text, tokens[p], tokens[m.from]) && (book.titles.has(tokens[p].key) || book.given.has(tokens[p].key))) {
      m.partOfName = true;
    }
    const surname = n < tokens.length && info[n].sentence === m.sentence && joins(text, tokens[m.to], tokens[n]) && nameWord(n) && !g.isCommonWord(tokens[n].folded);
    if (book.given.has(m.key) && surname) m.partOfName = true;
  }

  // In mixed-case prose a place's name next to other capitalised words belongs to a longer name:
  // a person's ("Bernardino Leon"), a group's ("Libya Dawn"), a paper's ("Washington Post").
  for (const m of matches) {
    if (m.caseless || m.names.kind === "demonym") continue;
    const p = m.from - 1;
    const n = m.to + 1;
    const prevJoined = p >= 0 && info[p].sentence === m.sentence && adjacent(text, tokens[p], tokens[m.from]);
    const byPosition = prevJoined && info[p].initial && g.isCommonWord(tokens[p].folded);
    if (prevJoined && isCapitalised(tokens[p].raw) && !book.qualifierSet.has(tokens[p].key) && !connector(p) && !byPosition) {
      m.partOfName = true;
    }
    const nextJoined = n < tokens.length && info[n].sentence === m.sentence && adjacent(text, tokens[m.to], tokens[n]);
    if (nextJoined && isCapitalised(tokens[n].raw) && !book.followers.has(tokens[n].key)) m.partOfName = true;
  }

  return resolveNames(
    matches.filter((m) => !m.stopped && !m.partOfName && !(m.common && m.names.kind === "place" && !isCued(m) && (m.caseless || m.initial))),
    opts.region?.toUpperCase(),
  ).map(({ match, place }) => ({
    start: match.start,
    end: match.end,
    text: doc.text.slice(match.start, match.end),
    sentence: match.sentence,
    place,
    role: match.names.kind === "demonym" ? "nationality" : "location",
  }));
}
