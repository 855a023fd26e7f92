import { createHash } from "node:crypto";
import type { EventRecord } from "../model.js";

// An event's version: what a reader of an alert would call the event having changed. Event ids
// are the smallest mention id (resolve/reconcile.ts), so they hold while reports are added; the
// record itself is rewritten whenever its component is re-resolved, often unchanged. The version
// hashes only what matters to a reader: a source more, a figure, the place, the date, the type.

/** The fields an alert's reader sees change, by name. */
function material(e: EventRecord): Record<string, unknown> {
  return {
    date: e.date ? [e.date.start, e.date.end] : null,
    place: e.location ? [e.location.name, e.location.country, e.location.lat, e.location.lon] : null,
    types: [e.attackTypes, e.eventType, e.subEventType],
    perpetrators: e.perpetrators.map((p) => p.name).sort(),
    killed: e.killed,
    wounded: e.wounded,
    // A merge of two events is a change of their sources.
    sources: e.sources.map((s) => s.mentionId).sort(),
  };
}

export function eventVersion(e: EventRecord): string {
  return createHash("sha256").update(JSON.stringify(material(e))).digest("hex").slice(0, 16);
}

/**
 * Why an alert fired: an event that began to match, or one that matched before and changed.
 * `previousEventId` is set when the event was alerted under another id: a new version of a
 * report gives its mentions new ids, and with them the event it is the smallest of.
 */
export type AlertChange = { kind: "new" } | { kind: "changed"; previousEventId?: string; previousVersion: string; fields: string[]; newSources: string[] };

export function changeBetween(before: { eventId: string; version: string; event: EventRecord } | undefined, now: EventRecord): AlertChange {
  if (!before) return { kind: "new" };
  const [was, is] = [material(before.event), material(now)];
  const fields = Object.keys(is).filter((k) => JSON.stringify(was[k]) !== JSON.stringify(is[k]));
  const known = new Set(before.event.sources.map((s) => s.documentId));
  const newSources = [...new Set(now.sources.map((s) => s.documentId).filter((d) => !known.has(d)))];
  return { kind: "changed", ...(before.eventId !== now.id ? { previousEventId: before.eventId } : {}), previousVersion: before.version, fields, newSources };
}

/** What a receiver drops repeats by: the same event version never needs acting on twice. */
export function idempotencyKey(watchlistId: string, eventId: string, version: string): string {
  return `${watchlistId}:${eventId}:${version}`;
}
