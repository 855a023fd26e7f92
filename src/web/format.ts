import type { AlertChange } from "../alerts/version.js";
import type { DateValue, EventRecord, Place } from "../model.js";

// How values read on the page. Unknown stays "unknown", never 0.

export function formatDate(d: DateValue | null | undefined): string {
  if (!d || !d.start) return d?.text ? `unknown year (“${d.text}”)` : "unknown date";
  const span = d.end && d.end !== d.start ? `${d.start} – ${d.end}` : d.start;
  return d.provenance === "stated" ? span : `${span} (${d.provenance})`;
}

export function formatPlace(p: Place | null | undefined): string {
  if (!p) return "unknown place";
  const where = [p.name, p.admin1, p.country].filter((x, i, all) => x && all.indexOf(x) === i).join(", ");
  return p.provenance === "defaulted" ? `${where} (${p.precision} centroid)` : where;
}

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? "unknown" : String(n);
}

function isDate(v: Record<string, unknown>): boolean {
  return "precision" in v && "start" in v;
}

function isPlace(v: Record<string, unknown>): boolean {
  return "geonameId" in v || ("lat" in v && "lon" in v && "name" in v);
}

/** Any field value of an event or claim, in words: dates, places, actors, counts, codes, lists. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return "unknown";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number" || typeof v === "string") return String(v);
  if (Array.isArray(v)) return v.length === 0 ? "none" : v.map(formatValue).join("; ");
  const o = v as Record<string, unknown>;
  if (isDate(o)) return formatDate(o as unknown as DateValue);
  if (isPlace(o)) return formatPlace(o as unknown as Place);
  if ("value" in o && "text" in o) return `${formatValue(o.value)} (“${String(o.text)}”)`;
  if ("name" in o) return String(o.name);
  if ("type" in o) return o.text ? `${String(o.type)} (“${String(o.text)}”)` : String(o.type);
  return JSON.stringify(v);
}

/** A code such as BOMBING_EXPLOSION as words. */
export function humanCode(code: string | null | undefined): string {
  if (!code) return "unknown type";
  return code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, " ");
}

/** An alert in a line, for the page's notifications and the Atom feed: what, where, when, and what changed. */
export function alertTitle(a: { change: AlertChange; event: Pick<EventRecord, "subEventType" | "eventType" | "attackTypes" | "location" | "date"> }): string {
  const e = a.event;
  const head = `${humanCode(e.subEventType ?? e.eventType ?? e.attackTypes[0])} in ${e.location?.name ?? e.location?.country ?? "an unknown place"}, ${e.date?.start ?? "undated"}`;
  return a.change.kind === "new" ? head : `${head} (changed: ${a.change.fields.join(", ")})`;
}
