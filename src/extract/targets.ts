import { perCodebook } from "../codebook/load.js";
import type { Codebook } from "../codebook/schema.js";
import type { AnnotatedDoc, TargetSpan } from "./annotated.js";
import { isSpace, sentenceAt } from "./patterns.js";
import { PhraseLexicon } from "./phrase-lexicon.js";

interface Compiled {
  lexicon: PhraseLexicon<string>;
  /** Words that end a target phrase on its left. */
  edges: Set<string>;
}

const compiledOf = perCodebook((codebook): Compiled => {
  const book = codebook.targets;
  const lexicon = new PhraseLexicon<string>();
  for (const [type, heads] of Object.entries(book.targets)) for (const h of heads) lexicon.add(h, type);
  return { lexicon, edges: new Set(book.phraseEdges) };
});

/**
 * Finds what was attacked, keyed on the head of the phrase ("the South Korean embassy": an
 * embassy, GOVERNMENT_DIPLOMATIC). Nationality comes from a demonym or a country inside the
 * phrase, a possessive country ("Morocco's embassy") or "of" countries after it ("the embassies
 * of Morocco and South Korea").
 */
export function findTargets(a: AnnotatedDoc, codebook: Codebook): TargetSpan[] {
  const { lexicon, edges } = compiledOf(codebook);
  const { words } = a;
  const text = a.doc.clean;
  const targets: TargetSpan[] = [];
  for (const m of lexicon.scan(words)) {
    let first = m.first;
    while (first > 0 && m.first - first < 4) {
      const prev = words[first - 1]!;
      if (!joins(text, prev.end, words[first]!.start)) break;
      const lead = prev.key.charCodeAt(0);
      if (edges.has(prev.key) || (lead >= 48 && lead <= 57)) break;
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

/**
 * Whether the text between two words leaves them in one phrase: spaces and apostrophes, an "s"
 * (a possessive), spaces; what /^[\s']*s?\s*$/ accepts, without cutting the gap out of the text.
 */
function joins(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 39)) i++;
  if (i < to && text.charCodeAt(i) === 115) i++;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i === to;
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
  // Most phrases are followed by no "of": a look at the first letter after the spaces spares them
  // the expression.
  let next = end;
  while (next < end + 12 && isSpace(text.charCodeAt(next))) next++;
  const after = next > end && text.charCodeAt(next) === 111 ? /^\s+of\s+(?:the\s+)?/.exec(text.slice(end, end + 12)) : null;
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
