import { createHash } from "node:crypto";
import type { SourcedMention } from "../model.js";

/**
 * Code-unit order of ids (and ISO dates): the same in every locale, so sorted results never
 * depend on where they are computed.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order the resolver takes mentions in, so that ties (two near-copies of one report linking
 * equally to a third) fall the same way whatever ids the store gave. A text that came twice is
 * stored once, under the id, outlet and address of whichever copy came first, which depend on
 * arrival order (workers, feeds); what the report says does not. Ids break only ties of reports
 * that say the same.
 */
export function compareMentions(a: SourcedMention, b: SourcedMention): number {
  return compareIds(contentKey(a), contentKey(b)) || compareIds(a.id, b.id);
}

const keys = new WeakMap<SourcedMention, string>();

function contentKey(m: SourcedMention): string {
  let key = keys.get(m);
  if (key === undefined) {
    const { id: _id, documentId: _documentId, contractId: _contractId, outlet: _outlet, url: _url, published: _published, ...said } = m;
    key = createHash("sha1").update(JSON.stringify(said)).digest("base64");
    keys.set(m, key);
  }
  return key;
}
