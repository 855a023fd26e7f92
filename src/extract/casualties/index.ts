import type { Codebook } from "../../codebook/schema.js";
import type { Count, Doc } from "../../model.js";
import type { AnnotatedDoc } from "../annotated.js";
import { findClauses, isAdditional, type Finding } from "./clauses.js";
import { casualtyLexicon, type CasualtyLexicon, type Role } from "./lexicon.js";
import { tokenize, type Token } from "./tokens.js";

/**
 * A figure with the words that carry it: `text` is `doc.text.slice(start, end)`. `additional`: it
 * adds to a figure told before ("two guards were also killed").
 */
export type CountSpan = Count & { start: number; end: number; additional?: true };

export interface CasualtyFigure extends CountSpan {
  role: "killed" | "wounded";
}

/** Who was harmed, as the words name them ("two police officers"). */
export interface VictimSpan {
  text: string;
  start: number;
  end: number;
  role: Role;
  /** A person told by name ("the murder of Hector Alvarado"), not by a count. */
  named: boolean;
}

/**
 * The figures a sentence states. `killed` and `wounded` are the first of each in the sentence;
 * `figures` lists them all in order, for a sentence that reports two events ("no casualties at
 * the first embassy; two guards were killed at the second").
 */
export interface CasualtyFigures {
  killed?: CountSpan;
  wounded?: CountSpan;
  victims: VictimSpan[];
  figures: CasualtyFigure[];
}

/**
 * What the reader needs of a document: its text, its words, and whether it is written in capitals
 * (told from the whole document: a short sentence says too little about case).
 */
export type CasualtySource = Pick<AnnotatedDoc, "doc" | "words" | "allCaps">;

function span(doc: Doc, t: readonly Token[], first: number, end: number) {
  const start = t[first]!.start;
  const stop = t[end - 1]!.end;
  return { start, end: stop, text: doc.text.slice(start, stop) };
}

function figureOf(doc: Doc, t: readonly Token[], f: Finding, lex: CasualtyLexicon): CasualtyFigure {
  return {
    role: f.role as CasualtyFigure["role"],
    ...span(doc, t, f.first, f.end),
    value: f.value,
    ...(f.min !== undefined ? { min: f.min } : {}),
    ...(f.max !== undefined ? { max: f.max } : {}),
    ...(isAdditional(t, f, lex) ? { additional: true as const } : {}),
  };
}

/** Who was harmed, as the words name them: "two police officers", "21 Egyptian Coptic Christians". */
function victimsOf(doc: Doc, t: readonly Token[], f: Finding): VictimSpan[] {
  return f.groups
    .filter((g) => g.named || (g.quantity && g.nounEnd > g.quantity.end))
    .map((g) => ({ ...span(doc, t, g.first, g.nounEnd), role: f.role, named: g.named === true }));
}

/**
 * Casualty figures stated in one sentence, offsets into `doc.text`. Unknown stays absent; "no one
 * was hurt" is 0 killed and 0 wounded; a count of a subset ("five of them foreigners", "no Korean
 * nationals were injured") is not the event's figure. Figures of another event in the same
 * sentence are still figures of the sentence: the assembler decides where they belong.
 */
export function findCasualties(a: CasualtySource, sentence: { start: number; end: number }, codebook: Codebook): CasualtyFigures {
  const { doc } = a;
  const lex = casualtyLexicon(codebook);
  const figures: CasualtyFigure[] = [];
  const victims: VictimSpan[] = [];
  if (!lex.mayReport.test(doc.clean.slice(sentence.start, sentence.end))) return { figures, victims };
  const t = tokenize(doc.clean, a.words, sentence.start, sentence.end);
  for (const f of findClauses(t, a.allCaps, lex)) {
    if (f.role === "killed" || f.role === "wounded") figures.push(figureOf(doc, t, f, lex));
    victims.push(...victimsOf(doc, t, f));
  }
  const result: CasualtyFigures = { figures, victims };
  const killed = firstWithAdditions(figures, "killed");
  const wounded = firstWithAdditions(figures, "wounded");
  if (killed) result.killed = killed;
  if (wounded) result.wounded = wounded;
  return result;
}

/**
 * The sentence's first figure of a role, with the exact figures told after it as additions ("the
 * minister was shot dead in an attack in which two of his guards were also killed" is 3).
 */
function firstWithAdditions(figures: CasualtyFigure[], role: CasualtyFigure["role"]): CountSpan | undefined {
  const i = figures.findIndex((f) => f.role === role);
  if (i < 0) return undefined;
  const { role: _role, ...first } = figures[i]!;
  if (first.value === null || first.min !== undefined) return first;
  let value = first.value;
  for (const f of figures.slice(i + 1)) if (f.role === role && f.additional && f.value !== null && f.min === undefined) value += f.value;
  return { ...first, value };
}
