import { perCodebook } from "../codebook/load.js";
import type { Codebook } from "../codebook/schema.js";
import type { AnnotatedDoc, WeaponSpan } from "./annotated.js";
import { compilePatterns, findAll, sentenceAt, type PatternSet } from "./patterns.js";

const compiledOf = perCodebook((codebook): { types: string[]; patterns: PatternSet } => {
  const book = Object.entries(codebook.weapons.weapons);
  return { types: book.map(([type]) => type), patterns: compilePatterns(book.map(([, patterns]) => patterns)) };
});

/** Finds the instruments named in the text ("machine guns": FIREARMS; "car bomb": EXPLOSIVES). */
export function findWeapons(a: AnnotatedDoc, codebook: Codebook): WeaponSpan[] {
  const compiled = compiledOf(codebook);
  const spans: WeaponSpan[] = [];
  for (const s of findAll(compiled.patterns, a.doc.clean)) {
    const sentence = sentenceAt(a.sentences, s.start);
    if (sentence >= 0) spans.push({ start: s.start, end: s.end, text: a.doc.text.slice(s.start, s.end), sentence, type: compiled.types[s.tag]! });
  }
  return spans;
}
