import type { Codebook } from "../codebook/schema.js";
import type { ActorSpan, DateSpan, Doc, PlaceSpan, Sentence, Span } from "../model.js";
import type { Word } from "./words.js";

/** A trigger word or phrase, with what its codebook entry says. */
export interface TriggerSpan extends Span {
  sentence: number;
  name: string;
  attackType: string;
  eventType: string;
  subEventType: string;
  byTarget?: Record<string, [string, string]>;
  byState?: [string, string];
  /** ACLED's codes when a crowd does it (supporters who clash are rioters); such words need no other support. */
  byCrowd?: [string, string];
  weapon?: string;
  suicide: boolean;
  weak: boolean;
  anaphoric: boolean;
  stateAction: boolean;
  yields?: string;
  /** The attack type when nothing else in the event says how it was done ("murdered": an armed assault). */
  otherwise?: string;
  /** A kind of happening told apart from attacks of other kinds ("beheading"). */
  happening?: string;
  /** The words tell what follows violence (an arrest, a surrender): news only where the report tells no violence. */
  sequel: boolean;
  /** Why the trigger reports no event (a threat, a plan, a foiled plot), when it does not. */
  cancelledBy?: string;
}

export interface TargetSpan extends Span {
  sentence: number;
  type: string;
  /** The head words that chose the type ("embassy"). */
  head: string;
  nationalities: string[];
  /** Where the phrase's trailing "of <countries>" ends (or `end`): those places name owners, not where. */
  nationalityEnd: number;
}

export interface WeaponSpan extends Span {
  sentence: number;
  type: string;
}

export interface ClaimSpan extends Span {
  sentence: number;
  kind: "claim" | "denial" | "suspicion";
  /** How the claim was made, when the sentence says ("Twitter", "statement"). */
  channel?: string;
  channelSpan?: Span;
}

/** The date line at the top ("SAN SALVADOR, 3 JAN 90 --"): the report's date, not an event's. */
export interface Dateline extends Span {
  /** The day it gives, ISO. */
  date: string;
}

/**
 * The layers the extraction stages add, one stage a layer. Stages never change a layer another
 * stage wrote; the assembler reads them all and writes mentions.
 */
export interface Layers {
  dateline: Dateline | null;
  /** True for text written in capitals (old wire copy): case carries no signal there. */
  allCaps: boolean;
  words: Word[];
  sentences: Sentence[];
  dates: DateSpan[];
  places: PlaceSpan[];
  actors: ActorSpan[];
  triggers: TriggerSpan[];
  targets: TargetSpan[];
  weapons: WeaponSpan[];
  claims: ClaimSpan[];
}

/** A document with its layers. */
export interface AnnotatedDoc extends Layers {
  doc: Doc;
}

export interface ExtractOptions {
  /** ISO alpha-2 country that a deployment watches: ambiguous places prefer it. */
  region?: string;
  /** The codebook to read with (a test's small one, a deployment's copy); the active one when absent. */
  codebook?: Codebook;
  /** Stages switched off by name (`--disable claims`): their layers stay empty. */
  disable?: readonly string[];
}

/** The day the report was published: the one given with it, else its date line's. */
export function publicationDate(a: Pick<AnnotatedDoc, "doc" | "dateline">): string | undefined {
  return a.doc.published || a.dateline?.date;
}
