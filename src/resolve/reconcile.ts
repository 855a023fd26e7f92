import {
  PLACE_PRECISION_RANK,
  type Count,
  type DateValue,
  type EventRecord,
  type EventSource,
  type FieldClaim,
  type Perpetrator,
  type Place,
  type ReconcileRule,
  type ResolvedField,
  type SourcedMention,
  type Target,
  type Weapon,
} from "../model.js";
import { UNKNOWN } from "./features.js";
import { compareIds, compareMentions } from "./order.js";
import { chooseCount, countFromClaim } from "./count-rule.js";
import { chooseDate } from "./date-rule.js";
import { propagateDates } from "./propagate.js";
import { summarize } from "./summary.js";

/** An event's id: its smallest mention id, so it does not depend on the order reports came in. */
export function eventId(mentionIds: string[]): string {
  return `ev-${[...mentionIds].sort(compareIds)[0]}`;
}

/**
 * One event record from the mentions that report it: every field keeps each source's claim, the
 * value chosen and the rule that chose it, and whether the sources disagree.
 */
export function reconcile(members: SourcedMention[], rule: ReconcileRule): EventRecord {
  const mentions = [...members].sort(compareMentions);
  const dates = propagateDates(mentions);
  const claimsOf = <T>(value: (m: SourcedMention) => T | null | undefined): FieldClaim<T>[] =>
    mentions.flatMap((m) => {
      const v = value(m);
      return v === null || v === undefined || (Array.isArray(v) && v.length === 0) ? [] : [claim(m, v)];
    });

  const dateClaims = claimsOf((m) => dates.get(m.id));
  const dateChoice = chooseDate(dateClaims);
  const fields: Record<string, ResolvedField> = {
    date: {
      value: dateChoice.value,
      rule: "agreement",
      claims: dateClaims,
      conflict: dateChoice.conflict,
      provenance: dateChoice.provenance,
    },
    location: placeField(claimsOf((m) => m.location)),
    attackTypes: listField(claimsOf((m) => m.attackTypes), (code: string) => code, (code) => code !== UNKNOWN),
    eventType: voteField(claimsOf((m) => m.eventType)),
    subEventType: voteField(claimsOf((m) => m.subEventType)),
    perpetrators: listField(claimsOf((m) => m.perpetrators), (p: Perpetrator) => p.name.toLowerCase(), (p) => p.kind !== "unknown"),
    targets: listField(claimsOf((m) => m.targets), (t: Target) => `${t.type}/${t.nationality ?? ""}`, (t) => t.type !== UNKNOWN, (t) => t.type),
    weapons: listField(claimsOf((m) => m.weapons), (w: Weapon) => w.type, (w) => w.type !== UNKNOWN),
    killed: countField(mentions, "killed", rule),
    wounded: countField(mentions, "wounded", rule),
    claimed: anyField(claimsOf((m) => m.claimed)),
    suicide: anyField(claimsOf((m) => m.suicide)),
  };
  const conflicts = Object.keys(fields).filter((k) => fields[k].conflict);
  const sources: EventSource[] = mentions
    .map((m) => ({ documentId: m.documentId, mentionId: m.id, outlet: m.outlet, url: m.url, published: m.published }))
    .sort((a, b) => compareIds(a.published ?? "", b.published ?? "") || compareIds(a.mentionId, b.mentionId));
  const record: EventRecord = {
    id: eventId(mentions.map((m) => m.id)),
    date: fields.date.value as DateValue | null,
    location: fields.location.value as Place | null,
    attackTypes: fields.attackTypes.value as string[],
    eventType: fields.eventType.value as string | null,
    subEventType: fields.subEventType.value as string | null,
    perpetrators: fields.perpetrators.value as Perpetrator[],
    targets: fields.targets.value as Target[],
    weapons: fields.weapons.value as Weapon[],
    killed: fields.killed.value as number | null,
    wounded: fields.wounded.value as number | null,
    claimed: fields.claimed.value as boolean,
    suicide: fields.suicide.value as boolean,
    summary: "",
    sources,
    fields,
    conflicts,
  };
  record.summary = summarize(record);
  return record;
}

function claim<T>(m: SourcedMention, value: T): FieldClaim<T> {
  return { mentionId: m.id, documentId: m.documentId, outlet: m.outlet, published: m.published, value };
}

