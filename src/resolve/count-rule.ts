import type { Count, FieldClaim, ReconcileRule, SourcedMention } from "../model.js";

export interface CountChoice {
  value: number | null;
  rule: string;
  conflict: boolean;
}

/** The single figure a count gives: its best value, else the bottom of its range. */
export function figure(c: Count): number | null {
  return c.value ?? c.min ?? null;
}

/**
 * The headline killed or wounded figure by a named rule, from the credible claims (those that
 * are not the perpetrators' own boast): `conservative` (ACLED) takes the lowest, `latest` (GTD)
 * the most recently published source's, the lowest of that day's on a tie. Only when every
 * figure is the perpetrators' own does one of theirs stand, and the rule says so. Sources
 * disagree when their figures differ, whoever gave them.
 */
export function chooseCount(claims: FieldClaim<Count>[], rule: ReconcileRule, fromPerpetrators: Set<string>): CountChoice {
  const figures = claims.filter((c) => figure(c.value) !== null);
  const conflict = new Set(figures.map((c) => figure(c.value))).size > 1;
  if (figures.length === 0) return { value: null, rule, conflict };
  const credible = figures.filter((c) => !fromPerpetrators.has(c.mentionId));
  const pool = credible.length > 0 ? credible : figures;
  const ruleName = credible.length > 0 ? rule : `${rule}, perpetrators' claims only`;
  const lowest = (cs: FieldClaim<Count>[]) => Math.min(...cs.map((c) => figure(c.value)!));
  if (rule === "conservative") return { value: lowest(pool), rule: ruleName, conflict };
  const latest = pool.reduce((a, c) => ((c.published ?? "") > (a ?? "") ? c.published : a), pool[0].published);
  return { value: lowest(pool.filter((c) => c.published === latest)), rule: ruleName, conflict };
}

/**
 * Whether a mention's figure comes from the perpetrators' own claim: its words lie inside the
 * claim's words ("the group said its fighters had killed two police officers").
 */
export function countFromClaim(m: SourcedMention, field: "killed" | "wounded"): boolean {
  const count = m[field];
  if (!m.claim || !count?.text) return false;
  const claimSpan = m.evidence.find((e) => e.field === "claim");
  const countSpan = m.evidence.find((e) => e.field === field);
  if (claimSpan && countSpan) return claimSpan.start <= countSpan.start && countSpan.end <= claimSpan.end;
  return m.claim.text.includes(count.text);
}
