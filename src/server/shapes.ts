import type { EventRecord, Evidence } from "../model.js";
import type { StoredDocument } from "../store/store.js";
import type { Alert } from "../store/watchlists.js";

// What the API answers, shared by the routes and the page's code.

/** An event in a list: the record without its per-field claims. */
export type EventSummary = Omit<EventRecord, "fields">;

/**
 * An event as lists show it: per-field claims are what one event's page is for, and they make up
 * most of a record's weight.
 */
export function eventSummary(event: EventRecord): EventSummary {
  const { fields: _fields, ...rest } = event;
  return rest;
}

/** GET /api/alerts, /api/watchlists/:id/alerts: an alert with its event as lists show it. */
export type AlertSummary = Omit<Alert, "event"> & { watchlistName: string; event: EventSummary };

/** Where one mention's values came from in its document's text. */
export interface MentionEvidence {
  mentionId: string;
  documentId: string;
  evidence: Evidence[];
}

/** GET /api/events/:id: the event, and for each of its sources the evidence spans. */
export type EventDetail = EventRecord & { evidence: MentionEvidence[] };

/** GET /api/documents/:id: the document's text and metadata, and the evidence of every mention in it. */
export type DocumentDetail = Omit<StoredDocument, "raw" | "clean"> & { mentions: MentionEvidence[] };
