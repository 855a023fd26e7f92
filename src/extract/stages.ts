import { findPlaces } from "../geo/index.js";
import { findActors } from "./actors.js";
import { publicationDate } from "./annotated.js";
import { findClaims } from "./claims.js";
import { findDates, findPublicationDate } from "./dates/index.js";
import { splitSentences } from "./sentences.js";
import { stage } from "./stage.js";
import { findTargets } from "./targets.js";
import { findTriggers } from "./triggers.js";
import { findWeapons } from "./weapons.js";
import { isAllCaps, tokenizeWords } from "./words.js";

// The stages in the order they run, each after the layers it requires. The triggers come early: a
// document without one reports no event, and extraction stops there.

const dateline = stage({
  name: "dateline",
  requires: [],
  assigns: "dateline",
  run: ({ doc }, codebook) => {
    const found = findPublicationDate(doc.clean, codebook);
    return found && { start: found.start, end: found.end, text: doc.text.slice(found.start, found.end), date: found.date };
  },
});

const allCaps = stage({ name: "case", requires: [], assigns: "allCaps", run: ({ doc }) => isAllCaps(doc.clean) });

const words = stage({ name: "words", requires: [], assigns: "words", run: ({ doc }) => tokenizeWords(doc.clean) });

const sentences = stage({ name: "sentences", requires: [], assigns: "sentences", run: ({ doc }, codebook) => splitSentences(doc, codebook) });

const triggers = stage({
  name: "triggers",
  requires: ["sentences"],
  assigns: "triggers",
  run: (a, codebook) => findTriggers(a, codebook),
  final: (found) => found.length === 0,
});

const dates = stage({
  name: "dates",
  requires: ["sentences", "dateline"],
  assigns: "dates",
  run: (a, codebook) => findDates(a.doc, a.sentences, publicationDate(a), codebook),
});

const places = stage({
  name: "places",
  requires: ["sentences"],
  assigns: "places",
  run: (a, codebook, opts) => findPlaces(a.doc, a.sentences, codebook, opts.region ? { region: opts.region } : {}),
});

const actors = stage({ name: "actors", requires: ["words", "sentences", "allCaps", "places"], assigns: "actors", run: (a, codebook) => findActors(a, codebook) });

const targets = stage({ name: "targets", requires: ["words", "sentences", "places"], assigns: "targets", run: (a, codebook) => findTargets(a, codebook) });

const weapons = stage({ name: "weapons", requires: ["sentences"], assigns: "weapons", run: (a, codebook) => findWeapons(a, codebook) });

const claims = stage({ name: "claims", requires: ["sentences"], assigns: "claims", run: (a, codebook) => findClaims(a, codebook) });

export const STAGES = [dateline, allCaps, words, sentences, triggers, dates, places, actors, targets, weapons, claims] as const;
