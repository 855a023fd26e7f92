import type { EventRecord } from "../model.js";

/**
 * One readable line: when, where, what, by whom, the headline toll, how many sources, and what
 * they disagree on. "2015-04-12, Tripoli (LY): ARMED_ASSAULT by Islamic State; 2 killed,
 * 1 wounded; 3 sources; disputed: date".
 */
export function summarize(e: EventRecord): string {
  const when = e.date ? (e.date.start ?? yearUnknown(e.date.partial)) : "date unknown";
  const where = e.location ? `${e.location.name}${e.location.country ? ` (${e.location.country})` : ""}` : "place unknown";
  const what = e.attackTypes[0] ?? e.subEventType ?? e.eventType ?? "attack";
  const by = e.perpetrators.length > 0 ? ` by ${e.perpetrators.map((p) => p.name).join(", ")}` : "";
  const toll = [e.killed !== null ? `${e.killed} killed` : null, e.wounded !== null ? `${e.wounded} wounded` : null].filter(Boolean);
  const parts = [`${when}, ${where}: ${what}${by}`];
  if (toll.length > 0) parts.push(toll.join(", "));
  parts.push(`${e.sources.length} source${e.sources.length === 1 ? "" : "s"}`);
  if (e.conflicts.length > 0) parts.push(`disputed: ${e.conflicts.join(", ")}`);
  return parts.join("; ");
}

function yearUnknown(p: { month?: number; day?: number; weekday?: number } | undefined): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  if (p?.month != null) return `????-${pad(p.month)}${p.day != null ? `-${pad(p.day)}` : ""}`;
  return "year unknown";
}
