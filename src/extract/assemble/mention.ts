import type { ActorSpan, Count, Evidence, Mention, Perpetrator, PlaceSpan, Span, Target, Weapon } from "../../model.js";
import { publicationDate, type AnnotatedDoc, type ClaimSpan, type TargetSpan, type TriggerSpan } from "../annotated.js";
import type { Frame } from "./frames.js";
import type { Codebook } from "../../codebook/schema.js";
import { findCasualties, type CountSpan } from "../casualties/index.js";
import type { Cues } from "./cues.js";
import type { Draft } from "./merge.js";

const KIND_ORDER = { organization: 0, state: 1, individual: 2, unknown: 3 } as const;
// Whitespace that is not one plain space: a sentence with none is on one line already.
const NOT_ONE_LINE = /\s\s|[^\S ]/;

export interface MentionContext {
  /** Where the document's main events happen, for events whose own sentences name no place. */
  defaultPlace: PlaceSpan | null;
  /** Whether this is the document's first (main) event. */
  main: boolean;
  cues: Cues;
  codebook: Codebook;
}

/** Writes one draft as a contract mention, each value with the words it came from. */
export function toMention(a: AnnotatedDoc, d: Draft, n: number, ctx: MentionContext): Mention {
  const evidence: Evidence[] = [];
  const cite = (field: string, s: Span) => evidence.push({ field, start: s.start, end: s.end, text: a.doc.text.slice(s.start, s.end) });
  const triggers = fromFrames(d.frames, (f) => f.triggers);

  const { cues } = ctx;
  const main = mainTrigger(triggers, cues);
  for (const t of triggers) cite("attackType", t);

  const perpetrators = perpetratorsOf(a, d.frames, cues);
  if (!perpetrators.some((p) => p.kind === "organization" || p.kind === "state")) {
    const nearby = groupNearby(a, d.frames) ?? groupOfReport(a, cues);
    if (nearby) perpetrators.unshift({ name: nearby.parent ?? nearby.name, kind: nearby.kind, text: nearby.text, status: "suspected" });
  }
  const perpSpans = fromFrames(d.frames, (f) => f.actors).filter((x) => perpetrators.some((p) => p.text === x.text));
  for (const s of perpSpans) cite("perpetrators", s);

  const targets: Target[] = [];
  // The kinds of the side attacked, and of armed attackers: these tell ACLED's battle only when
  // no side attacked is named ("soldiers opened fire"), for armed men firing on villagers are
  // violence against civilians.
  const sides: string[] = [];
  const attackers: string[] = [];
  for (const f of d.frames) {
    for (const t of f.targets) {
      if (perpSpans.some((p) => p.start < t.end && t.start < p.end)) continue;
      if (attackerPhrase(a.doc.clean, t, f, cues)) {
        if (!attackers.includes(t.type)) attackers.push(t.type);
        continue;
      }
      if (!sides.includes(t.type)) sides.push(t.type);
      const nations = t.nationalities.length ? t.nationalities : [null];
      for (const nationality of nations) {
        if (targets.some((x) => x.type === t.type && x.nationality === nationality)) continue;
        targets.push({ type: t.type, text: t.text, nationality });
        cite("targets", t);
      }
    }
  }

  if (targets.length === 0) {
    const victim = fromFrames(d.frames, (f) => f.victims).find((v) => v.role === "killed" || v.role === "wounded");
    if (victim) {
      targets.push({ type: ctx.codebook.targets.harmedPeople, text: victim.text, nationality: null });
      cite("targets", victim);
    }
  }

  const weapons: Weapon[] = [];
  for (const f of d.frames) {
    for (const w of f.weapons) {
      if (weapons.some((x) => x.type === w.type)) continue;
      weapons.push({ type: w.type, text: w.text });
      cite("weapons", w);
    }
  }
  for (const t of triggers) {
    if (t.weapon && !weapons.some((x) => x.type === t.weapon)) weapons.push({ type: t.weapon, text: t.text });
  }
  const attackTypes = attackTypesOf(triggers, weapons, cues);

  let killed = summed(d.frames.map((f) => f.killed));
  let wounded = summed(d.frames.map((f) => f.wounded));
  if (!killed || !wounded) {
    const followUp = followUpFigures(a, d, ctx.codebook);
    killed ??= followUp.killed;
    wounded ??= followUp.wounded;
  }
  if (killed) cite("killed", killed);
  if (wounded) cite("wounded", wounded);

  const claims = fromFrames(d.frames, (f) => f.claims);
  const denied = claims.some((c) => c.kind === "denial");
  const claimSpan = denied ? undefined : claims.find((c) => c.kind === "claim");
  const claimant = claimSpan ? claimantOf(a, claimSpan, d.frames) : null;
  if (claimSpan) {
    cite("claimed", claimSpan);
    if (claimSpan.channelSpan) cite("claim", claimSpan.channelSpan);
    if (claimant && !perpetrators.some((p) => p.name === claimant.name)) {
      perpetrators.unshift({ name: claimant.parent ?? claimant.name, kind: claimant.kind, text: claimant.text, status: "claimed" });
    }
    for (const p of perpetrators) if (claimant && p.name === (claimant.parent ?? claimant.name)) p.status = "claimed";
  }

  const suicide = triggers.some((t) => t.suicide) || d.frames.some((f) => cues.suicide.test(a.doc.clean.slice(f.start, f.end)));

  const location = locationOf(d, ctx);
  if (location && d.place) cite("location", d.place);
  const date = dateOf(a, d);
  if (d.date && date?.provenance !== "defaulted") cite("date", d.date);

  const first = d.frames.find((f) => a.sentences[f.sentence]!.text.length > 0) ?? d.frames[0]!;
  const sentence = a.sentences[first.sentence]!;
  const crowded = d.frames.some((f) => f.crowd);
  const feud = d.frames.some((f) => cues.feud.test(a.doc.clean.slice(f.start, f.end)));
  const [eventType, subEventType] = (feud && feudType(main, triggers)) || (crowdType(main, triggers, perpetrators, crowded, cues) ?? acledType(main, sides.length ? sides : attackers, perpetrators));

  const mention: Mention = {
    documentId: a.doc.id,
    id: `${a.doc.id}#${n}`,
    date,
    location,
    attackTypes,
    eventType,
    subEventType,
    perpetrators,
    targets,
    victims: fromFrames(d.frames, (f) => f.victims).map((v) => ({ text: v.text, type: v.role })),
    weapons,
    claimed: claimSpan !== undefined,
    claim: claimSpan ? { by: claimant ? claimant.parent ?? claimant.name : null, channel: claimSpan.channel ?? null, text: claimSpan.text } : null,
    suicide,
    sentence: (NOT_ONE_LINE.test(sentence.text) ? sentence.text.replace(/\s+/g, " ") : sentence.text).trim(),
    evidence: evidence.sort((x, y) => x.start - y.start),
    confidence: confidenceOf(d, triggers, killed !== undefined, perpetrators.length > 0, location !== null),
  };
  if (killed) mention.killed = countOf(killed);
  if (wounded) mention.wounded = countOf(wounded);
  if (!ctx.main) mention.background = true;
  return mention;
}

