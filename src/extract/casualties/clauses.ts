import type { CasualtyLexicon, Role } from "./lexicon.js";
import { mayStartQuantity, quantityAt, type Quantity } from "./quantity.js";
import { joined, type Token } from "./tokens.js";

// A small finite-state cascade over the words of one sentence, FASTUS-style: counts and the noun
// phrases after them, then the clause patterns that say what happened to them:
//   zero     "no one was hurt", "no casualties", "without casualties"
//   active   "killing two police officers", "wounded 40", "claimed the lives of 12 soldiers"
//   noun     "the death of 12 soldiers", "the beheading of 21"
//   toll     "a death toll of 10", "the toll rose to 31"
//   subject  "31 people were killed", "12 soldiers died", "40 wounded", "one dead terrorist"

/**
 * People counted together: "two police officers"; or one person, a perpetrator ("the bomber") or
 * a person named ("Hector Oqueli"), when `quantity` is null.
 */
export interface Group {
  quantity: Quantity | null;
  first: number;
  /** Token after the last word of the noun phrase ("two police officers" ends after "officers"). */
  nounEnd: number;
  named?: boolean;
}

/** What a clause says happened to whom, over tokens `first` to `end` (exclusive). */
export interface Finding {
  role: Role;
  value: number | null;
  min?: number;
  max?: number;
  first: number;
  end: number;
  groups: Group[];
  /** Tokens of the words that say what happened: one verb tells of one group of people. */
  verb: [number, number];
}

/**
 * Whether a finding adds to a figure told before: an additive word in its own words or right
 * before them, outside the groups that a list joins to its first ("the mayor and two others").
 */
export function isAdditional(t: readonly Token[], f: Finding, lex: CasualtyLexicon): boolean {
  for (let k = Math.max(0, f.first - 1); k < f.end; k++) {
    if (f.groups.some((g, i) => i > 0 && k >= g.first && k < g.nounEnd)) continue;
    if (lex.additive.has(t[k]!.key)) return true;
  }
  return false;
}

// "has killed" is active, "has been killed" passive: only a form of "be" (or "get") makes it so.
const HAVE = new Set(["has", "have", "had"]);

/** Whether a group may be a person named, and how a name is told in this text. */
type NameMode = "none" | "mixed" | "caps";
const POSSESSIVES = new Set(["its", "their", "the", "his", "her", "our", "those", "these", "whose"]);

