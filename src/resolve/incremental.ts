import type { SourcedMention } from "../model.js";
import { linkScore } from "./compatible.js";
import { features, type Features } from "./features.js";
import { compareIds, compareMentions } from "./order.js";
import type { ResolvedEvent, ResolveOptions, ResolvePort } from "./port.js";
import { clusterMentions } from "./cluster.js";
import { DecisionBook } from "./decisions.js";
import { eventId } from "./reconcile.js";
import { resolvedEvent } from "./resolve-all.js";

/**
 * Assigns newly stored mentions to events without recomputing the rest. The new mentions' links
 * reach stored events; the components of those events (every event links or decisions tie them
 * to, recorded when they were last resolved) are resolved again from scratch with the new
 * mentions, and replace what they held. No link leaves a component, so the result is what
 * `resolveAll` gives on everything, whatever order the documents came in.
 */
export async function resolveMentions(port: ResolvePort, mentions: SourcedMention[], opts: ResolveOptions): Promise<void> {
  if (mentions.length === 0) return;
  const unresolved = new Map<string, SourcedMention>();
  const reachedEvents = new Set<string>();
  let frontier = mentions.map(features);
  for (const f of frontier) unresolved.set(f.mention.id, f.mention);

  // Only mentions no event holds yet are looked up, a frontier at a time: a stored event's links
  // were all followed when its component was recorded.
  while (frontier.length > 0) {
    const next: Features[] = [];
    const found = await port.candidates(frontier.map((f) => f.mention));
    for (const [i, f] of frontier.entries()) {
      for (const { mention, eventId } of found[i]!) {
        if (unresolved.has(mention.id) || reachedEvents.has(eventId)) continue;
        const g = features(mention);
        const [a, b] = compareMentions(f.mention, mention) < 0 ? [f, g] : [g, f];
        if (linkScore(a, b) === null) continue;
        if (eventId) reachedEvents.add(eventId);
        else {
          // Stored but not yet resolved (another document of the same batch).
          unresolved.set(mention.id, mention);
          next.push(g);
        }
      }
    }
    frontier = next;
  }

  await resolveComponents(port, [...reachedEvents], [...unresolved.values()], opts);
}

/**
 * Resolves again, from scratch, the components of events `eventIds` with mentions no event holds
 * yet, and writes the events that changed in place of those they replace. An event with the same members and component as before, none of them superseded since, is the
 * same event (its record depends on nothing else), so it is neither reconciled nor rewritten.
 */
export async function resolveComponents(port: ResolvePort, eventIds: string[], unresolved: SourcedMention[], opts: ResolveOptions): Promise<void> {
  const stored = eventIds.length > 0 ? await port.components(eventIds) : [];
  const before = new Map<string, { component: string; size: number; members: Set<string> }>();
  for (const { mention, eventId, component, eventSize } of stored) {
    const event = before.get(eventId);
    if (event) event.members.add(mention.id);
    else before.set(eventId, { component, size: eventSize, members: new Set([mention.id]) });
  }
  const part = [...unresolved, ...stored.map((s) => s.mention)].map(features);
  const unchanged = new Set<string>();
  const changed: ResolvedEvent[] = [];
  for (const cluster of clusterMentions(part, new DecisionBook(await port.decisions()))) {
    const ids = cluster.members.map((f) => f.mention.id);
    const id = eventId(ids);
    const old = before.get(id);
    // The members read are those of the event still in force: as many as it was written with and
    // all in the cluster means none left and none came.
    if (old !== undefined && old.component === cluster.component && old.size === ids.length && ids.every((m) => old.members.has(m))) unchanged.add(id);
    else changed.push(resolvedEvent(cluster, opts));
  }
  // An event of `eventIds` whose mentions were all superseded is not among those read.
  const replaced = [...new Set([...eventIds, ...before.keys()])].filter((id) => !unchanged.has(id)).sort(compareIds);
  await port.replaceEvents(replaced, changed);
}