/**
 * Whether a target phrase names the attackers: armed forces that are the subject of the attack's
 * verb ("soldiers opened fire on the villagers", "police had fired at protesters") or its agent
 * ("was shot dead by army troops").
 */
function attackerPhrase(text: string, t: TargetSpan, f: Frame, { armedTargets, undergoes, subjectGap, agentBefore }: Cues): boolean {
  if (!armedTargets.has(t.type)) return false;
  if (f.triggers.some((x) => x.end <= t.start) && agentBefore.test(text.slice(Math.max(0, t.start - 30), t.start))) return true;
  const verb = f.triggers.find((x) => x.start >= t.end);
  if (!verb || verb.weak || undergoes.test(verb.text)) return false;
  return subjectGap.test(text.slice(t.end, verb.start));
}

/** One kind of span of all the frames, in their order (a loop: flatMap is slow in V8). */
function fromFrames<T>(frames: Frame[], of: (f: Frame) => T[]): T[] {
  const out: T[] = [];
  for (const f of frames) for (const x of of(f)) out.push(x);
  return out;
}

/**
 * The event's attack types, gravest first. Where its triggers name none ("was killed", "attacked"),
 * the weapon the report names tells it ("killed with a bomb"), else what the trigger's words
 * usually mean when the report does not say how ("murdered").
 */
