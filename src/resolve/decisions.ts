import type { AnalystDecision } from "../model.js";
import { compareIds } from "./order.js";

export type Verdict = "together" | "apart";

/**
 * What analysts decided about pairs of mentions. A merge puts its mentions together; a split puts
 * its mentions together and apart from every other mention. On any pair the latest decision
 * that speaks of it wins, so a later merge can undo a split and a later split a merge.
 */
export class DecisionBook {
  private readonly ordered: { kind: AnalystDecision["kind"]; members: Set<string> }[];
  private readonly byMention = new Map<string, number[]>();

  constructor(decisions: AnalystDecision[]) {
    // Sorting on time, then content, keeps the verdicts independent of the order they are read in.
    const sorted = [...decisions].sort(
      (x, y) => compareIds(x.at, y.at) || compareIds(x.kind, y.kind) || compareIds(x.mentionIds.join("\n"), y.mentionIds.join("\n")),
    );
    this.ordered = sorted.map((d) => ({ kind: d.kind, members: new Set(d.mentionIds) }));
    this.ordered.forEach((d, i) => {
      for (const id of d.members) {
        const list = this.byMention.get(id);
        if (list) list.push(i);
        else this.byMention.set(id, [i]);
      }
    });
  }

  /** Whether any decision names this mention. */
  names(id: string): boolean {
    return this.byMention.has(id);
  }

  verdict(x: string, y: string): Verdict | null {
    const xs = this.byMention.get(x) ?? [];
    const ys = this.byMention.get(y) ?? [];
    let i = xs.length - 1;
    let j = ys.length - 1;
    // Walk both lists of decision indexes from the latest down; the first that speaks decides.
    while (i >= 0 || j >= 0) {
      const k = Math.max(i >= 0 ? xs[i] : -1, j >= 0 ? ys[j] : -1);
      const d = this.ordered[k];
      const both = d.members.has(x) && d.members.has(y);
      if (both) return "together";
      if (d.kind === "split") return "apart";
      if (i >= 0 && xs[i] === k) i--;
      if (j >= 0 && ys[j] === k) j--;
    }
    return null;
  }

  /** Pairs among `present` that a decision puts together, for the clustering to join first. */
  togetherPairs(present: Set<string>): [string, string][] {
    const pairs: [string, string][] = [];
    for (const d of this.ordered) {
      const members = [...d.members].filter((id) => present.has(id)).sort();
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          if (this.verdict(members[i], members[j]) === "together") pairs.push([members[i], members[j]]);
        }
      }
    }
    return pairs;
  }
}
