import type { SourcedMention } from "../model.js";

/** How many parsed mentions a store keeps: a few batches' worth of the reports resolution reads again. */
const CACHED_MENTIONS = 20_000;

/**
 * Stored mentions already read and parsed, by id, kept from one transaction to the next. A stored
 * mention never changes (a new version supersedes it under another id), so an entry stays true
 * unless the transaction that wrote it is undone: the store clears the cache then. The reports that
 * resolution reads again and again (those with wide dates, which overlap many others) are parsed
 * once, not once a batch.
 */
export class MentionCache {
  private readonly byId = new Map<string, SourcedMention>();

  constructor(private readonly limit = CACHED_MENTIONS) {}

  get(id: string): SourcedMention | undefined {
    return this.byId.get(id);
  }

  set(m: SourcedMention): void {
    // The oldest entry goes first: a Map keeps insertion order.
    if (this.byId.size >= this.limit) this.byId.delete(this.byId.keys().next().value!);
    this.byId.set(m.id, m);
  }

  clear(): void {
    this.byId.clear();
  }
}
