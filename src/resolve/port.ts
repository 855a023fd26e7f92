import type { AnalystDecision, EventRecord, ReconcileRule, SourcedMention } from "../model.js";

/**
 * What the resolver needs from a store. The resolver decides which mentions report one event and
 * what the event says; the store only finds, reads and writes. Mention ids are the store's own
 * (unique across documents); event ids are chosen by the resolver.
 */
/** An event as the resolver writes it. */
export interface ResolvedEvent {
  record: EventRecord;
  mentionIds: string[];
  /**
   * The smallest mention id of the event's component: the events that links (joined or refused)
   * and analysts' decisions tie together. Resolving a component never looks outside it, so a
   * change that reaches one event re-resolves its component and nothing more.
   */
  component: string;
}

export interface ResolvePort {
  /**
   * For each of `ms`, in their order, the stored mentions that might report the same event as it:
   * at least every one the resolver could link to it (more is fine, fewer breaks the promise that
   * ingesting one document at a time gives what re-resolution gives). For a mention `m`, that is:
   * - when `m` is dated: every mention whose date interval lies within a day of `m`'s, in the same
   *   country or with no country; and every mention of `m`'s country whose year is unknown
   *   (`date.start` null with a `partial` month, day or weekday);
   * - when `m`'s year is unknown: every mention of its country that says something of when;
   * - when `m` has neither a year nor a country, or says nothing of when (`isUndated`): none.
   * `eventId` is "" for a stored mention that no event holds yet. All of `ms`
   * are looked up at once: against a server, a round trip each would cost more than the rest of
   * resolution. `MentionIndex` in blocking.ts is the same rule in memory.
   */
  candidates(ms: SourcedMention[]): Promise<{ mention: SourcedMention; eventId: string }[][]>;
  /**
   * Every mention in force of the components these events belong to, with the event holding it,
   * that event's component and how many mentions it held when written (more than are read when
   * some have since been superseded).
   */
  components(eventIds: string[]): Promise<{ mention: SourcedMention; eventId: string; component: string; eventSize: number }[]>;
  /**
   * Every analyst decision, as recorded. A merge lists the mentions of the events merged; a split
   * lists the mentions set apart (they stay together, apart from every other mention). On any
   * pair of mentions the latest decision that names them wins (DecisionBook in decisions.ts).
   */
  decisions(): Promise<AnalystDecision[]>;
  /**
   * Deletes the events `oldIds` and writes `events` in their place, each with its mentions. Event
   * ids derive from mention ids (`ev-` and the smallest), so an event rewritten unchanged keeps
   * its id.
   */
  replaceEvents(oldIds: string[], events: ResolvedEvent[]): Promise<void>;
}

export interface ResolveOptions {
  rule: ReconcileRule;
}
