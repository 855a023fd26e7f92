import type { DateValue, FieldClaim, Provenance } from "../model.js";
import { partialsAgreement } from "./compatible.js";
import { dayNumber } from "./days.js";

export interface DateChoice {
  value: DateValue | null;
  /** Ids of the mentions whose dates support the value. */
  supporters: string[];
  conflict: boolean;
  provenance: Provenance;
}

interface Dated {
  claim: FieldClaim<DateValue>;
  from: number;
  to: number;
}

/**
 * Dates go by agreement, then precision: the value that the most reports' intervals contain
 * ("28 January" is inside "January"), then the narrowest, then the earliest. A date a report
 * took whole from the others is no vote of its own. Sources disagree when two of their
 * intervals are disjoint. With no year known anywhere, the fullest year-unknown date stands.
 */
export function chooseDate(claims: FieldClaim<DateValue>[]): DateChoice {
  const dated: Dated[] = [];
  for (const claim of claims) {
    const from = claim.value.start ? dayNumber(claim.value.start) : null;
    if (from === null) continue;
    const to = (claim.value.end ? dayNumber(claim.value.end) : null) ?? from;
    dated.push({ claim, from, to: Math.max(from, to) });
  }
  if (dated.length > 0) return chooseDated(dated);
  return choosePartial(claims.filter((c) => c.value.partial));
}

function chooseDated(dated: Dated[]): DateChoice {
  const voters = dated.filter((d) => ownEvidence(d.claim.value));
  let best: { d: Dated; support: Dated[] } | null = null;
  for (const d of dated) {
    const support = voters.filter((v) => v.from <= d.from && d.to <= v.to);
    if (!best || better(d, support.length, best.d, best.support.length)) best = { d, support };
  }
  const conflict = dated.some((x) => dated.some((y) => x.to < y.from));
  const support = best!.support.length > 0 ? best!.support : [best!.d];
  return {
    value: best!.d.claim.value,
    supporters: support.map((s) => s.claim.mentionId),
    conflict,
    provenance: support.some((s) => s.claim.value.provenance === "stated") ? "stated" : "inferred",
  };
}

function better(d: Dated, support: number, best: Dated, bestSupport: number): boolean {
  if (support !== bestSupport) return support > bestSupport;
  const width = d.to - d.from;
  const bestWidth = best.to - best.from;
  if (width !== bestWidth) return width < bestWidth;
  if (d.from !== best.from) return d.from < best.from;
  // The same interval: show it as a report stated it rather than as one inferred or inherited it.
  if (firsthand(d.claim.value) !== firsthand(best.claim.value)) return firsthand(d.claim.value) > firsthand(best.claim.value);
  // Claims come in the resolver's order of reports: the first of equals stays.
  return false;
}

function firsthand(v: DateValue): number {
  return (v.inheritedFrom ? 0 : 2) + (v.provenance === "stated" ? 1 : 0);
}

/** A date a report states or works out from its own words, rather than one handed to it whole. */
function ownEvidence(v: DateValue): boolean {
  return !v.inheritedFrom || Boolean(v.partial);
}

function choosePartial(claims: FieldClaim<DateValue>[]): DateChoice {
  if (claims.length === 0) return { value: null, supporters: [], conflict: false, provenance: "stated" };
  const fields = (c: FieldClaim<DateValue>) => Object.values(c.value.partial!).filter((x) => x != null).length;
  const best = claims.reduce((a, b) => (fields(b) > fields(a) ? b : a));
  const agreeing = claims.filter((c) => partialsAgreement(c.value.partial!, best.value.partial!) !== null);
  return {
    value: best.value,
    supporters: agreeing.map((c) => c.mentionId),
    conflict: agreeing.length < claims.length,
    provenance: best.value.provenance,
  };
}
