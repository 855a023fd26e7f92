import { perCodebook } from "../codebook/load.js";
import type { Codebook } from "../codebook/schema.js";
import type { AnnotatedDoc, ClaimSpan } from "./annotated.js";
import { compilePatterns, findAll, sentenceAt, type PatternSet } from "./patterns.js";

interface ClaimsCodebook {
  claim: string[];
  denial: string[];
  suspicion: string[];
  channels: Record<string, string>;
}

interface Compiled {
  kinds: ClaimSpan["kind"][];
  patterns: PatternSet;
  channels: string[];
  channelPatterns: PatternSet;
}

const compiledOf = perCodebook((codebook): Compiled => {
  const book: ClaimsCodebook = codebook.claims;
  return {
    // Denials first: "denied claiming responsibility" is a denial, not a claim.
    kinds: ["denial", "claim", "suspicion"],
    patterns: compilePatterns([book.denial, book.claim, book.suspicion]),
    channels: Object.keys(book.channels),
    channelPatterns: compilePatterns(Object.values(book.channels).map((p) => [p])),
  };
});

/** Finds claims of responsibility (with the channel the sentence names), denials and suspicions. */
export function findClaims(a: AnnotatedDoc, codebook: Codebook): ClaimSpan[] {
  const compiled = compiledOf(codebook);
  const text = a.doc.clean;
  const spans: ClaimSpan[] = [];
  for (const s of findAll(compiled.patterns, text)) {
    const sentence = sentenceAt(a.sentences, s.start);
    if (sentence < 0) continue;
    const kind = compiled.kinds[s.tag]!;
    const span: ClaimSpan = { start: s.start, end: s.end, text: a.doc.text.slice(s.start, s.end), sentence, kind };
    if (kind === "claim") {
      const sent = a.sentences[sentence]!;
      const hit = findAll(compiled.channelPatterns, text, sent.start, sent.end)[0];
      if (hit) {
        span.channel = compiled.channels[hit.tag]!;
        span.channelSpan = { start: hit.start, end: hit.end, text: a.doc.text.slice(hit.start, hit.end) };
      }
    }
    spans.push(span);
  }
  return spans.sort((x, y) => x.start - y.start);
}
