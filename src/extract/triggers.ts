import { perCodebook } from "../codebook/load.js";
import type { Codebook } from "../codebook/schema.js";
import type { AnnotatedDoc, TriggerSpan } from "./annotated.js";
import { punctuationPattern, type ClausesBook } from "./casualties/lexicon.js";
import { compilePatterns, findAll, isSpace, sentenceAt, type PatternSet, type TaggedSpan } from "./patterns.js";

/** An entry of codebook/triggers.yaml. */
type TriggerEntry = Pick<TriggerSpan, "name" | "attackType" | "eventType" | "subEventType" | "byTarget" | "byState" | "byCrowd" | "weapon" | "yields" | "otherwise" | "happening"> &
  Partial<Pick<TriggerSpan, "suicide" | "weak" | "anaphoric" | "stateAction" | "sequel">> & { patterns: string[] };

interface ModalityCue {
  name: string;
  before?: number;
  after?: number;
  patterns: string[];
}

/** What a trigger takes from its entry, in the order a span lists it. */
type EntryFields = Omit<TriggerSpan, "start" | "end" | "text" | "sentence" | "cancelledBy">;

interface Compiled {
  entries: EntryFields[];
  patterns: PatternSet;
  cues: ModalityCue[];
  cuePatterns: PatternSet;
  determiners: Set<string>;
  clauseBreak: RegExp;
  genericPlural: RegExp;
  massNouns: Set<string>;
}

const compiledOf = perCodebook((codebook): Compiled => {
  const triggers: TriggerEntry[] = codebook.triggers.triggers;
  const modality = codebook.modality;
  const clauses: ClausesBook = codebook.clauses;
  return {
    // Once per entry rather than per trigger found.
    entries: triggers.map((entry) => ({
      name: entry.name,
      attackType: entry.attackType,
      eventType: entry.eventType,
      subEventType: entry.subEventType,
      ...(entry.byTarget ? { byTarget: entry.byTarget } : {}),
      ...(entry.byState ? { byState: entry.byState } : {}),
      ...(entry.byCrowd ? { byCrowd: entry.byCrowd } : {}),
      ...(entry.weapon ? { weapon: entry.weapon } : {}),
      ...(entry.yields ? { yields: entry.yields } : {}),
      ...(entry.otherwise ? { otherwise: entry.otherwise } : {}),
      ...(entry.happening ? { happening: entry.happening } : {}),
      suicide: entry.suicide ?? false,
      weak: entry.weak ?? false,
      anaphoric: entry.anaphoric ?? false,
      stateAction: entry.stateAction ?? false,
      sequel: entry.sequel ?? false,
    })),
    patterns: compilePatterns(triggers.map((t) => t.patterns)),
    cues: modality.cues,
    cuePatterns: compilePatterns(modality.cues.map((c) => c.patterns)),
    determiners: new Set(modality.determiners),
    // A line break inside a sentence is where hard-wrapped text wraps (elsewhere a line ends its
    // sentence): it ends no clause. The words open a clause in text written in capitals too.
    clauseBreak: new RegExp(`${punctuationPattern(clauses.punctuation)}|,\\s+(?:${clauses.words.join("|")})(?![\\p{L}])`, "giu"),
    genericPlural: new RegExp(`(?:${modality.pluralEndings.join("|")})$`, "i"),
    massNouns: new Set(modality.massNouns),
  };
});


/**
 * Finds the words that report violence. Where entries could match the same words, the earlier
 * entry of the codebook wins (specific entries are listed before generic ones). A trigger in the
 * scope of a threat, plan, hypothetical or foiled plot is kept but marked `cancelledBy`.
 */
