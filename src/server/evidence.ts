import type { EventRecord, SourcedMention } from "../model.js";
import type { Store } from "../store/store.js";
import { MAX_LIMIT } from "./filter.js";
import type { MentionEvidence } from "./shapes.js";

function evidenceOf(m: SourcedMention): MentionEvidence {
  return { mentionId: m.id, documentId: m.documentId, evidence: m.evidence };
}

async function mentionsOfDocument(store: Store, documentId: string): Promise<SourcedMention[]> {
  return (await store.listMentions({ documentId, limit: MAX_LIMIT })).items;
}

export async function documentEvidence(store: Store, documentId: string): Promise<MentionEvidence[]> {
  return (await mentionsOfDocument(store, documentId)).map(evidenceOf);
}

export async function eventEvidence(store: Store, event: EventRecord): Promise<MentionEvidence[]> {
  const wanted = new Set(event.sources.map((s) => s.mentionId));
  const documents = [...new Set(event.sources.map((s) => s.documentId))];
  const mentions = (await Promise.all(documents.map((id) => mentionsOfDocument(store, id)))).flat();
  return mentions.filter((m) => wanted.has(m.id)).map(evidenceOf);
}
