import type { EventRecord, ReconcileRule, SourcedMention } from "../model.js";
import type { AnalystDecision } from "../store/store.js";

/**
 * What the resolver needs from a store. The resolver decides which mentions report one event and
 * what the event says; the store only finds, reads and writes. Mention ids are the store's own
 * (unique across documents); event ids are chosen by the resolver.
 */
export interface ResolvePort {
  /** Stored mentions that might report the same event as `m` (nearby dates, same or no country). */
  candidates(m: SourcedMention): Promise<{ mention: SourcedMention; eventId: string }[]>;
  /** Every mention of these events. */
  members(eventIds: string[]): Promise<{ mention: SourcedMention; eventId: string }[]>;
  decisions(): Promise<AnalystDecision[]>;
  /** Deletes the events `oldIds` and writes `events` in their place, each with its mentions. */
  replaceEvents(oldIds: string[], events: { record: EventRecord; mentionIds: string[] }[]): Promise<void>;
}

export interface ResolveOptions {
  rule: ReconcileRule;
}