export function findTriggers(a: AnnotatedDoc, codebook: Codebook): TriggerSpan[] {
  const compiled = compiledOf(codebook);
  const text = a.doc.clean;
  const found: TriggerSpan[] = [];
  for (const span of findAll(compiled.patterns, text)) {
    const sentence = sentenceAt(a.sentences, span.start);
    if (sentence < 0) continue;
    found.push({ start: span.start, end: span.end, text: a.doc.text.slice(span.start, span.end), sentence, ...compiled.entries[span.tag]! });
  }
  let cuesOf = { sentence: -1, cues: [] as TaggedSpan[] };
  for (const t of found) {
    if (cuesOf.sentence !== t.sentence) {
      const s = a.sentences[t.sentence]!;
      cuesOf = { sentence: t.sentence, cues: findAll(compiled.cuePatterns, text, s.start, s.end) };
    }
    const reason = modality(a, t, cuesOf.cues, compiled);
    if (reason) t.cancelledBy = reason;
  }
  // An arrest or a surrender is the news of a report that leads with it and tells no violence:
  // beside an attack it is the attack's sequel, further down the report a detail of its story.
  const violence = found.some((t) => !t.sequel && !t.cancelledBy);
  for (const t of found) if (t.sequel && (violence || t.sentence > 0)) t.cancelledBy ??= "sequel";
  return found;
}

/** Why `t` reports no event, if it does not: a cue in its clause, or a generic plural or mass noun. */
function modality(a: AnnotatedDoc, t: TriggerSpan, cues: TaggedSpan[], compiled: Compiled): string | undefined {
  const sentence = a.sentences[t.sentence]!;
  const text = a.doc.clean;
  // Headlines drop their articles ("Militants Claim Attacks on Embassies"): the rule is for prose.
  const headline = !/[.!?"”'’)]$/.test(sentence.text);
  const mass = compiled.massNouns.has(t.text.toLowerCase());
  if (!headline && (compiled.genericPlural.test(t.text) || mass) && !/\s/.test(t.text)) {
    const before = text.slice(Math.max(sentence.start, t.start - 40), t.start).toLowerCase().split(/[^\p{L}\d]+/u).filter(Boolean).slice(-2);
    // A gerund with a counted object is a verb: "accused of kidnapping some 30 peasants" (a year
    // after it is no count: "renounced kidnapping in 2012").
    const after = mass ? text.slice(t.end, Math.min(sentence.end, t.end + 40)).toLowerCase().split(/[^\p{L}\d]+/u).filter(Boolean).slice(0, 2) : [];
    const counted = before.some((w) => compiled.determiners.has(w) || /^\d/.test(w)) || after.some((w) => compiled.determiners.has(w) || /^\d{1,3}$/.test(w));
    if (!counted) return "generic plural";
  }
  if (cues.length === 0) return undefined;
  const clauseStart = lastBreak(text, sentence.start, t.start, compiled.clauseBreak);
  const clauseEnd = nextBreak(text, t.end, sentence.end, compiled.clauseBreak);
  for (const c of cues) {
    const cue = compiled.cues[c.tag]!;
    if (cue.before && c.end <= t.start && c.start >= Math.max(clauseStart, wordsBack(text, t.start, cue.before, clauseStart))) return cue.name;
    if (cue.after && c.start >= t.end && c.end <= Math.min(clauseEnd, wordsForward(text, t.end, cue.after))) return cue.name;
  }
  return undefined;
}

function lastBreak(text: string, from: number, to: number, clauseBreak: RegExp): number {
  let at = from;
  clauseBreak.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = clauseBreak.exec(text)) !== null && m.index < to) at = m.index + m[0].length;
  return at;
}

function nextBreak(text: string, from: number, to: number, clauseBreak: RegExp): number {
  clauseBreak.lastIndex = from;
  const m = clauseBreak.exec(text);
  return m && m.index < to ? m.index : to;
}

/** The offset `n` words before `offset`, not before `floor`. */
function wordsBack(text: string, offset: number, n: number, floor: number): number {
  let i = offset;
  let words = 0;
  while (i > floor && words < n) {
    i--;
    while (i > floor && isSpace(text.charCodeAt(i))) i--;
    while (i > floor && !isSpace(text.charCodeAt(i - 1))) i--;
    words++;
  }
  return i;
}

const NON_SPACE_RUN = /\S+/g;

function wordsForward(text: string, offset: number, n: number): number {
  NON_SPACE_RUN.lastIndex = offset;
  let end = offset;
  for (let k = 0; k < n; k++) {
    const m = NON_SPACE_RUN.exec(text);
    if (!m) break;
    end = m.index + m[0].length;
  }
  return end;
}
