// The shapes that flow one way through Sitrep:
// source document -> Doc -> AnnotatedDoc (layers) -> Mention -> EventRecord.
// Field names of SourceDocument and Mention are fixed by shared/contract/README.md.

/** How a value was obtained: read off the words, worked out from context, or a fallback. */
export type Provenance = "stated" | "inferred" | "defaulted";

/** A document as the contract reads it (one JSONL line). */
export interface SourceDocument {
  id: string;
  text?: string;
  html?: string;
  title?: string;
  url?: string;
  outlet?: string;
  published?: string;
}

/**
 * A document ready for extraction. `text` is what evidence offsets point into (the input text, or
 * the text taken from the HTML). `clean` has exactly the same length: boilerplate is blanked with
 * spaces and markup such as hashtags is neutralised in place, so an offset in `clean` is the same
 * offset in `text` and the map back to the user's words is the identity.
 */
export interface Doc {
  id: string;
  text: string;
  clean: string;
  title?: string;
  url?: string;
  outlet?: string;
  byline?: string;
  /** ISO date (YYYY-MM-DD) of publication, when known. */
  published?: string;
  /** Where `published` came from: the input field, the page's metadata, or a line of the text. */
  publishedFrom?: "given" | "html" | "text";
  /** ISO 639-3 code, when the text is long enough to tell. */
  language?: string;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Sentence extends Span {
  index: number;
}

export type DatePrecision = "day" | "week" | "month" | "year";

/** How much a date's precision says: higher is finer. */
export const DATE_PRECISION_RANK: Record<DatePrecision, number> = { day: 4, week: 3, month: 2, year: 1 };

/**
 * A date or interval. With no publication date a relative date keeps its year unknown: start and
 * end are null and `partial` keeps what is known (month, day, weekday), for the resolver to fill.
 */
export interface DateValue {
  start: string | null;
  end: string | null;
  precision: DatePrecision;
  text: string;
  provenance: Provenance;
  partial?: { month?: number; day?: number; weekday?: number };
  /** Ids of the dated reports of the same event this date (or its year) was taken from. */
  inheritedFrom?: string[];
}

export interface DateSpan extends Span {
  sentence: number;
  value: DateValue;
}

export type PlacePrecision = "point" | "city" | "district" | "admin1" | "country";

/** How much a place's precision says: higher is finer. */
export const PLACE_PRECISION_RANK: Record<PlacePrecision, number> = { point: 5, city: 4, district: 3, admin1: 2, country: 1 };

export interface Place {
  name: string;
  country: string | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  geonameId: number | null;
  precision: PlacePrecision;
  provenance: Provenance;
}

export interface PlaceSpan extends Span {
  sentence: number;
  place: Place;
  /**
   * `location`: a place named; `nationality`: a demonym ("South Korean") naming a country;
   * `reference`: a place a distance is measured from ("130 km southwest of Bogota"), not where
   * anything named happened.
   */
  role: "location" | "nationality" | "reference";
}

export type ActorKind = "organization" | "individual" | "state" | "unknown";

export interface ActorSpan extends Span {
  sentence: number;
  name: string;
  kind: ActorKind;
  /** Canonical name of the parent group, when the codebook gives one. */
  parent?: string;
}

/** A killed or wounded figure. Unknown is absent, never 0. */
export interface Count {
  value: number | null;
  min?: number;
  max?: number;
  text: string;
}

export interface Evidence {
  field: string;
  start: number;
  end: number;
  text: string;
}

export interface Perpetrator {
  name: string;
  kind: ActorKind;
  text: string;
  /** `claimed` by the group itself, `suspected` by others, `stated` as fact by the report. */
  status?: "claimed" | "suspected" | "stated";
}

export interface Target {
  type: string;
  text: string;
  nationality?: string | null;
}

export interface Victim {
  text: string;
  type?: string;
}

export interface Weapon {
  type: string;
  text: string;
}

export interface Claim {
  by: string | null;
  channel: string | null;
  text: string;
}

/** One violent or conflict event as one document reports it (the contract's output line). */
export interface Mention {
  documentId: string;
  id: string;
  date: (DateValue & { provenance: Provenance }) | null;
  location: (Place & { text: string }) | null;
  attackTypes: string[];
  eventType: string | null;
  subEventType: string | null;
  perpetrators: Perpetrator[];
  targets: Target[];
  victims: Victim[];
  weapons: Weapon[];
  killed?: Count;
  wounded?: Count;
  claimed: boolean;
  claim: Claim | null;
  suicide: boolean;
  sentence: string;
  evidence: Evidence[];
  confidence: number;
  /** True when the report mentions the event as context for another (an earlier attack). */
  background?: boolean;
}

/** A mention with what the resolver needs to know of its document. */
export interface SourcedMention extends Mention {
  /** The extractor's own id (the contract's) when `id` is the store's. */
  contractId?: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
}

export type ReconcileRule = "conservative" | "latest";

/** What an analyst decided by hand; kept so re-ingest and re-resolution respect it. */
export type AnalystDecision =
  | { kind: "merge"; mentionIds: string[]; at: string }
  | { kind: "split"; mentionIds: string[]; at: string };

/** What one source said of one field of an event. */
export interface FieldClaim<T = unknown> {
  mentionId: string;
  documentId: string;
  outlet: string | null;
  published: string | null;
  value: T;
}

export interface ResolvedField<T = unknown> {
  value: T;
  /** The rule that chose `value` ("conservative", "latest", "agreement", "precision", ...). */
  rule: string;
  claims: FieldClaim<T>[];
  conflict: boolean;
  provenance: Provenance;
}

export interface EventSource {
  documentId: string;
  mentionId: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
}

/** One real happening, merged from every mention that reports it. */
export interface EventRecord {
  id: string;
  date: DateValue | null;
  location: Place | null;
  attackTypes: string[];
  eventType: string | null;
  subEventType: string | null;
  perpetrators: Perpetrator[];
  targets: Target[];
  weapons: Weapon[];
  killed: number | null;
  wounded: number | null;
  claimed: boolean;
  suicide: boolean;
  summary: string;
  sources: EventSource[];
  /** Field by field: who said what, the value chosen and whether the sources disagree. */
  fields: Record<string, ResolvedField>;
  conflicts: string[];
}
