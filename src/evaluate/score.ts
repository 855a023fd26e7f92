import { checks, FIELDS, type Field } from "./fields.js";
import type { GoldEvent } from "./gold.js";
import { pairDocument } from "./pairing.js";
import type { Prediction } from "./prediction.js";

export interface ScoreOptions {
  /** ACLED event types whose unpaired predictions do not count against precision. */
  unscoredTypes?: string[];
}

export interface FieldTally {
  right: number;
  total: number;
}

/** A required gold event, the prediction paired with it (null: missed), and each scored field's verdict. */
export interface Outcome {
  gold: GoldEvent;
  prediction: Prediction | null;
  verdicts: Partial<Record<Field, boolean>>;
}

export interface Score {
  goldEvents: number;
  requiredEvents: number;
  predictions: number;
  /** The predictions that count for precision: all but the unpaired ones of unscored types. */
  scoredPredictions: number;
  pairedPredictions: number;
  /** The mean of the accuracies of the fields the gold scores at least once. */
  fieldAccuracy: number;
  eventRecall: number;
  eventPrecision: number;
  eventF1: number;
  /** Fields the gold scores at least once; a missed event counts as wrong in each of its fields. */
  fields: Partial<Record<Field, FieldTally>>;
  outcomes: Outcome[];
  /** Predictions paired with no gold event that count against precision. */
  unpaired: Prediction[];
}

/**
 * Scores predictions against gold events (contract, Scoring): pairs them document by document,
 * judges each field of the required events, and counts every prediction for precision, also those
 * of documents the gold says report no event.
 */
export function score(gold: GoldEvent[], predictions: Prediction[], opts: ScoreOptions = {}): Score {
  const byDocument = groupBy(predictions, (p) => p.documentId);
  const goldByDocument = groupBy(gold, (g) => g.documentId);
  const pairs = new Map<GoldEvent, Prediction>();
  for (const [doc, gs] of goldByDocument) {
    const ps = byDocument.get(doc) ?? [];
    pairDocument(gs, ps).forEach((pi, gi) => {
      if (pi >= 0) pairs.set(gs[gi]!, ps[pi]!);
    });
  }
  const paired = new Set(pairs.values());
  const unscoredTypes = new Set(opts.unscoredTypes ?? []);
  const unpaired = predictions.filter((p) => !paired.has(p) && !(p.eventType && unscoredTypes.has(p.eventType)));

  const fields: Partial<Record<Field, FieldTally>> = {};
  const outcomes = gold
    .filter((g) => g.required)
    .map((g): Outcome => {
      const prediction = pairs.get(g) ?? null;
      const verdicts: Outcome["verdicts"] = {};
      for (const f of FIELDS) {
        const verdict = checks[f](g, prediction ?? { documentId: g.documentId });
        if (verdict === null) continue;
        const tally = (fields[f] ??= { right: 0, total: 0 });
        tally.total++;
        verdicts[f] = prediction !== null && verdict;
        if (verdicts[f]) tally.right++;
      }
      return { gold: g, prediction, verdicts };
    });

  const scoredPredictions = paired.size + unpaired.length;
  const eventRecall = outcomes.length ? outcomes.filter((o) => o.prediction).length / outcomes.length : 0;
  const eventPrecision = scoredPredictions ? paired.size / scoredPredictions : 0;
  const eventF1 = eventPrecision + eventRecall ? (2 * eventPrecision * eventRecall) / (eventPrecision + eventRecall) : 0;
  const scored = FIELDS.filter((f) => fields[f]);
  const fieldAccuracy = scored.length ? scored.reduce((s, f) => s + fields[f]!.right / fields[f]!.total, 0) / scored.length : 0;
  return {
    goldEvents: gold.length,
    requiredEvents: outcomes.length,
    predictions: predictions.length,
    scoredPredictions,
    pairedPredictions: paired.size,
    fieldAccuracy,
    eventRecall,
    eventPrecision,
    eventF1,
    fields,
    outcomes,
    unpaired,
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