function attackTypesOf(triggers: TriggerSpan[], weapons: Weapon[], cues: Cues): string[] {
  const types = new Set(triggers.map((t) => t.attackType));
  for (const t of triggers) if (t.yields && types.has(t.yields) && !triggers.some((o) => o !== t && o.attackType === t.attackType && !o.yields)) types.delete(t.attackType);
  if (types.size > 1) types.delete("UNKNOWN");
  if (types.size === 1 && types.has("UNKNOWN")) {
    const byWeapon = weapons.map((w) => cues.weaponAttack.get(w.type)).find((x) => x !== undefined);
    const inferred = byWeapon ?? triggers.find((t) => t.otherwise)?.otherwise;
    if (inferred) return [inferred];
  }
  return cues.attackOrder.filter((x) => types.has(x));
}

function mainTrigger(triggers: TriggerSpan[], cues: Cues): TriggerSpan {
  const strong = triggers.filter((t) => !t.weak);
  const pool = strong.length ? strong : triggers;
  let main = pool[0]!;
  const order = cues.attackOrder;
  for (const t of pool) if (order.indexOf(t.attackType) < order.indexOf(main.attackType)) main = t;
  return main;
}

const isCrowd = (t: TriggerSpan) => t.eventType === "PROTESTS" || t.eventType === "RIOTS";

/**
 * ACLED's armed clash of communal militias, for an event told as a feud between two sides ("a clash
 * between two rival groups", "an attack by his rivals over a land dispute"): a fight or an attack
 * by hand or gun, unless the words call it a riot, a protest or a bombing.
 */
function feudType(main: TriggerSpan, triggers: TriggerSpan[]): [string, string] | null {
  if (main.eventType === "EXPLOSIONS_REMOTE_VIOLENCE" || main.attackType.startsWith("HOSTAGE") || triggers.some(isCrowd)) return null;
  return ["BATTLES", "ARMED_CLASH"];
}

/**
 * The ACLED type of an event a crowd is part of: what the main words mean when a crowd does it
 * ("clashed"); the gravest crowd words of the event (by assemble.yaml's crowdOrder); or, where
 * violence other than a bombing is told in the same sentence as a gathering, force against the
 * protesters when state forces did it and a riot when anyone else did. Null when no crowd is in
 * the event.
 */
function crowdType(main: TriggerSpan, triggers: TriggerSpan[], perps: Perpetrator[], crowded: boolean, { crowdOrder }: Cues): [string, string] | null {
  const crowd = triggers.filter(isCrowd);
  // Words a crowd's doing makes a riot ("supporters of two candidates clashed"), protesters among those who clash included.
  if (main.byCrowd && !isCrowd(main) && (crowded || crowd.some((t) => t.sentence === main.sentence))) return main.byCrowd;
  if (crowd.length === 0) return null;
  if (isCrowd(main)) {
    const gravest = crowd.reduce((x, y) => (crowdOrder.indexOf(y.subEventType) < crowdOrder.indexOf(x.subEventType) ? y : x));
    return [gravest.eventType, gravest.subEventType];
  }
  // A bomb at a gathering is remote violence, whoever set it; fire traded (a gunfight) is a battle.
  if (main.weak || main.attackType === "BOMBING_EXPLOSION" || (main.eventType === "BATTLES" && !main.byCrowd) || !crowd.some((t) => !t.weak && t.sentence === main.sentence)) return null;
  return perps.some((p) => p.kind === "state") ? ["PROTESTS", "EXCESSIVE_FORCE_AGAINST_PROTESTERS"] : ["RIOTS", "VIOLENT_DEMONSTRATION"];
}

