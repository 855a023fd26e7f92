import { countValue, type Field } from "./fields.js";
import type { GoldEvent } from "./gold.js";
import type { Prediction } from "./prediction.js";
import type { Outcome, Score } from "./score.js";

/** A field of a paired event that the prediction got wrong, with the words the value came from. */
export interface Disagreement {
  documentId: string;
  goldId: string;
  goldLine: number;
  mentionId: string | null;
  field: Field;
  gold: string;
  predicted: string;
  /** The words of the document the predicted value was read from, when the mention cites them. */
  evidence: string | null;
  sentence: string | null;
}

/** A required gold event that no prediction pairs with. */
export interface Miss {
  documentId: string;
  goldId: string;
  goldLine: number;
  gold: string;
}

/** A prediction that pairs with no gold event and counts against precision. */
export interface Unpaired {
  documentId: string;
  mentionId: string | null;
  type: string;
  sentence: string | null;
}

// Which of a mention's evidence entries holds the words of each scored field.
const evidenceField: Record<Field, string> = {
  date: "date",
  location: "location",
  attackType: "attackType",
  perpetrator: "perpetrators",
  eventType: "attackType",
  subEventType: "attackType",
  targetType: "targets",
  weapon: "weapons",
  killed: "killed",
  wounded: "wounded",
  claimed: "claimed",
  suicide: "attackType",
};

const NONE = "(none)";
const alternatives = (values: string[] | undefined) => (values?.length ? values.join(" | ") : NONE);
const first = (values: (string | null | undefined)[] | undefined) => values?.find((v) => v) ?? NONE;

function dateRange(start: string | null | undefined, end: string | null | undefined): string {
  if (!start && !end) return NONE;
  if (!start) return `on or before ${end}`;
  if (!end) return `on or after ${start}`;
  return start === end ? start : `${start}..${end}`;
}

function goldValue(g: GoldEvent, field: Field): string {
  switch (field) {
    case "date":
      return dateRange(g.date?.start, g.date?.end);
    case "location": {
      const loc = g.location;
      if (!loc) return NONE;
      const radius = loc.lat !== undefined ? ` within ${loc.radiusKm ?? 25} km` : "";
      return `${loc.names[0] ?? "anywhere"}${loc.country ? ` (${loc.country})` : ""}${radius}`;
    }
    case "perpetrator":
      return alternatives(g.perpetrators?.slice(0, 3));
    case "killed":
    case "wounded": {
      const zero = g[field === "killed" ? "killedZero" : "woundedZero"] === "implicit" && g[field] === 0;
      return zero ? "0 or unsaid" : String(g[field] ?? NONE);
    }
    case "claimed":
    case "suicide":
      return String(g[field] ?? NONE);
    default:
      return alternatives(g[field]);
  }
}

function predictedValue(p: Prediction, field: Field): string {
  switch (field) {
    case "date":
      return dateRange(p.date?.start, p.date?.end ?? p.date?.start);
    case "location": {
      const loc = p.location;
      if (!loc) return NONE;
      return `${loc.name ?? "?"}${loc.country ? ` (${loc.country})` : ""}`;
    }
    case "attackType":
      return first(p.attackTypes);
    case "perpetrator":
      return (p.perpetrators ?? []).map((x) => x.name ?? x.text).join(", ") || NONE;
    case "eventType":
    case "subEventType":
      return p[field] ?? NONE;
    case "targetType":
      return first(p.targets?.map((t) => t.type));
    case "weapon":
      return first(p.weapons?.map((w) => w.type));
    case "killed":
    case "wounded":
      return String(countValue(p[field]) ?? NONE);
    case "claimed":
    case "suicide":
      return String(p[field] ?? false);
  }
}

/** One line that says which event a gold line codes: when, where, what. */
export function describeGold(g: GoldEvent): string {
  const type = g.attackType?.[0] ?? g.subEventType?.[0] ?? g.eventType?.[0];
  return [dateRange(g.date?.start, g.date?.end), goldValue(g, "location"), type, g.killed !== undefined ? `${g.killed} killed` : undefined]
    .filter((part) => part && part !== NONE)
    .join(" · ");
}

/** The wrong fields of a paired event. */
export function disagreementsOf(o: Outcome): Disagreement[] {
  const p = o.prediction;
  if (!p) return [];
  return (Object.entries(o.verdicts) as [Field, boolean][])
    .filter(([, right]) => !right)
    .map(([field]) => ({
      documentId: o.gold.documentId,
      goldId: o.gold.id,
      goldLine: o.gold.line,
      mentionId: p.id ?? null,
      field,
      gold: goldValue(o.gold, field),
      predicted: predictedValue(p, field),
      evidence: p.evidence?.find((e) => e.field === evidenceField[field])?.text ?? null,
      sentence: p.sentence ?? null,
    }));
}

/**
 * Every error of a score: the wrong fields of paired events (those with the most wrong fields
 * first), the missed events, and the predictions nothing pairs with, each at most `limit`.
 */
export function errorsOf(s: Score, limit = Infinity): { disagreements: Disagreement[][]; missed: Miss[]; unpaired: Unpaired[] } {
  const wrong = s.outcomes
    .map(disagreementsOf)
    .filter((d) => d.length > 0)
    .sort((a, b) => b.length - a.length);
  const missed = s.outcomes
    .filter((o) => !o.prediction)
    .map((o) => ({ documentId: o.gold.documentId, goldId: o.gold.id, goldLine: o.gold.line, gold: describeGold(o.gold) }));
  const unpaired = s.unpaired.map((p) => ({
    documentId: p.documentId,
    mentionId: p.id ?? null,
    type: p.attackTypes?.[0] ?? p.subEventType ?? p.eventType ?? NONE,
    sentence: p.sentence ?? null,
  }));
  return { disagreements: wrong.slice(0, limit), missed: missed.slice(0, limit), unpaired: unpaired.slice(0, limit) };
}