/**
 * Places go by precision (a town over its country), then by how many sources name the same
 * place. Sources disagree when they name different towns, or different countries.
 */
function placeField(claims: FieldClaim<Place>[]): ResolvedField<Place | null> {
  if (claims.length === 0) return { value: null, rule: "precision", claims, conflict: false, provenance: "stated" };
  const key = (p: Place) => (p.geonameId !== null ? `#${p.geonameId}` : `${p.country}/${p.admin1}/${p.name.toLowerCase()}`);
  const support = (p: Place) => claims.filter((c) => key(c.value) === key(p)).length;
  const best = [...claims].sort(
    (a, b) =>
      PLACE_PRECISION_RANK[b.value.precision] - PLACE_PRECISION_RANK[a.value.precision] ||
      support(b.value) - support(a.value),
  )[0].value;
  const towns = new Set(claims.filter((c) => PLACE_PRECISION_RANK[c.value.precision] >= PLACE_PRECISION_RANK.district).map((c) => key(c.value)));
  const countries = new Set(claims.map((c) => c.value.country).filter(Boolean));
  return { value: best, rule: "precision", claims, conflict: towns.size > 1 || countries.size > 1, provenance: best.provenance };
}

/**
 * Lists (attack types, perpetrators, targets, weapons) take every value any source gives, the
 * most often given first; an uninformative value (an UNKNOWN code, an unnamed attacker) only
 * when no source gives another. Sources disagree when two of them give informative lists with
 * nothing in common (for targets, no kind in common: one names the embassy's nationality,
 * another does not).
 */
function listField<T>(
  claims: FieldClaim<T[]>[],
  key: (v: T) => string,
  informative: (v: T) => boolean,
  kind: (v: T) => string = key,
): ResolvedField<T[]> {
  const tally = (lists: T[][]) => {
    const count = new Map<string, { value: T; sources: number; first: number }>();
    lists.forEach((list, i) => {
      const here = new Set<string>();
      for (const v of list) {
        const k = key(v);
        if (here.has(k)) continue;
        here.add(k);
        const entry = count.get(k);
        if (entry) entry.sources++;
        else count.set(k, { value: v, sources: 1, first: i });
      }
    });
    return [...count.values()].sort((a, b) => b.sources - a.sources || a.first - b.first).map((e) => e.value);
  };
  const said = claims.map((c) => c.value.filter(informative));
  const value = said.some((list) => list.length > 0) ? tally(said) : tally(claims.map((c) => c.value));
  const keys = said.filter((list) => list.length > 0).map((list) => new Set(list.map(kind)));
  const conflict = keys.some((a, i) => keys.some((b, j) => j > i && ![...a].some((k) => b.has(k))));
  return { value, rule: "union", claims, conflict, provenance: "stated" };
}

/** A code most sources give; on a tie the one the first report in the resolver's order gives. */
function voteField(claims: FieldClaim<string>[]): ResolvedField<string | null> {
  const votes = new Map<string, number>();
  for (const c of claims) votes.set(c.value, (votes.get(c.value) ?? 0) + 1);
  let value: string | null = null;
  for (const c of claims) if (value === null || votes.get(c.value)! > votes.get(value)!) value = c.value;
  return { value, rule: "majority", claims, conflict: votes.size > 1, provenance: "stated" };
}

/** A report that does not say a group claimed it (or that it was a suicide attack) is silent, not a denial. */
function anyField(claims: FieldClaim<boolean>[]): ResolvedField<boolean> {
  return { value: claims.some((c) => c.value), rule: "any source", claims, conflict: false, provenance: "stated" };
}

/** Its claims are the sources' counts (figure, range, words); its value the headline figure. */
function countField(mentions: SourcedMention[], field: "killed" | "wounded", rule: ReconcileRule): ResolvedField {
  const claims: FieldClaim<Count>[] = mentions.flatMap((m) => (m[field] ? [claim(m, m[field]!)] : []));
  const fromPerpetrators = new Set(mentions.filter((m) => countFromClaim(m, field)).map((m) => m.id));
  const choice = chooseCount(claims, rule, fromPerpetrators);
  return {
    value: choice.value,
    rule: choice.rule,
    claims,
    conflict: choice.conflict,
    provenance: "stated",
  };
}