function acledType(t: TriggerSpan, sides: string[], perps: Perpetrator[]): [string, string] {
  if (t.byState && perps.some((p) => p.kind === "state")) return t.byState;
  for (const side of sides) {
    const mapped = t.byTarget?.[side];
    if (mapped) return mapped;
  }
  return [t.eventType, t.subEventType];
}

/**
 * The attackers the frames name, named groups first, then state forces, then "gunmen". Actors
 * that are attacked are left out: those after words such as "against", and state forces or
 * unnamed men named after the trigger ("killing two police officers") unless "by" introduces them.
 * A country that is the subject of an air strike or shelling is the state that struck.
 */
function perpetratorsOf(a: AnnotatedDoc, frames: Frame[], cues: Cues): Perpetrator[] {
  const text = a.doc.clean;
  const out: Perpetrator[] = [];
  const add = (p: Perpetrator) => {
    if (!out.some((x) => x.name === p.name)) out.push(p);
  };
  for (const f of frames) {
    const firstTrigger = f.triggers[0]!.start;
    for (const x of f.actors) {
      const before = text.slice(Math.max(0, x.start - 30), x.start);
      if (cues.targetBefore.test(before)) continue;
      if (x.kind !== "organization" && !cues.agentBefore.test(before)) {
        const overlaps = (y: { start: number; end: number }) => y.start < x.end && x.start < y.end;
        const modifies = (y: { start: number; end: number }) => overlaps(y) && y.end - y.start > x.end - x.start;
        if (x.start > firstTrigger || f.targets.some(modifies) || f.victims.some(overlaps)) continue;
      }
      const suspected = f.claims.some((c) => c.kind === "suspicion" && ((c.end <= x.start + 1 && x.start - c.end < 40) || (c.start >= x.end && c.start - x.end <= 1)));
      add({ name: x.parent ?? x.name, kind: x.kind, text: x.text, status: suspected ? "suspected" : "stated" });
    }
    if (f.triggers.some((t) => t.stateAction || t.subEventType === "SHELLING_ARTILLERY_MISSILE_ATTACK")) {
      const subject = f.places.find((p) => p.start < firstTrigger && p.place.precision === "country" && !cues.placeBefore.test(text.slice(Math.max(0, p.start - 12), p.start)));
      if (subject) add({ name: subject.place.name, kind: "state", text: subject.text, status: "stated" });
    }
  }
  return out.sort((x, y) => KIND_ORDER[x.kind] - KIND_ORDER[y.kind]);
}

/**
 * The figures of the sentence after the event's last, when that sentence names no happening of
 * its own: reports tell the attack, then its toll ("Gunmen attacked a bus. Three passengers died
 * and five were wounded."). A figure the event's own sentences give comes first.
 */
function followUpFigures(a: AnnotatedDoc, d: Draft, codebook: Codebook): { killed?: Frame["killed"]; wounded?: Frame["wounded"] } {
  const next = d.lastSentence + 1;
  const sentence = a.sentences[next];
  if (!sentence || a.triggers.some((t) => t.sentence === next)) return {};
  const { killed, wounded } = findCasualties(a, sentence, codebook);
  return { killed, wounded };
}

/**
 * The one group named in the event's sentences or the sentence before them, else in the sentence
 * after them, for an event whose own words name none ("The FMLN stepped up its offensive. Rebels blew up a bridge ..."): the
 * report ties them, though it does not say so outright. None when several groups are named.
 */
function groupNearby(a: AnnotatedDoc, frames: Frame[]): ActorSpan | null {
  const sentences = new Set(frames.map((f) => f.sentence));
  const first = Math.min(...sentences);
  if (first > 0) sentences.add(first - 1);
  const named = (around: Set<number>) => a.actors.filter((x) => x.kind === "organization" && around.has(x.sentence));
  // Wire copy tells the attack first and who did it next ("... A group calling itself X
  // said it planted the bomb"): the next sentence speaks only when these name no group.
  let groups = named(sentences);
  if (groups.length === 0) groups = named(new Set([Math.max(...sentences) + 1]));
  const names = new Set(groups.map((x) => x.parent ?? x.name));
  return names.size === 1 ? groups[0]! : null;
}

