import type { AnalystDecision, SourcedMention } from "../model.js";
import { clusterMentions, type Cluster } from "./cluster.js";
import { DecisionBook } from "./decisions.js";
import { features } from "./features.js";
import type { ResolvedEvent, ResolveOptions } from "./port.js";
import { compareIds } from "./order.js";
import { reconcile } from "./reconcile.js";

/**
 * Clusters and reconciles a whole set of mentions from scratch (re-resolution). The same set of
 * mentions and decisions gives the same events, with the same ids, in any order.
 */
export function resolveAll(mentions: SourcedMention[], decisions: AnalystDecision[], opts: ResolveOptions): ResolvedEvent[] {
  return clusterMentions(mentions.map(features), new DecisionBook(decisions)).map((c) => resolvedEvent(c, opts));
}

/** The event one cluster of mentions reports. */
export function resolvedEvent({ members: group, component }: Cluster, opts: ResolveOptions): ResolvedEvent {
  const members = group.map((f) => f.mention);
  return { record: reconcile(members, opts.rule), mentionIds: members.map((m) => m.id).sort(compareIds), component };
}
