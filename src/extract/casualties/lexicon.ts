import { perCodebook } from "../../codebook/load.js";
import type { CasualtiesFile, Codebook } from "../../codebook/schema.js";
import { numbersOf, type Numbers } from "./quantity.js";
import { PhraseSet } from "./tokens.js";

export type Role = "killed" | "wounded" | "kidnapped" | "other";
type Form = "passive" | "intransitive" | "adjectives" | "active" | "nouns" | "tolls";
const FORMS: Form[] = ["passive", "intransitive", "adjectives", "active", "nouns", "tolls"];

/** Which figures a zero word sets: "no one was hurt" both, "no one was killed" the killed. */
export type ZeroScope = "both" | "killed" | "wounded";

export interface CasualtyLexicon {
  forms: Record<Form, PhraseSet<Role>>;
  /** Words opening the agent or means between a killing noun and its "of" ("by"). */
  nounAgents: Set<string>;
  tollLinks: Set<string>;
  fillers: Set<string>;
  auxiliaries: Set<string>;
  reducedFollowers: Set<string>;
  phraseEnds: Set<string>;
  clauseBreaks: Set<string>;
  /** Marks in the gap between two words that close a clause. */
  clausePunctuation: RegExp;
  relativePronouns: Set<string>;
  notPeople: Set<string>;
  singularSubjects: Set<string>;
  singularDeterminers: Set<string>;
  /** Killing nouns that tell one person's death after the person's name in the possessive. */
  ownedKillings: Set<string>;
  /** Plurals without the final s: a phrase ending in one is people counted, not a person named. */
  irregularPlurals: Set<string>;
  perpetrators: PhraseSet<true>;
  subsetBefore: PhraseSet<true>;
  subsetAfter: PhraseSet<true>;
  /** Words that make a figure an addition to one told before ("two guards were also killed"). */
  additive: Set<string>;
  zeroSubjects: PhraseSet<true>;
  zeroDeterminers: Set<string>;
  zeroFillers: Set<string>;
  zeroWords: Map<string, ZeroScope>;
  /** Every first word of a harm phrase: a clause about harm starts there. */
  harmWords: Set<string>;
  /** Every word a zero, an active verb, a noun of harm or a toll starts with: most words start none. */
  clauseStarts: Set<string>;
  /** Cheap test that a sentence can report a casualty at all. */
  mayReport: RegExp;
  numbers: Numbers;
}

export const casualtyLexicon: (book: Codebook) => CasualtyLexicon = perCodebook((book) => build(book.casualties, book.clauses, numbersOf(book)));

/** codebook/clauses.yaml: where a clause ends inside a sentence. */
export interface ClausesBook {
  punctuation: string[];
  words: string[];
  relativePronouns: string[];
}

/** Any of the marks, as one expression. */
export function punctuationPattern(marks: readonly string[]): string {
  return [...marks].sort((a, b) => b.length - a.length).map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
}

function build(book: CasualtiesFile, clauses: ClausesBook, numbers: Numbers): CasualtyLexicon {
  const forms = {} as Record<Form, PhraseSet<Role>>;
  for (const form of FORMS) {
    const entries: [string, Role][] = [];
    for (const [role, lists] of Object.entries(book.roles) as [Role, Partial<Record<Form, string[]>>][]) {
      for (const phrase of lists[form] ?? []) entries.push([phrase, role]);
    }
    forms[form] = new PhraseSet(entries);
  }
  const harmWords = new Set(FORMS.flatMap((f) => forms[f].firstWords()));
  const zeroWords = new Map(Object.entries(book.zero.words));
  const zeroSubjects = PhraseSet.of(book.zero.subjects);
  const clauseStarts = new Set([
    ...zeroSubjects.firstWords(),
    ...book.zero.determiners,
    ...(["active", "nouns", "tolls"] as const).flatMap((f) => forms[f].firstWords()),
  ]);
  const triggers = [...harmWords, ...zeroWords.keys(), "no", "none", "nobody", "without"];
  return {
    forms,
    nounAgents: new Set(book.nounAgents),
    singularSubjects: new Set(book.singularSubjects),
    singularDeterminers: new Set(book.singularDeterminers),
    ownedKillings: new Set(book.ownedKillings),
    irregularPlurals: new Set(book.irregularPlurals),
    tollLinks: new Set(book.tollLinks),
    fillers: new Set(book.fillers),
    auxiliaries: new Set(book.auxiliaries),
    reducedFollowers: new Set(book.reducedFollowers),
    phraseEnds: new Set(book.phraseEnds),
    clauseBreaks: new Set(clauses.words),
    clausePunctuation: new RegExp(punctuationPattern(clauses.punctuation)),
    relativePronouns: new Set(clauses.relativePronouns),
    notPeople: new Set(book.notPeople),
    perpetrators: PhraseSet.of(book.perpetrators),
    subsetBefore: PhraseSet.of(book.subsetBefore),
    subsetAfter: PhraseSet.of(book.subsetAfter),
    additive: new Set(book.additive),
    zeroSubjects,
    zeroDeterminers: new Set(book.zero.determiners),
    zeroFillers: new Set(book.zero.nounFillers),
    zeroWords,
    harmWords,
    clauseStarts,
    mayReport: new RegExp(`\\b(?:${triggers.map((w) => w.replace(/[^a-z0-9]/g, "")).join("|")})`, "i"),
    numbers,
  };
}
