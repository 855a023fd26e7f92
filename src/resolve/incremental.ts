import type { SourcedMention } from "../model.js";
import { linkScore } from "./compatible.js";
import { features, type Features } from "./features.js";
import { compareIds } from "./order.js";
import type { ResolveOptions, ResolvePort } from "./port.js";
import { resolveAll } from "./resolve-all.js";

/**
 * Assigns newly stored mentions to events without recomputing the rest: it gathers the part of
 * the store the new mentions can reach by links (their linked mentions, the whole events those
 * belong to, and onward from every member), resolves that part from scratch and replaces its
 * events. Links never cross that boundary, so the result is what `resolveAll` gives on
 * everything, whatever order the documents came in.
 */
export async function resolveMentions(port: ResolvePort, mentions: SourcedMention[], opts: ResolveOptions): Promise<void> {
  if (mentions.length === 0) return;
  const reached = new Map<string, Features>();
  const oldEvents = new Set<string>();
  let frontier = mentions.map(features);
  for (const f of frontier) reached.set(f.mention.id, f);

  while (frontier.length > 0) {
    const events = new Set<string>();
    const next: Features[] = [];
    for (const f of frontier) {
      for (const { mention, eventId } of await port.candidates(f.mention)) {
        if (reached.has(mention.id)) {
          // Already in the part; its event, if it has one, is rebuilt with all its members.
          if (eventId) events.add(eventId);
          continue;
        }
        const g = features(mention);
        const [a, b] = compareIds(f.mention.id, mention.id) < 0 ? [f, g] : [g, f];
        if (linkScore(a, b) === null) continue;
        if (eventId) events.add(eventId);
        else {
          // Stored but not yet resolved (another document of the same batch).
          reached.set(mention.id, g);
          next.push(g);
        }
      }
    }
    const fresh = [...events].filter((id) => !oldEvents.has(id));
    for (const id of fresh) oldEvents.add(id);
    for (const { mention, linksOutside } of fresh.length > 0 ? await port.members(fresh) : []) {
      if (reached.has(mention.id)) continue;
      const g = features(mention);
      reached.set(mention.id, g);
      // A member's links reach past its event only if the event says so; its links to the new
      // mentions are found from their side.
      if (linksOutside) next.push(g);
    }
    frontier = next;
  }

  const part = [...reached.values()].map((f) => f.mention);
  await port.replaceEvents([...oldEvents].sort(compareIds), resolveAll(part, await port.decisions(), opts));
}
