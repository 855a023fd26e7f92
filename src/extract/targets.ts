import { loadCodebook } from "../codebook/load.js";
import type { AnnotatedDoc, TargetSpan } from "./annotated.js";
import { sentenceAt } from "./patterns.js";
import { PhraseLexicon } from "./phrase-lexicon.js";

let lexicon: PhraseLexicon<string> | null = null;

function buildLexicon(): PhraseLexicon<string> {
  const book = loadCodebook<{ targets: Record<string, string[]> }>("targets").targets;
  const lex = new PhraseLexicon<string>();
  for (const [type, heads] of Object.entries(book)) for (const h of heads) lex.add(h, type);
  return lex;
}

// Words that end a target phrase on its left: verbs and prepositions do, modifiers do not.
const PHRASE_EDGE = new Set([
  "on", "upon", "at", "against", "of", "in", "into", "with", "by", "and", "or", "near", "outside",
  "inside", "targeted", "targeting", "attacked", "bombed", "killed", "killing", "wounded", "hit",
  "struck", "stormed", "fired", "opened", "were", "was", "is", "are", "had", "has", "have", "that",
  "which", "who", "said", "from", "to", "for", "as", "after", "before", "during",
]);

/**
 * Finds what was attacked, keyed on the head of the phrase ("the South Korean embassy": an
 * embassy, GOVERNMENT_DIPLOMATIC). Nationality comes from a demonym or a country inside the
 * phrase, a possessive country ("Morocco's embassy") or "of" countries after it ("the embassies
 * of Morocco and South Korea").
 */
export function findTargets(a: AnnotatedDoc): TargetSpan[] {
  lexicon ??= buildLexicon();
  const { words } = a;
  const text = a.doc.clean;
  const targets: TargetSpan[] = [];
  for (const m of lexicon.scan(words)) {
    let first = m.first;
    while (first > 0 && m.first - first < 4) {
      const prev = words[first - 1]!;
      const gap = text.slice(prev.end, words[first]!.start);
      if (!/^[\s']*s?\s*$/.test(gap) && !/^'s\s+$/.test(gap)) break;
      if (PHRASE_EDGE.has(prev.key) || /^\d/.test(prev.key)) break;
      first--;
    }
    const start = words[first]!.start;
    const headStart = words[m.first]!.start;
    const end = words[m.last]!.end;
    const sentence = sentenceAt(a.sentences, start);
    if (sentence < 0) continue;
    targets.push({
      start,
      end,
      text: a.doc.text.slice(start, end),
      sentence,
      type: m.value,
      head: text.slice(headStart, end).toLowerCase(),
      ...nationalities(a, start, end),
    });
  }
  return targets;
}

function nationalities(a: AnnotatedDoc, start: number, end: number): Pick<TargetSpan, "nationalities" | "nationalityEnd"> {
  const text = a.doc.clean;
  const found: string[] = [];
  let nationalityEnd = end;
  const add = (cc: string | null) => {
    if (cc && !found.includes(cc)) found.push(cc);
  };
  for (const p of a.places) {
    if (p.start >= start && p.end <= end && (p.role === "nationality" || p.place.precision === "country")) add(p.place.country);
  }
  // "South Korean, Moroccan embassies": demonyms listed before the phrase share its head.
  let from = start;
  for (let i = a.places.length - 1; i >= 0; i--) {
    const p = a.places[i]!;
    if (p.end > from) continue;
    if (p.role !== "nationality" || !/^\s*(?:,|and|&)\s*$/.test(text.slice(p.end, from))) break;
    add(p.place.country);
    from = p.start;
  }
  // "of Morocco and South Korea", "of the United Arab Emirates": a run of countries after "of".
  const after = /^\s+of\s+(?:the\s+)?/.exec(text.slice(end, end + 12));
  if (after) {
    let at = end + after[0].length;
    for (const p of a.places) {
      if (p.start < at) continue;
      if (p.start - at > 6 || !/^(?:\s*(?:,|and|&)?\s*(?:the\s+)?)$/.test(text.slice(at, p.start))) break;
      if (p.place.precision !== "country") break;
      add(p.place.country);
      at = p.end;
      nationalityEnd = p.end;
    }
  }
  return { nationalities: found, nationalityEnd };
}