// Asked of most words of a noun phrase: a loop, not a regular expression.
function hasDigit(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function isNegation(t: readonly Token[], p: number): boolean {
  const tok = t[p]!;
  return tok.key === "not" || tok.key === "never" || (tok.key === "t" && /['’]/.test(tok.gap));
}

/** Where the noun phrase after a count ends: "two police officers | from the Libyan police". */
function nounEnd(t: readonly Token[], k: number, lex: CasualtyLexicon): number {
  let j = k;
  if (t[j]?.key === "of" && joined(t[j]!) && t[j + 1]) {
    if (POSSESSIVES.has(t[j + 1]!.key)) j += 2;
    else if (t[j + 2]?.key === "s" && /['’]/.test(t[j + 2]!.gap)) j += 3;
  }
  for (let words = 0; j < t.length && words < 6; j++, words++) {
    const tok = t[j]!;
    if (!joined(tok)) break;
    if (lex.phraseEnds.has(tok.key) || lex.harmWords.has(tok.key) || hasDigit(tok.key)) break;
    if (tok.key.length > 5 && tok.key.endsWith("ing")) break;
  }
  return j;
}

/**
 * A count that is part of one already given: "including two children", "five of them", and one
 * joined by "and" to such a count ("none of the 4 priests and 100 refugees").
 */
function isSubset(t: readonly Token[], q: Quantity, lex: CasualtyLexicon): boolean {
  for (let back = 1; back <= 3; back++) {
    const m = lex.subsetBefore.at(t, q.first - back);
    if (m && m.length === back) return true;
  }
  if (lex.subsetAfter.at(t, q.end)) return true;
  const and = q.first - 1;
  if (t[and]?.key !== "and") return false;
  for (let k = and - 1; k >= Math.max(0, and - 8) && joined(t[k + 1]!); k--) {
    const before = quantityAt(t, k, lex.numbers);
    if (before && !before.needsNoun && before.end <= and) return isSubset(t, before, lex);
  }
  return false;
}

/**
 * Where a person's name that starts at token i ends, or i: capitalised words in ordinary text, two
 * to five words in text all in capitals ("HECTOR OQUELI"). A word that looks plural or a common
 * noun after it ("Libyan soldiers") makes it no name.
 */
function nameEnd(t: readonly Token[], i: number, lex: CasualtyLexicon, caps: boolean): number {
  let j = i;
  for (; j < t.length && j - i < 5 && (j === i || joined(t[j]!)); j++) {
    const tok = t[j]!;
    if (lex.phraseEnds.has(tok.key) || lex.harmWords.has(tok.key) || lex.notPeople.has(tok.key) || hasDigit(tok.key)) break;
    if (!caps && !tok.capital) break;
  }
  const words = j - i;
  if (words === 0 || (caps && words < 2) || /[^s]s$/.test(t[j - 1]!.key)) return i;
  const next = t[j];
  if (next && joined(next) && !lex.phraseEnds.has(next.key) && !lex.harmWords.has(next.key)) return i;
  return j;
}

function groupAt(t: readonly Token[], i: number, lex: CasualtyLexicon, names: NameMode): Group | null {
  const perpetrator = lex.perpetrators.at(t, i);
  if (perpetrator) return { quantity: null, first: i, nounEnd: i + perpetrator.length };
  const q = quantityAt(t, i, lex.numbers);
  if (!q && names !== "none") {
    const end = nameEnd(t, i, lex, names === "caps");
    return end > i ? { quantity: null, first: i, nounEnd: end, named: true } : null;
  }
  if (!q || isSubset(t, q, lex)) return null;
  if (t[q.end] && lex.notPeople.has(t[q.end]!.key)) return null;
  const end = nounEnd(t, q.end, lex);
  if (q.needsNoun && end === q.end) return null;
  return { quantity: q, first: i, nounEnd: end };
}

/**
 * Counted groups joined by "and" or listed with commas: "two soldiers and three civilians", "at
 * least seven people and the bomber", "three soldiers, two policemen and a civilian". After a verb
 * ("killing ten and 20 were wounded") a group followed by its own verb opens another clause and is
 * left out. After a comma only a count goes on the list: "Ali Hassan, a teacher," is one man.
 */
function groupsAt(t: readonly Token[], i: number, lex: CasualtyLexicon, asSubject: boolean, names: NameMode = "none"): Group[] | null {
  const first = groupAt(t, i, lex, names);
  if (!first) return null;
  const groups = [first];
  for (;;) {
    const j = groups[groups.length - 1]!.nounEnd;
    // A list goes on past a comma only from counts to a count ("a spokesman, 21 soldiers" is two
    // phrases, "A MINISTER, A MR X" one man).
    const listed = t[j]?.gap === "," && groups.every(counted);
    let k: number;
    if (t[j]?.key === "and" && joined(t[j]!)) k = j + 1;
    else if (t[j]?.key === "as" && t[j + 1]?.key === "well" && t[j + 2]?.key === "as") k = j + 3;
    else if (listed) k = t[j]!.key === "and" ? j + 1 : j;
    else break;
    const afterComma = listed && t[j]!.key !== "as";
    const next = groupAt(t, k, lex, afterComma ? "none" : names);
    if (!next || (afterComma && !counted(next))) break;
    const after = t[next.nounEnd];
    if (!asSubject && after && (lex.auxiliaries.has(after.key) || lex.harmWords.has(after.key))) break;
    groups.push(next);
  }
  return groups.some((g) => g.quantity || g.named) ? groups : null;
}

/** A group counted by a number or a vague quantity, not by "a" or a name. */
const counted = (g: Group): boolean => g.quantity !== null && !g.quantity.needsNoun;

/** The sum of the groups; min and max where a group gives a bound or a vague word. */
function total(groups: readonly Group[]): Pick<Finding, "value" | "min" | "max"> {
  let value: number | null = 0;
  let min = 0;
  let max: number | null = 0;
  let bounded = false;
  let capped = false;
  for (const g of groups) {
    const q = g.quantity ?? { value: 1, min: undefined, max: undefined };
    value = value === null || q.value === null ? null : value + q.value;
    min += q.min ?? q.value ?? 0;
    const upper = q.max ?? q.value;
    max = max === null || upper === null ? null : max + upper;
    bounded ||= q.min !== undefined || q.value === null;
    capped ||= q.max !== undefined;
  }
  return { value, ...(bounded ? { min } : {}), ...(capped && max !== null ? { max } : {}) };
}

interface Predicate {
  role: Role;
  first: number;
  end: number;
  negated: boolean;
  /** No auxiliary: "the 31 people killed in", "40 wounded". */
  reduced: boolean;
}

/** A clause ends after a participle with no auxiliary: "the 31 people killed in", "40 wounded." */
function reducedClauseEnds(t: readonly Token[], end: number, lex: CasualtyLexicon): boolean {
  const next = t[end];
  return !next || !joined(next) || lex.reducedFollowers.has(next.key);
}

/** "were killed", "have been reportedly wounded", "died", "were dead", "killed in": at token k. */
function predicateAt(t: readonly Token[], k: number, lex: CasualtyLexicon): Predicate | null {
  let p = k;
  let aux = false;
  let perfect = false;
  let negated = false;
  for (; p < t.length && (p === k || joined(t[p]!)); p++) {
    const key = t[p]!.key;
    if (HAVE.has(key)) perfect = true;
    else if (lex.auxiliaries.has(key)) aux = true;
    else if (isNegation(t, p)) negated = true;
    // "wasn't": "wasn" before the "t" stands for the auxiliary
    else if (key.endsWith("n") && t[p + 1]?.key === "t" && /['’]/.test(t[p + 1]!.gap)) aux = true;
    else if (!lex.fillers.has(key)) break;
  }
  const passive = lex.forms.passive.at(t, p);
  const intransitive = passive ? null : lex.forms.intransitive.at(t, p);
  const adjective = passive || intransitive ? null : lex.forms.adjectives.at(t, p);
  const hit = passive ?? intransitive ?? adjective;
  if (!hit) return null;
  let end = p + hit.length;
  if (!intransitive && !aux && (perfect || !reducedClauseEnds(t, end, lex))) return null;
  let role = hit.value;
  // "were killed or wounded": harmed, but which of the two the words do not say.
  const other = t[end]?.key === "or" ? (lex.forms.passive.at(t, end + 1) ?? lex.forms.adjectives.at(t, end + 1)) : null;
  if (other && other.value !== role) {
    role = "other";
    end += 1 + other.length;
  }
  return { role, first: p, end, negated, reduced: !intransitive && !aux };
}

/**
 * The verb that tells what happened to a subject, searched from token j to the clause's end. A
 * subject counted by "a"/"an" never runs past a comma: "the attackers, who rode in a green car,
 * are wounded" is about the attackers.
 */
function predicateAfter(t: readonly Token[], j: number, lex: CasualtyLexicon, article: boolean): Predicate | null {
  let inRelative = false;
  for (let k = j, steps = 0; k < t.length && steps < 24; k++, steps++) {
    // "two militants of Hizbul Mujahideen (HM) were killed": a short bracketed name is an aside.
    const close = t[k]!.gap === "(" ? asideEnd(t, k) : -1;
    if (close > 0) k = close;
    const tok = t[k]!;
    if ((close < 0 && tok.gap !== "" && lex.clausePunctuation.test(tok.gap)) || (article && tok.gap === ",")) return null;
    // ", including two children," is an aside about the subject: step over it.
    if (tok.gap === "," && lex.subsetBefore.at(t, k)) {
      let close = k + 1;
      while (close < t.length && close - k <= 10 && t[close]!.gap !== ",") close++;
      if (t[close]?.gap === ",") {
        k = close - 1;
        continue;
      }
    }
    const predicate = predicateAt(t, k, lex);
    // A participle with no auxiliary follows its noun at once: "the 31 people killed in".
    if (predicate && (!predicate.reduced || k === j)) return predicate;
    if (lex.harmWords.has(tok.key) || lex.clauseBreaks.has(tok.key)) return null;
    const q = quantityAt(t, k, lex.numbers);
    if (q && !q.needsNoun) return null;
    if (lex.relativePronouns.has(tok.key)) inRelative = true;
    else if (!inRelative && steps >= 8) return null;
  }
  return null;
}

/** The most words a bracketed aside inside a clause runs to: an acronym or a short name. */
const ASIDE_WORDS = 4;

/** The token right after a bracketed aside that opens at token k ("(HM)"), or -1. */
function asideEnd(t: readonly Token[], k: number): number {
  for (let close = k + 1; close < t.length && close - k <= ASIDE_WORDS; close++) {
    if (t[close]!.gap === ")") return close;
    if (!joined(t[close]!)) return -1;
  }
  return -1;
}

function finding(role: Role, first: number, end: number, groups: Group[], verb: [number, number]): Finding {
  return { role, first, end, groups, verb, ...total(groups) };
}

function zeroAt(t: readonly Token[], i: number, lex: CasualtyLexicon): Finding[] {
  let p: number;
  const subject = lex.zeroSubjects.at(t, i);
  if (subject) {
    p = i + subject.length;
    if (t[p]?.key === "of") return [];
    while (p < t.length && joined(t[p]!) && (lex.auxiliaries.has(t[p]!.key) || lex.fillers.has(t[p]!.key))) p++;
  } else if (lex.zeroDeterminers.has(t[i]!.key)) {
    p = i + 1;
    for (let n = 0; p < t.length && n < 4 && lex.zeroFillers.has(t[p]!.key); n++) p++;
  } else return [];
  const scopes = new Set<string>();
  let end = p;
  while (p < t.length) {
    const scope = lex.zeroWords.get(t[p]!.key);
    if (!scope) break;
    scopes.add(scope);
    end = p + 1;
    const link = t[p + 1]?.key;
    if ((link === "or" || link === "and") && lex.zeroWords.has(t[p + 2]?.key ?? "")) p += 2;
    else break;
  }
  if (scopes.size === 0 || t[end]?.key === "among") return [];
  const roles: Role[] = scopes.has("both") ? ["killed", "wounded"] : [...scopes].map((s) => s as Role);
  return roles.map((role) => ({ role, value: 0, first: i, end, groups: [], verb: [i, end] }));
}

function activeAt(t: readonly Token[], i: number, lex: CasualtyLexicon, names: NameMode): Finding | null {
  const verb = lex.forms.active.at(t, i);
  if (!verb || !t[i + verb.length] || !joined(t[i + verb.length]!)) return null;
  const prev = t[i - 1];
  if (prev && ((lex.auxiliaries.has(prev.key) && !HAVE.has(prev.key)) || isNegation(t, i - 1))) return null;
  const groups = groupsAt(t, i + verb.length, lex, false, names);
  return groups ? finding(verb.value, i, groups[groups.length - 1]!.nounEnd, groups, [i, i + verb.length]) : null;
}

/** The most words an agent or means between a killing noun and its "of" runs to. */
const AGENT_WORDS = 4;

function nounAt(t: readonly Token[], i: number, lex: CasualtyLexicon, names: NameMode): Finding | null {
  const noun = lex.forms.nouns.at(t, i);
  if (!noun) return null;
  let at = i + noun.length;
  if (t[at] && lex.nounAgents.has(t[at]!.key) && joined(t[at]!)) {
    // "the murder by machinegun fire of two missionaries": a short agent or means, then "of".
    let k = at + 1;
    while (k < t.length && k - at <= AGENT_WORDS && joined(t[k]!) && t[k]!.key !== "of") k++;
    if (t[k]?.key === "of" && k - at <= AGENT_WORDS) at = k;
  }
  const of = t[at];
  if (of?.key !== "of" || !joined(of)) return null;
  const groups = groupsAt(t, at + 1, lex, false, names);
  return groups ? finding(noun.value, i, groups[groups.length - 1]!.nounEnd, groups, [i, i + noun.length]) : null;
}

/**
 * A killing noun in the singular after a person's name in the possessive: "Luis Carlos Galan's
 * assassination", "CARLOS PIZARRO LEONGOMEZ' MURDER" is one killed. The name has two words at
 * least, as in capitals: one word before "'s" is as often a place, a day or a group ("Monday's
 * killing").
 */
function possessiveAt(t: readonly Token[], i: number, lex: CasualtyLexicon, names: NameMode): Finding | null {
  if (names === "none" || !lex.ownedKillings.has(t[i]!.key)) return null;
  // The noun ends its phrase: "Galan's murder was", not "El Salvador's murder rate" nor "the
  // murder of" (a victim of its own).
  const after = t[i + 1];
  if (after && joined(after) && (after.key === "of" || !(lex.phraseEnds.has(after.key) || lex.reducedFollowers.has(after.key)))) return null;
  const mark = /['’]/;
  let last: number;
  if (t[i - 1]?.key === "s" && mark.test(t[i - 1]!.gap)) last = i - 2;
  else if (mark.test(t[i]!.gap)) last = i - 1;
  else return null;
  // "HOYOS' MURDER": a name before a bare apostrophe ends in s.
  const first = nameStartBefore(t, last, lex, names, last === i - 1);
  if (first < 0) return null;
  const group: Group = { quantity: null, first, nounEnd: last + 1, named: true };
  return { role: "killed", value: 1, first, end: i + 1, groups: [group], verb: [i, i + 1] };
}

function tollAt(t: readonly Token[], i: number, lex: CasualtyLexicon): Finding | null {
  const toll = lex.forms.tolls.at(t, i);
  if (!toll) return null;
  let p = i + toll.length;
  for (let n = 0; p < t.length && n < 4 && lex.tollLinks.has(t[p]!.key); n++) p++;
  const q = quantityAt(t, p, lex.numbers);
  if (!q || q.needsNoun) return null;
  const group = { quantity: q, first: p, nounEnd: nounEnd(t, q.end, lex) };
  return finding(toll.value, i, group.nounEnd, [group], [i, i + toll.length]);
}

function subjectAt(t: readonly Token[], i: number, lex: CasualtyLexicon): Finding | null {
  const q = quantityAt(t, i, lex.numbers);
  if (!q || isSubset(t, q, lex)) return null;
  // "10 dead", "40 wounded", "one dead terrorist", "a wounded soldier"
  const adjective = lex.forms.adjectives.at(t, q.end);
  if (adjective) {
    const after = q.end + adjective.length;
    const end = nounEnd(t, after, lex);
    if (q.needsNoun && end === after) return null;
    if (!lex.forms.active.at(t, q.end) || !quantityAt(t, after, lex.numbers)) {
      // A victim's noun phrase only when a noun follows: "one dead terrorist", not "10 dead".
      return finding(adjective.value, i, end, [{ quantity: q, first: i, nounEnd: end > after ? end : q.end }], [q.end, after]);
    }
  }
  const groups = groupsAt(t, i, lex, true);
  if (!groups) return null;
  const predicate = predicateAfter(t, groups[groups.length - 1]!.nounEnd, lex, q.needsNoun);
  if (!predicate || predicate.negated) return null;
  return finding(predicate.role, i, predicate.end, groups, [predicate.first, predicate.end]);
}

// A singular auxiliary says one person: "the mayor was found dead", "he has been wounded".
const SINGULAR = new Set(["was", "is", "has"]);

/** A killed or wounded verb after a singular auxiliary whose subject carries no count: one person. */
function singularAt(t: readonly Token[], k: number, lex: CasualtyLexicon): Finding | null {
  if (!SINGULAR.has(t[k]!.key)) return null;
  const predicate = predicateAt(t, k, lex);
  if (!predicate || predicate.negated || (predicate.role !== "killed" && predicate.role !== "wounded")) return null;
  const subject = t[k - 1];
  const first = subject && joined(t[k]!) && !lex.phraseEnds.has(subject.key) ? k - 1 : k;
  return { role: predicate.role, value: 1, first, end: predicate.end, groups: [], verb: [k, predicate.end] };
}

// A plural auxiliary after a list of names: "Pedro Perez and Juan Gomez were killed".
const PLURAL = new Set(["were", "are", "have"]);
/** The most words back from the auxiliary that a list of two or three names runs to. */
const NAME_LIST_WORDS = 16;

/**
 * People told by name and joined by "and" before a plural auxiliary and a killed, wounded or
 * kidnapped verb: "PEDRO PEREZ AND JUAN GOMEZ WERE KILLED" is two. The nearest start that reads as
 * such a list is taken: farther back, a name in capitals may swallow the words before it, but the
 * names counted are the same.
 */
function namedListAt(t: readonly Token[], k: number, lex: CasualtyLexicon, names: NameMode): Finding | null {
  if (names === "none" || !PLURAL.has(t[k]!.key) || !joined(t[k]!)) return null;
  const predicate = predicateAt(t, k, lex);
  if (!predicate || predicate.negated || predicate.role === "other") return null;
  for (let s = k - 3; s >= Math.max(0, k - NAME_LIST_WORDS); s--) {
    if (!joined(t[s + 1]!)) break;
    const groups = groupsAt(t, s, lex, true, names);
    if (!groups || groups[groups.length - 1]!.nounEnd !== k) continue;
    if (groups.length < 2 || !groups.every((g) => g.named)) return null;
    // In mixed case a capital before the first name is more of it: "Pedro Perez", not "Perez".
    let first = s;
    let list = groups;
    while (names === "mixed" && first > 0 && joined(t[first]!) && t[first - 1]!.capital) {
      const back = groupsAt(t, first - 1, lex, true, names);
      if (!back || back.length !== groups.length || back[back.length - 1]!.nounEnd !== k) break;
      first--;
      list = back;
    }
    return finding(predicate.role, first, predicate.end, list, [predicate.first, predicate.end]);
  }
  return null;
}

/** The most words a name told before its verb or its possessive runs to ("SENATOR LUIS CARLOS GALAN'S"). */
const NAME_WORDS = 5;

/**
 * Where a person's name that ends at token `last` starts, or -1: two to five words, capitalised in
 * mixed case ("CARLOS VALENCIA GARCIA", "Maria Elena Cruz"), the last not a plural ("INNOCENT
 * CHILDREN", "LOCAL PEASANTS") unless the words say it ends in s (`endsInS`).
 */
function nameStartBefore(t: readonly Token[], last: number, lex: CasualtyLexicon, names: NameMode, endsInS = false): number {
  if (names === "none" || (!endsInS && /[^s]s$/.test(t[last]!.key)) || lex.irregularPlurals.has(t[last]!.key)) return -1;
  let first = last + 1;
  while (first > 0 && last - first + 1 < NAME_WORDS && (first === last + 1 || joined(t[first]!))) {
    const tok = t[first - 1]!;
    if (lex.phraseEnds.has(tok.key) || lex.harmWords.has(tok.key) || lex.notPeople.has(tok.key) || hasDigit(tok.key)) break;
    if (names === "mixed" && !tok.capital) break;
    first--;
  }
  return last - first + 1 >= 2 ? first : -1;
}

/**
 * Whether the words before a subject's first word make it the end of a longer phrase: "SIX
 * GUERRILLAS OF THE ARMY OF NATIONAL LIBERATION DIED" is the guerrillas dying, not a person.
 */
function qualifies(t: readonly Token[], first: number): boolean {
  const before = t[first - 1]?.key === "the" ? first - 2 : first - 1;
  return t[before]?.key === "of";
}

/**
 * A verb that needs no auxiliary after a subject that is one person and carries no count: "he
 * died in hospital", "the victim later died", "Judge Carlos Valencia Garcia died". A plural noun
 * ("the victims died") says no number.
 */
function singularIntransitiveAt(t: readonly Token[], p: number, lex: CasualtyLexicon, names: NameMode): Finding | null {
  const verb = lex.forms.intransitive.at(t, p);
  if (!verb || verb.value !== "killed") return null;
  let s = p - 1;
  while (s >= 0 && lex.fillers.has(t[s]!.key) && joined(t[s + 1]!)) s--;
  const subject = t[s];
  if (!subject || !joined(t[s + 1]!)) return null;
  let first = -1;
  if (lex.singularSubjects.has(subject.key)) first = s;
  else if (s > 0 && lex.singularDeterminers.has(t[s - 1]!.key) && joined(subject) && !/[^s]s$/.test(subject.key) && !lex.notPeople.has(subject.key) && !lex.phraseEnds.has(subject.key)) first = s - 1;
  else {
    first = nameStartBefore(t, s, lex, names);
    if (first >= 0 && qualifies(t, first)) return null;
  }
  if (first < 0) return null;
  return { role: "killed", value: 1, first, end: p + verb.length, groups: [], verb: [p, p + verb.length] };
}

/**
 * Every clause of the sentence's tokens that says people were killed, wounded or taken. `caps`:
 * the document is written in capitals, so names are told from common nouns by other signs.
 */
export function findClauses(t: readonly Token[], caps: boolean, lex: CasualtyLexicon): Finding[] {
  const names: NameMode = caps ? "caps" : "mixed";
  const found: Finding[] = [];
  const used = new Uint8Array(t.length);
  // Each count and each verb tells of one finding only.
  const claim = (f: Finding | null) => {
    if (!f) return;
    const spans = [f.verb, ...f.groups.flatMap((g) => (g.quantity ? [[g.quantity.first, g.quantity.end] as const] : []))];
    for (const [a, b] of spans) for (let k = a; k < b; k++) if (used[k]) return;
    for (const [a, b] of spans) used.fill(1, a, b);
    found.push(f);
  };
  // Most words start no clause: the words that may are found once, for every pass below.
  const clauseStarts: number[] = [];
  const quantities: number[] = [];
  const auxiliaries: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const key = t[i]!.key;
    if (lex.clauseStarts.has(key)) clauseStarts.push(i);
    if (mayStartQuantity(key, lex.numbers)) quantities.push(i);
    if (i > 0 && (SINGULAR.has(key) || PLURAL.has(key))) auxiliaries.push(i);
  }
  // "no one was hurt" holds no count of one: zeros claim their words first.
  for (const i of clauseStarts) {
    if (used[i]) continue;
    const zeros = zeroAt(t, i, lex);
    for (const z of zeros) used.fill(1, z.first, z.end);
    found.push(...zeros);
  }
  for (const i of clauseStarts) claim(activeAt(t, i, lex, names) ?? nounAt(t, i, lex, names) ?? tollAt(t, i, lex) ?? possessiveAt(t, i, lex, names));
  for (const i of quantities) if (!used[i]) claim(subjectAt(t, i, lex));
  for (const k of auxiliaries) if (!used[k]) claim(singularAt(t, k, lex) ?? namedListAt(t, k, lex, names));
  for (let p = 1; p < t.length; p++) if (!used[p] && lex.harmWords.has(t[p]!.key)) claim(singularIntransitiveAt(t, p, lex, names));
  return found.sort((a, b) => a.first - b.first);
}
