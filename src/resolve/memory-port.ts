import type { SourcedMention } from "../model.js";
import type { AnalystDecision } from "../store/store.js";
import { MentionIndex } from "./blocking.js";
import { features } from "./features.js";
import type { ResolvedEvent, ResolvePort } from "./port.js";

/**
 * A ResolvePort held in memory: mentions, their events and the analysts' decisions, with the
 * candidate rule of `MentionIndex`. For resolving a batch without a database (the benchmark) and
 * for checking the incremental path against `resolveAll`.
 */
export class MemoryResolvePort implements ResolvePort {
  private readonly index = new MentionIndex();
  private readonly mentions = new Map<string, SourcedMention>();
  private readonly eventOf = new Map<string, string>();
  private readonly stored = new Map<string, ResolvedEvent>();
  private readonly decided: AnalystDecision[] = [];

  /** Stores mentions that no event holds yet, as a store does before it resolves them. */
  add(mentions: SourcedMention[]): void {
    for (const m of mentions) {
      this.mentions.set(m.id, m);
      this.index.add(features(m));
    }
  }

  decide(decision: AnalystDecision): void {
    this.decided.push(decision);
  }

  events(): ResolvedEvent[] {
    return [...this.stored.values()];
  }

  async candidates(m: SourcedMention) {
    return this.index.candidates(features(m)).map((g) => ({ mention: g.mention, eventId: this.eventOf.get(g.mention.id) ?? "" }));
  }

  async members(eventIds: string[]) {
    return eventIds.flatMap((eventId) => {
      const event = this.stored.get(eventId);
      if (!event) return [];
      return event.mentionIds.map((id) => ({ mention: this.mentions.get(id)!, eventId, linksOutside: event.linkedOutside.includes(id) }));
    });
  }

  async decisions() {
    return [...this.decided];
  }

  async replaceEvents(oldIds: string[], events: ResolvedEvent[]) {
    for (const id of oldIds) {
      for (const m of this.stored.get(id)?.mentionIds ?? []) this.eventOf.delete(m);
      this.stored.delete(id);
    }
    for (const e of events) {
      this.stored.set(e.record.id, e);
      for (const m of e.mentionIds) this.eventOf.set(m, e.record.id);
    }
  }
}
