import type { AnalystDecision, SourcedMention } from "../../src/model.js";
import { MentionIndex } from "../../src/resolve/blocking.js";
import { features } from "../../src/resolve/features.js";
import type { ResolvedEvent, ResolvePort } from "../../src/resolve/port.js";

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
  private readonly eventsOfComponent = new Map<string, Set<string>>();
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

  async candidates(ms: SourcedMention[]) {
    return ms.map((m) => this.index.candidates(features(m)).map((g) => ({ mention: g.mention, eventId: this.eventOf.get(g.mention.id) ?? "" })));
  }

  async components(eventIds: string[]) {
    const components = new Set(eventIds.flatMap((id) => this.stored.get(id)?.component ?? []));
    return [...components].flatMap((component) =>
      [...this.eventsOfComponent.get(component)!].flatMap((eventId) => {
        const { mentionIds } = this.stored.get(eventId)!;
        return mentionIds.map((id) => ({ mention: this.mentions.get(id)!, eventId, component, eventSize: mentionIds.length }));
      }),
    );
  }

  async decisions() {
    return [...this.decided];
  }

  async replaceEvents(oldIds: string[], events: ResolvedEvent[]) {
    for (const id of oldIds) {
      const old = this.stored.get(id);
      if (!old) continue;
      for (const m of old.mentionIds) this.eventOf.delete(m);
      this.eventsOfComponent.get(old.component)!.delete(id);
      this.stored.delete(id);
    }
    for (const e of events) {
      this.stored.set(e.record.id, e);
      for (const m of e.mentionIds) this.eventOf.set(m, e.record.id);
      const members = this.eventsOfComponent.get(e.component);
      if (members) members.add(e.record.id);
      else this.eventsOfComponent.set(e.component, new Set([e.record.id]));
    }
  }
}
