import type { EventRecord, SourcedMention } from "../model.js";
import type { AnalystDecision } from "../store/store.js";
import type { ResolveOptions, ResolvePort } from "./port.js";

// STUB: the resolve helper replaces this file, keeping these signatures.

/** Assigns newly stored mentions to events: joins, merges or creates events through the port. */
export async function resolveMentions(_port: ResolvePort, _mentions: SourcedMention[], _opts: ResolveOptions): Promise<void> {}

/** Clusters and reconciles a whole set of mentions from scratch (re-resolution). */
export function resolveAll(_mentions: SourcedMention[], _decisions: AnalystDecision[], _opts: ResolveOptions): { record: EventRecord; mentionIds: string[] }[] {
  return [];
}
