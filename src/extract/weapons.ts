import { loadCodebook } from "../codebook/load.js";
import type { AnnotatedDoc, WeaponSpan } from "./annotated.js";
import { compilePatterns, findAll, sentenceAt, type PatternSet } from "./patterns.js";

let compiled: { types: string[]; patterns: PatternSet } | null = null;

/** Finds the instruments named in the text ("machine guns": FIREARMS; "car bomb": EXPLOSIVES). */
export function findWeapons(a: AnnotatedDoc): WeaponSpan[] {
  if (!compiled) {
    const book = Object.entries(loadCodebook<{ weapons: Record<string, string[]> }>("weapons").weapons);
    compiled = { types: book.map(([type]) => type), patterns: compilePatterns(book.map(([, patterns]) => patterns)) };
  }
  const spans: WeaponSpan[] = [];
  for (const s of findAll(compiled.patterns, a.doc.clean)) {
    const sentence = sentenceAt(a.sentences, s.start);
    if (sentence >= 0) spans.push({ start: s.start, end: s.end, text: a.doc.text.slice(s.start, s.end), sentence, type: compiled.types[s.tag]! });
  }
  return spans;
}
