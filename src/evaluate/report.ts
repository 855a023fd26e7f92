import { errorsOf, type Disagreement } from "./disagreements.js";
import { FIELDS } from "./fields.js";
import type { Score } from "./score.js";

const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)} %`;
const oneLine = (s: string, max: number) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};
const quoted = (s: string | null, max = 220) => (s ? `"${oneLine(s, max)}"` : "(no sentence)");

/** The figures to compare, on one line, as `../shared/tools/score.mjs` prints them. */
export function summaryLine(s: Score): string {
  const f = (x: number) => x.toFixed(3);
  return `fieldAccuracy=${f(s.fieldAccuracy)} eventRecall=${f(s.eventRecall)} eventPrecision=${f(s.eventPrecision)} eventF1=${f(s.eventF1)}`;
}

/** The counts, the per-field table and the summary line. */
export function figuresText(s: Score): string[] {
  const lines = [
    `required gold events ${s.requiredEvents} (of ${s.goldEvents}) · predictions ${s.predictions}, ${s.scoredPredictions} scored, ${s.pairedPredictions} paired`,
    "",
    `${"field".padEnd(14)}${"accuracy".padStart(9)}  right/total`,
  ];
  for (const f of FIELDS) {
    const t = s.fields[f];
    if (t) lines.push(`${f.padEnd(14)}${pct(t.right / t.total).padStart(9)}  ${`${t.right}/${t.total}`.padStart(11)}`);
  }
  lines.push("", summaryLine(s));
  return lines;
}

const heading = (title: string, total: number, shown: number, which: "worst" | "first") =>
  `${title} (${total}${shown < total ? `, the ${which} ${shown} shown` : ""}):`;

/**
 * The errors behind the figures, each with the words it came from: the wrong fields of paired
 * events (most wrong fields first), missed events, and predictions no gold event pairs with.
 */
export function errorsText(s: Score, limit = Infinity): string[] {
  const all = errorsOf(s);
  const shown = errorsOf(s, limit);
  const lines: string[] = [];
  if (all.disagreements.length) {
    lines.push("", heading("Events with wrong fields", all.disagreements.length, shown.disagreements.length, "worst"));
    for (const event of shown.disagreements) lines.push(...eventText(event));
  }
  if (all.missed.length) {
    lines.push("", heading("Missed gold events", all.missed.length, shown.missed.length, "first"));
    for (const m of shown.missed) lines.push(`  ${m.documentId} ${m.goldId} (gold line ${m.goldLine}): ${m.gold}`);
  }
  if (all.unpaired.length) {
    lines.push("", heading("Predictions no gold event pairs with", all.unpaired.length, shown.unpaired.length, "first"));
    for (const u of shown.unpaired) lines.push(`  ${u.documentId} ${u.mentionId ?? ""} ${u.type}: ${quoted(u.sentence)}`);
  }
  return lines;
}

function eventText(event: Disagreement[]): string[] {
  const [d] = event as [Disagreement];
  const lines = [`  ${d.documentId} ${d.goldId} (gold line ${d.goldLine}) ~ ${d.mentionId ?? "mention"}`];
  for (const x of event) {
    const evidence = x.evidence ? `  from ${quoted(x.evidence, 60)}` : "";
    lines.push(`    ${x.field.padEnd(13)} gold ${x.gold}; predicted ${x.predicted}${evidence}`);
  }
  lines.push(`    sentence: ${quoted(d.sentence)}`);
  return lines;
}

/** The whole score as one JSON object: figures, per-field tallies and every error. */
export function scoreJson(s: Score): object {
  const errors = errorsOf(s);
  return {
    fieldAccuracy: s.fieldAccuracy,
    eventRecall: s.eventRecall,
    eventPrecision: s.eventPrecision,
    eventF1: s.eventF1,
    goldEvents: s.goldEvents,
    requiredEvents: s.requiredEvents,
    predictions: s.predictions,
    scoredPredictions: s.scoredPredictions,
    pairedPredictions: s.pairedPredictions,
    fields: Object.fromEntries(FIELDS.flatMap((f) => (s.fields[f] ? [[f, { ...s.fields[f], accuracy: s.fields[f].right / s.fields[f].total }]] : []))),
    disagreements: errors.disagreements.flat(),
    missed: errors.missed,
    unpaired: errors.unpaired,
  };
}
