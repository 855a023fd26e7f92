import { perCodebook } from "../codebook/load.js";
import type { Codebook } from "../codebook/schema.js";
import type { ActorKind, ActorSpan } from "../model.js";
import type { AnnotatedDoc } from "./annotated.js";
import { sentenceAt } from "./patterns.js";
import { findGroupNames } from "./group-names.js";
import { PhraseLexicon } from "./phrase-lexicon.js";
import { titleCase } from "./words.js";

interface Entry {
  name: string;
  kind: ActorKind;
  parent?: string;
  /** Set for aliases that are ordinary words in another case ("IS"): the exact form required. */
  exact?: string;
}

const lexiconOf = perCodebook((codebook): PhraseLexicon<Entry> => {
  const book = codebook.actors;
  const parents = new Map(book.groups.map((g) => [g.name, g.parent]));
  const root = (name: string): string | undefined => {
    let p = parents.get(name);
    while (p && parents.get(p)) p = parents.get(p);
    return p;
  };
  const lex = new PhraseLexicon<Entry>();
  for (const g of book.groups) {
    const parent = root(g.name);
    lex.add(g.name, { name: g.name, kind: g.kind, parent });
    for (const a of g.aliases) {
      if (typeof a === "string") lex.add(a, { name: g.name, kind: g.kind, parent });
      else lex.add(a.text, { name: g.name, kind: g.kind, parent, exact: a.text });
    }
  }
  for (const s of book.state) lex.add(s, { name: "", kind: "state" });
  for (const u of book.unknown) lex.add(u, { name: "Unknown", kind: "unknown" });
  return lex;
});

/**
 * Finds the groups, state forces and unnamed perpetrators ("gunmen") the text names. State forces
 * take their country from a demonym or country name just before them ("Egyptian warplanes").
 */
export function findActors(a: AnnotatedDoc, codebook: Codebook): ActorSpan[] {
  const lexicon = lexiconOf(codebook);
  const { doc, words } = a;
  const text = doc.clean;
  const matches = lexicon.scan(words, (m) => {
    const exact = m.value.exact;
    if (!exact) return true;
    if (a.allCaps) return false;
    return text.slice(words[m.first]!.start, words[m.last]!.end) === exact;
  });
  const known = new Map<number, { first: number; kind: ActorKind }>();
  for (const m of matches) {
    const before = known.get(m.last);
    if (!before || m.first < before.first) known.set(m.last, { first: m.first, kind: m.value.kind });
  }
  const unlisted = findGroupNames(a, codebook, known);
  const actors: ActorSpan[] = [...unlisted];
  for (const m of matches) {
    // Inside an unlisted group's name, a listed one is part of another name ("the Garo National
    // Liberation Army" is not the National Liberation Army).
    if (unlisted.some((g) => g.start <= words[m.first]!.start && words[m.last]!.end <= g.end)) continue;
    let start = words[m.first]!.start;
    // Words hold no brackets: a name that opens one closes it too ("CPI (Maoist)").
    const opened = words[m.last]!.end;
    const end = text[opened] === ")" && text.slice(start, opened).includes("(") ? opened + 1 : opened;
    let name = m.value.name;
    // "Egyptian warplanes" are Egypt's; "Salvadoran guerrillas" are still unnamed, but the
    // words say whose.
    const country = m.value.kind === "organization" ? null : countryBefore(a, start);
    if (country) start = country.start;
    if (m.value.kind === "state" && !name) name = country ? country.name : titleCase(text.slice(start, end));
    const sentence = sentenceAt(a.sentences, start);
    const span: ActorSpan = { start, end, text: doc.text.slice(start, end), sentence, name, kind: m.value.kind };
    if (m.value.parent) span.parent = m.value.parent;
    actors.push(span);
  }
  return actors.sort((x, y) => x.start - y.start);
}

/** A demonym or country name ending right before `offset` (at most a space or "the" between). */
function countryBefore(a: AnnotatedDoc, offset: number): { start: number; name: string } | null {
  for (const p of a.places) {
    if (p.end > offset || offset - p.end > 2) continue;
    if (p.role === "nationality" || p.place.precision === "country") {
      return { start: p.start, name: p.place.name };
    }
  }
  return null;
}

