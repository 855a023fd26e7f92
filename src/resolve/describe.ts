import type { EventRecord } from "../model.js";

/**
 * An event for an analyst to read after changing it: its summary line, its sources, and for each
 * field the sources disagree on, what each of them said and the value the rule chose.
 */
export function describeEvent(e: EventRecord): string {
  const lines = [`${e.id}  ${e.summary}`, "  sources:"];
  for (const s of e.sources) {
    lines.push(`    ${s.published ?? "undated"}  ${s.outlet ?? "unknown outlet"}  ${s.url ?? s.documentId}  (mention ${s.mentionId})`);
  }
  for (const name of e.conflicts) {
    const field = e.fields[name];
    lines.push(`  ${name} disputed, chosen by ${field.rule}: ${show(field.value)}`);
    for (const c of field.claims) lines.push(`    ${c.mentionId} (${c.outlet ?? "unknown outlet"}, ${c.published ?? "undated"}): ${show(c.value)}`);
  }
  return lines.join("\n");
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "unknown";
  if (Array.isArray(value)) return value.map(show).join(", ") || "none";
  if (typeof value !== "object") return String(value);
  const v = value as Record<string, unknown>;
  if ("start" in v && "precision" in v) return dateText(v);
  if ("precision" in v && "name" in v) return `${v.name}${v.country ? ` (${v.country})` : ""}`;
  if ("value" in v && "text" in v) return `${v.value ?? v.min ?? "?"} ("${v.text}")`;
  return String(v.name ?? v.type ?? JSON.stringify(v));
}

function dateText(d: Record<string, unknown>): string {
  const span = d.start ? (d.end && d.end !== d.start ? `${d.start}..${d.end}` : String(d.start)) : "year unknown";
  const how = d.inheritedFrom ? `, inferred from ${(d.inheritedFrom as string[]).join(", ")}` : "";
  return `${span}${d.text ? ` ("${d.text}"${how})` : how ? ` (${how.slice(2)})` : ""}`;
}
