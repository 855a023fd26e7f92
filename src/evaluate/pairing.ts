import { checks, type Verdict } from "./fields.js";
import type { GoldEvent } from "./gold.js";
import type { Prediction } from "./prediction.js";

// Pairing asks only whether any of the codes agree: it finds the same event, the fields then judge it.
const anyOf = (accepted: string[] | undefined, given: (string | null | undefined)[]): Verdict =>
  accepted ? given.some((c) => c != null && accepted.includes(c)) : null;

const evidenceOfPairing: [(g: GoldEvent, p: Prediction) => Verdict, number, keyof Prediction | null][] = [
  [checks.location, 2, "location"],
  [checks.date, 2, "date"],
  [(g, p) => anyOf(g.attackType, p.attackTypes ?? []), 1, null],
  [checks.killed, 1, null],
  [(g, p) => anyOf(g.targetType, (p.targets ?? []).map((t) => t.type)), 1, null],
  [checks.perpetrator, 1, null],
];

/**
 * How well a prediction agrees with a gold event: place and date weigh most, and a place or a date
 * given and wrong weighs against.
 */
export function affinity(g: GoldEvent, p: Prediction): number {
  let score = 0;
  for (const [check, weight, given] of evidenceOfPairing) {
    const verdict = check(g, p);
    if (verdict === true) score += weight;
    else if (verdict === false && given && p[given]) score -= 1;
  }
  return score;
}

/**
 * Pairs the gold events of one document with its predictions, best agreement first, each used
 * once; a required event wins a tie. Returns, for each gold index, the prediction index or -1.
 */
export function pairDocument(gold: GoldEvent[], predictions: Prediction[]): number[] {
  const candidates: { weight: number; gi: number; pi: number }[] = [];
  gold.forEach((g, gi) =>
    predictions.forEach((p, pi) => {
      const a = affinity(g, p);
      if (a >= 1) candidates.push({ weight: a + (g.required ? 0.5 : 0), gi, pi });
    }),
  );
  // A stable sort: among equal weights, the earlier gold event and then the earlier prediction.
  candidates.sort((x, y) => y.weight - x.weight);
  const paired = gold.map(() => -1);
  const used = new Set<number>();
  for (const { gi, pi } of candidates) {
    if (paired[gi] !== -1 || used.has(pi)) continue;
    paired[gi] = pi;
    used.add(pi);
  }
  return paired;
}
