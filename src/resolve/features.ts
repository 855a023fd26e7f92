import { nameWords } from "../geo/keys.js";
import type { DateValue, SourcedMention } from "../model.js";
import { stopwords } from "./config.js";
import { dayNumber } from "./days.js";

/** What the year-unknown date of a report still says. */
export type PartialDate = NonNullable<DateValue["partial"]>;

/**
 * A mention with what comparing it needs, worked out once: its date as day numbers, its sets of
 * codes and names, and the content words of its sentence.
 */
export interface Features {
  mention: SourcedMention;
  /** The date interval as day numbers, when its year is known. */
  from: number | null;
  to: number | null;
  /** What a year-unknown date says (month, day, weekday), when it says anything. */
  partial: PartialDate | null;
  country: string | null;
  attackTypes: Set<string>;
  targetTypes: Set<string>;
  /** Target nationalities by target type ("GOVERNMENT_DIPLOMATIC" -> {"KR"}). */
  nationalities: Map<string, Set<string>>;
  perpetrators: Set<string>;
  weapons: Set<string>;
  words: Set<string>;
}

/** The code a report gives when it cannot tell (an attack, target or weapon type): no information. */
export const UNKNOWN = "UNKNOWN";

// A mention is compared with many others, often handed over again by the same port; its
// features are worked out once per mention object.
const computed = new WeakMap<SourcedMention, Features>();

export function features(mention: SourcedMention): Features {
  let f = computed.get(mention);
  if (!f) {
    f = computeFeatures(mention);
    computed.set(mention, f);
  }
  return f;
}

function computeFeatures(mention: SourcedMention): Features {
  const date = mention.date;
  const from = date?.start ? dayNumber(date.start) : null;
  const end = from !== null && date?.end ? dayNumber(date.end) : null;
  const to = from === null ? null : Math.max(from, end ?? from);
  const partial = from === null && date?.partial && hasAny(date.partial) ? date.partial : null;
  return {
    mention,
    from,
    to,
    partial,
    country: mention.location?.country ?? null,
    attackTypes: codeSet(mention.attackTypes),
    targetTypes: codeSet(mention.targets.map((t) => t.type)),
    nationalities: nationalitiesByType(mention),
    perpetrators: new Set(mention.perpetrators.filter((p) => p.kind !== "unknown").map((p) => p.name.toLowerCase())),
    weapons: codeSet(mention.weapons.map((w) => w.type)),
    words: contentWords(mention.sentence),
  };
}

/** The words of a sentence that can tell one happening from another. */
export function contentWords(sentence: string): Set<string> {
  const skip = stopwords();
  return new Set(nameWords(sentence).filter((w) => w.length > 2 && !skip.has(w)));
}

function nationalitiesByType(mention: SourcedMention): Map<string, Set<string>> {
  const byType = new Map<string, Set<string>>();
  for (const t of mention.targets) {
    if (!t.nationality) continue;
    const set = byType.get(t.type);
    if (set) set.add(t.nationality);
    else byType.set(t.type, new Set([t.nationality]));
  }
  return byType;
}

function codeSet(codes: string[]): Set<string> {
  return new Set(codes.filter((c) => c && c !== UNKNOWN));
}

/** A mention that says nothing of when, not even a weekday: it is never linked to another. */
export function isUndated(m: Pick<SourcedMention, "date">): boolean {
  return !m.date?.start && !(m.date?.partial && hasAny(m.date.partial));
}

function hasAny(p: PartialDate): boolean {
  return p.month != null || p.day != null || p.weekday != null;
}
