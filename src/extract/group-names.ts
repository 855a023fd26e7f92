import { perCodebook } from "../codebook/load.js";
import type { Codebook } from "../codebook/schema.js";
import { countryNames } from "../geo/countries.js";
import type { ActorKind, ActorSpan } from "../model.js";
import type { AnnotatedDoc } from "./annotated.js";
import { sentenceAt } from "./patterns.js";
import { titleCase } from "./words.js";

/** The most words a group's name runs to before its head ("Myanmar National Democratic Alliance Army"). */
const LONGEST_NAME = 7;

const wordSetsOf = perCodebook((codebook) => {
  const g = codebook.actors.groupNames;
  const set = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  return { heads: set(g.heads), markers: set(g.markers), breaks: set(g.breaks) };
});

/**
 * Armed groups the codebook does not know, found by how their names are made: words that name
 * a cause or a people before a head noun ("the Garo National Liberation Army", "the Zarate
 * Willka Liberation Armed Forces"), and an abbreviation in brackets after it. News names a new
 * or local group this way long before any list holds it. In mixed-case text the name is the run
 * of capitalised words; in text in capitals, where case tells nothing, the run stops at a
 * function word and must hold a word that marks a cause ("liberation", "revolutionary").
 * A run that adds only places, demonyms or numbers to what the codebook knows ("the Pakistan
 * Army", "the 14th Brigade", "Syrian government forces") is a state's force or unit, not a group.
 * `known` maps the last word of each codebook match to its first and the kind of actor it names.
 */
export function findGroupNames(a: AnnotatedDoc, codebook: Codebook, known: Map<number, { first: number; kind: ActorKind }>): ActorSpan[] {
  const { heads, markers, breaks } = wordSetsOf(codebook);
  const { words, doc } = a;
  const text = doc.clean;
  let placeWord: Set<number> | undefined;
  const capitalised = (i: number) => /^\p{Lu}/u.test(text[words[i]!.start]!);
  // "People's": the "s" after an apostrophe belongs to the word before.
  const joined = (i: number) => {
    const gap = text.slice(words[i - 1]!.end, words[i]!.start);
    return /^(\s+|-|['’])$/.test(gap);
  };
  const out: ActorSpan[] = [];
  for (let h = 1; h < words.length; h++) {
    if (!heads.has(words[h]!.key)) continue;
    if (h + 1 < words.length && heads.has(words[h + 1]!.key) && joined(h + 1)) continue;
    let first = h;
    while (first > 0 && h - first < LONGEST_NAME && joined(first)) {
      const w = words[first - 1]!;
      if (breaks.has(w.key) || /^\d/.test(w.key)) break;
      if (!a.allCaps && !capitalised(first - 1) && w.key !== "s") break;
      first--;
    }
    if (first === h) continue;
    const inside = Array.from({ length: h - first }, (_, k) => first + k);
    const listed = known.get(h);
    const knownFirst = listed?.first ?? h;
    if (knownFirst <= first) continue;
    // In capitals, words before a listed group's name are a description ("two FMLN columns"),
    // not a longer name; in mixed case, capitalised ones are ("the Garo National Liberation Army").
    if (a.allCaps && listed?.kind === "organization") continue;
    placeWord ??= placeWords(a);
    const named = inside.filter((i) => i < knownFirst).filter((i) => !placeWord!.has(i) && !/^\d/.test(words[i]!.key) && words[i]!.key !== "s");
    // One word before the head, in capitals, is as often a description ("guerrilla forces").
    if (named.length < (a.allCaps ? 2 : 1)) continue;
    if (a.allCaps && !inside.some((i) => markers.has(words[i]!.key))) continue;
    const start = words[first]!.start;
    let end = words[h]!.end;
    const abbreviation = /^\s*\((\p{Lu}[\p{Lu}\p{N}-]{1,9})\)/u.exec(text.slice(end));
    const written = text.slice(start, end).replace(/\s+/g, " ");
    const name = a.allCaps ? titleCase(written) : written;
    if (abbreviation) end += abbreviation[0].length;
    out.push({
      start,
      end,
      text: doc.text.slice(start, end),
      sentence: sentenceAt(a.sentences, start),
      name: abbreviation ? `${name} (${abbreviation[1]})` : name,
      kind: "organization",
    });
  }
  return out;
}

/** The indices of the words inside a place name, and of one-word country names and demonyms. */
function placeWords(a: AnnotatedDoc): Set<number> {
  const { names, demonyms } = countryNames();
  const out = new Set<number>();
  const places = [...a.places].sort((x, y) => x.start - y.start);
  let p = 0;
  a.words.forEach((w, i) => {
    while (p < places.length && places[p]!.end <= w.start) p++;
    if ((p < places.length && places[p]!.start <= w.start && w.end <= places[p]!.end) || names.has(w.key) || demonyms.has(w.key)) out.add(i);
  });
  return out;
}
