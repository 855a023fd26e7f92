import { MentionIndex } from "./blocking.js";
import { dateAgreement, linkScore } from "./compatible.js";
import type { DecisionBook } from "./decisions.js";
import type { Features } from "./features.js";
import { compareIds, compareMentions } from "./order.js";

interface Link {
  a: number;
  b: number;
  score: number;
}

export interface Cluster {
  members: Features[];
  /**
   * The smallest mention id of the cluster's component: the clusters that links (joined or
   * refused) and analysts' "together" pairs tie to one another. Clusters of different components
   * never depend on each other, so a change re-resolves whole components and nothing else.
   */
  component: string;
}

/**
 * Groups mentions into events. Analysts' "together" pairs join first; then links are taken
 * strongest first and join two groups unless that would put two mentions of one document (each
 * report already merged what it says of one event), two whose dates disagree, or two mentions an
 * analyst set apart in one event. Mentions are taken in the order of what they say and ties broken
 * by that order, so the groups depend only on the reports and decisions, never on the order they
 * came in nor on the ids that order gave them.
 */
export function clusterMentions(mentions: Features[], book: DecisionBook): Cluster[] {
  const items = [...mentions].sort((x, y) => compareMentions(x.mention, y.mention));
  const position = new Map(items.map((f, i) => [f.mention.id, i]));
  const groups = new Groups(items.length);
  const components = new Groups(items.length);

  for (const [x, y] of book.togetherPairs(new Set(position.keys()))) {
    groups.join(position.get(x)!, position.get(y)!);
    components.join(position.get(x)!, position.get(y)!);
  }

  const summaries = items.map((f, i) => summaryOf(f, i, book));
  // Two groups that may not join never may once either has grown (a pair that may not be in one
  // event stays in them), so a refusal is remembered for as long as both keep their roots: the
  // thousands of links between two large groups of one story are refused once.
  const refused = new Set<number>();
  for (const { a, b } of links(items, position)) {
    components.join(a, b);
    const ga = groups.find(a);
    const gb = groups.find(b);
    if (ga === gb) continue;
    const pair = Math.min(ga, gb) * items.length + Math.max(ga, gb);
    if (refused.has(pair)) continue;
    if (!mayJoin(groups.members(ga), summaries[ga]!, groups.members(gb), summaries[gb]!, items, book)) {
      refused.add(pair);
      continue;
    }
    groups.join(ga, gb);
    const root = groups.find(ga);
    summaries[root] = merged(summaries[ga]!, summaries[gb]!);
  }
  const firstOf = new Map<number, string>();
  items.forEach((f, i) => {
    const root = components.find(i);
    const first = firstOf.get(root);
    if (first === undefined || compareIds(f.mention.id, first) < 0) firstOf.set(root, f.mention.id);
  });
  return groups.all().map((members) => ({
    members: members.map((i) => items[i]!),
    component: firstOf.get(components.find(members[0]!))!,
  }));
}

function links(items: Features[], position: Map<string, number>): Link[] {
  const index = new MentionIndex();
  for (const f of items) index.add(f);
  const found: Link[] = [];
  items.forEach((f, a) => {
    for (const g of index.candidates(f)) {
      const b = position.get(g.mention.id)!;
      if (b <= a) continue;
      const score = linkScore(f, g);
      if (score !== null) found.push({ a, b, score });
    }
  });
  return found.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}

/**
 * What the join checks read of a group without visiting every pair of members: the documents and
 * dated spans of the members no analyst named (any two dated reports of one event lie within a
 * day of each other, so two groups may join when the latest start of either is at most a day
 * after the earliest end of the other), and the members that are checked one by one: those with
 * a year-unknown date, and those a decision names.
 */
interface Summary {
  documents: Set<string>;
  latestFrom: number;
  earliestTo: number;
  /** Unnamed members with a date, interval or year-unknown: what a year-unknown one is checked against. */
  dated: number[];
  partial: number[];
  named: number[];
}

function summaryOf(f: Features, i: number, book: DecisionBook): Summary {
  if (book.names(f.mention.id)) return { documents: new Set(), latestFrom: -Infinity, earliestTo: Infinity, dated: [], partial: [], named: [i] };
  return {
    documents: new Set([f.mention.documentId]),
    latestFrom: f.from ?? -Infinity,
    earliestTo: f.to ?? Infinity,
    dated: f.from !== null || f.partial ? [i] : [],
    partial: f.partial ? [i] : [],
    named: [],
  };
}

/** The summary of two groups joined: the larger one's, grown by the smaller's (so that a group absorbing reports one by one costs each of them once). */
function merged(x: Summary, y: Summary): Summary {
  const [big, small] = x.documents.size + x.dated.length >= y.documents.size + y.dated.length ? [x, y] : [y, x];
  for (const d of small.documents) big.documents.add(d);
  big.latestFrom = Math.max(big.latestFrom, small.latestFrom);
  big.earliestTo = Math.min(big.earliestTo, small.earliestTo);
  big.dated.push(...small.dated);
  big.partial.push(...small.partial);
  big.named.push(...small.named);
  return big;
}

/**
 * Whether every pair of a member of one group and a member of the other may be in one event: an
 * analyst set none of them apart, and, unless an analyst put the two together, they come from
 * different documents and their dates agree.
 */
function mayJoin(left: number[], l: Summary, right: number[], r: Summary, items: Features[], book: DecisionBook): boolean {
  const pair = (i: number, j: number) => {
    const x = items[i]!.mention;
    const y = items[j]!.mention;
    const decided = book.names(x.id) || book.names(y.id) ? book.verdict(x.id, y.id) : null;
    if (decided === "apart") return false;
    // Links chain: a report dated only "in March" links to one of the 2nd and one of the 20th,
    // which must not make one event of them. No event holds two reports whose dates cannot be of
    // one happening.
    return decided !== null || (x.documentId !== y.documentId && dateAgreement(items[i]!, items[j]!) !== null);
  };
  if (r.latestFrom - l.earliestTo > 1 || l.latestFrom - r.earliestTo > 1) return false;
  const [fewer, more] = l.documents.size <= r.documents.size ? [l, r] : [r, l];
  for (const d of fewer.documents) if (more.documents.has(d)) return false;
  if (l.named.some((i) => right.some((j) => !pair(i, j)))) return false;
  if (r.named.some((j) => left.some((i) => !book.names(items[i]!.mention.id) && !pair(i, j)))) return false;
  if (l.partial.some((i) => r.dated.some((j) => dateAgreement(items[i]!, items[j]!) === null))) return false;
  return !r.partial.some((j) => l.dated.some((i) => items[i]!.partial === null && dateAgreement(items[i]!, items[j]!) === null));
}

/** Union-find over positions, keeping each group's members for the join checks. */
class Groups {
  private readonly parent: number[];
  private readonly lists: (number[] | undefined)[];

  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
    this.lists = Array.from({ length: size }, (_, i) => [i]);
  }

  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }

  members(root: number): number[] {
    return this.lists[root]!;
  }

  join(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.lists[ra]!.length < this.lists[rb]!.length) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.lists[ra]!.push(...this.lists[rb]!);
    this.lists[rb] = undefined;
  }

  all(): number[][] {
    const out: number[][] = [];
    this.lists.forEach((list) => list && out.push([...list].sort((x, y) => x - y)));
    return out.sort((x, y) => x[0] - y[0]);
  }
}