/**
 * The one armed group a report names, wherever it names it: a report about a group's attacks
 * ("THE FMLN ... The rebels then blew up a bridge") ties to it an event whose own words name none.
 * None when it names several; a group named as the side attacked ("against the FMLN") is none.
 */
function groupOfReport(a: AnnotatedDoc, cues: Cues): ActorSpan | null {
  const text = a.doc.clean;
  const groups = a.actors.filter((x) => x.kind === "organization" && !cues.targetBefore.test(text.slice(Math.max(0, x.start - 30), x.start)));
  const names = new Set(groups.map((x) => x.parent ?? x.name));
  return names.size === 1 ? groups[0]! : null;
}

/** Who claimed: the group named nearest before the claim words, else any group of the frames. */
function claimantOf(a: AnnotatedDoc, c: ClaimSpan, frames: Frame[]): ActorSpan | null {
  const sameSentence = a.actors.filter((x) => x.sentence === c.sentence && x.kind === "organization");
  const before = sameSentence.filter((x) => x.end <= c.start).pop();
  return before ?? sameSentence[0] ?? fromFrames(frames, (f) => f.actors).find((x) => x.kind === "organization") ?? null;
}

function largest<T extends { value: number | null; min?: number } | undefined>(xs: T[]): NonNullable<T> | undefined {
  let best: NonNullable<T> | undefined;
  for (const x of xs) {
    if (!x) continue;
    const v = x.value ?? x.min ?? -1;
    const b = best ? best.value ?? best.min ?? -1 : -2;
    if (v > b) best = x as NonNullable<T>;
  }
  return best;
}

/**
 * The event's figure: the largest told, plus those told as additions to it ("two of his
 * bodyguards were also killed"), when all are exact.
 */
function summed<T extends CountSpan>(xs: (T | undefined)[]): T | undefined {
  const base = largest(xs.filter((x) => !x?.additional));
  const added = xs.filter((x): x is T => x !== undefined && x.additional === true);
  if (!base || added.length === 0) return largest(xs);
  if (base.value === null || base.min !== undefined || added.some((x) => x.value === null || x.min !== undefined)) return largest(xs);
  return { ...base, value: added.reduce((n, x) => n + x.value!, base.value) };
}

function countOf(c: { value: number | null; min?: number; max?: number; text: string }): Count {
  const out: Count = { value: c.value, text: c.text };
  if (c.min !== undefined) out.min = c.min;
  if (c.max !== undefined) out.max = c.max;
  return out;
}

function locationOf(d: Draft, ctx: MentionContext): Mention["location"] {
  const span = d.place ?? ctx.defaultPlace;
  if (!span) return null;
  const provenance = d.place ? span.place.provenance : "defaulted";
  return { ...span.place, provenance, text: span.text };
}

function dateOf(a: AnnotatedDoc, d: Draft): Mention["date"] {
  if (d.date) return { ...d.date.value };
  // An event with no date of its own happened about when it was reported.
  const published = publicationDate(a);
  if (published) {
    const day = published.slice(0, 10);
    return { start: day, end: day, precision: "day", text: "", provenance: "defaulted" };
  }
  return null;
}

function confidenceOf(d: Draft, triggers: TriggerSpan[], figure: boolean, perp: boolean, place: boolean): number {
  let c = triggers.some((t) => !t.weak) ? 0.5 : 0.3;
  if (d.date) c += 0.1;
  if (place && d.place) c += 0.1;
  if (figure) c += 0.1;
  if (perp) c += 0.1;
  if (d.frames.length > 1) c += 0.05;
  return Math.min(0.95, Math.round(c * 100) / 100);
}
