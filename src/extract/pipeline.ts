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

const triggersStage = (a: AnnotatedDoc) => (a.triggers = findTriggers(a));

/**
 * The stages, in order. Each reads the document and the layers before it and returns the layer
 * it adds; none changes another's layer. The triggers come early: a document without one reports
 * no event, and extraction stops there (see `annotate`).
 */
const stages: ((a: AnnotatedDoc, opts: ExtractOptions) => void)[] = [
  (a) => (a.sentences = splitSentences(a.doc)),
  triggersStage,
  (a) => (a.dates = findDates(a.doc, a.sentences)),
  (a, opts) => (a.places = findPlaces(a.doc, a.sentences, opts.region ? { region: opts.region } : {})),
  (a) => (a.actors = findActors(a)),
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
  const a = annotate(doc, opts, { eventsOnly: true });
  return { doc: a.doc, mentions: a.triggers.length === 0 ? [] : assembleMentions(a) };
}

/**
 * Runs every stage but the last: the document with all its layers. With `eventsOnly`, a document
 * with no trigger is not read past the triggers: every mention grows from one, so no other layer
 * could change what it reports (news feeds carry far more such articles than reports of violence).
 */
export function annotate(doc: Doc, opts: ExtractOptions = {}, { eventsOnly = false } = {}): AnnotatedDoc {
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
  for (const stage of stages) {
    stage(a, opts);
    if (eventsOnly && stage === triggersStage && a.triggers.length === 0) break;
  }
  return a;
}
