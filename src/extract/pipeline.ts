import { prepareDocument } from "../document/prepare.js";
import { findPlaces } from "../geo/index.js";
import type { Doc, Mention, SourceDocument } from "../model.js";
import { findActors } from "./actors.js";
import type { AnnotatedDoc, ExtractOptions } from "./annotated.js";
import { assembleMentions } from "./assemble/index.js";
import { findClaims } from "./claims.js";
import { findDates, findPublicationDate } from "./dates/index.js";
import { splitSentences } from "./sentences.js";
import { findTargets } from "./targets.js";
import { findTriggers } from "./triggers.js";
import { findWeapons } from "./weapons.js";
import { isAllCaps, tokenizeWords } from "./words.js";

export interface Extraction {
  doc: Doc;
  mentions: Mention[];
}

/**
 * The stages, in order. Each reads the document and the layers before it and returns the layer
 * it adds; none changes another's layer.
 */
const stages: ((a: AnnotatedDoc, opts: ExtractOptions) => void)[] = [
  (a) => (a.sentences = splitSentences(a.doc)),
  (a) => (a.dates = findDates(a.doc, a.sentences)),
  (a, opts) => (a.places = findPlaces(a.doc, a.sentences, opts.region ? { region: opts.region } : {})),
  (a) => (a.actors = findActors(a)),
  (a) => (a.triggers = findTriggers(a)),
  (a) => (a.targets = findTargets(a)),
  (a) => (a.weapons = findWeapons(a)),
  (a) => (a.claims = findClaims(a)),
];

/** Reads one document and returns its clean form and the events it reports. */
export function extractDocument(src: SourceDocument, opts: ExtractOptions = {}): Extraction {
  return extractPrepared(prepareDocument(src), opts);
}

/** The events of a document `prepareDocument` has read already. */
export function extractPrepared(doc: Doc, opts: ExtractOptions = {}): Extraction {
  const a = annotate(doc, opts);
  return { doc: a.doc, mentions: assembleMentions(a) };
}

/** Runs every stage but the last: the document with all its layers. */
export function annotate(doc: Doc, opts: ExtractOptions = {}): AnnotatedDoc {
  const dateline = findPublicationDate(doc.clean);
  if (dateline && !doc.published) {
    doc.published = dateline.date;
    doc.publishedFrom = "text";
  }
  const a: AnnotatedDoc = {
    doc,
    allCaps: isAllCaps(doc.clean),
    dateline: dateline ? { start: dateline.start, end: dateline.end, text: doc.text.slice(dateline.start, dateline.end) } : null,
    words: tokenizeWords(doc.clean),
    sentences: [],
    dates: [],
    places: [],
    actors: [],
    triggers: [],
    targets: [],
    weapons: [],
    claims: [],
  };
  for (const stage of stages) stage(a, opts);
  return a;
}
