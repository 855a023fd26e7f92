import type { Codebook } from "../../codebook/schema.js";
import { DATE_PRECISION_RANK, PLACE_PRECISION_RANK, type ActorSpan, type DateSpan, type PlaceSpan } from "../../model.js";
import type { AnnotatedDoc, ClaimSpan, TargetSpan, TriggerSpan, WeaponSpan } from "../annotated.js";
import { findCasualties, type CasualtyFigures } from "../casualties/index.js";
import { assembleCues, type Cues } from "./cues.js";

/**
 * What one stretch of one sentence says about one happening: its trigger words and the arguments
 * found between its boundaries (FASTUS's partial event), casualty figures read off that stretch
 * alone. Frames are merged into mentions later.
 */
export interface Frame {
  sentence: number;
  start: number;
  end: number;
  triggers: TriggerSpan[];
  places: PlaceSpan[];
  actors: ActorSpan[];
  targets: TargetSpan[];
  weapons: WeaponSpan[];
  claims: ClaimSpan[];
  /** Where and when this stretch says it happened, when it says. */
  location: PlaceSpan | null;
  date: DateSpan | null;
  killed?: CasualtyFigures["killed"];
  wounded?: CasualtyFigures["wounded"];
  victims: CasualtyFigures["victims"];
  /** The words set it apart from the event told just before ("in a separate attack", "another"). */
  separate: boolean;
  /** It refers back to an event already told ("the attack", "that deadly incident"). */
  anaphoric: boolean;
  /** It points at the event told last ("that attack", "the same attack"), not the story's main one. */
  demonstrative: boolean;
  /** It follows "after", "in retaliation for" and the like: context for the sentence's main event. */
  subordinate: boolean;
  /**
   * A crowd of people acts in it: named before the trigger ("hundreds of workers protested") or as
   * the other side right after it ("clashed with villagers").
   */
  crowd: boolean;
}

/**
 * Kinds of happening that one report never tells as the same event: by the trigger's codes, or the
 * kind its codebook entry names.
 */
export type FrameClass = string;

export function triggerClass(t: TriggerSpan): FrameClass | null {
  // Shelling, "pounded": by guns or by planes, on the ground or from the air; either fits.
  if (t.weak || t.subEventType === "SHELLING_ARTILLERY_MISSILE_ATTACK") return null;
  if (t.subEventType === "AIR_DRONE_STRIKE") return "remote";
  if (t.attackType.startsWith("HOSTAGE") || t.attackType === "HIJACKING") return "captive";
  if (t.subEventType === "NON_STATE_ACTOR_OVERTAKES_TERRITORY") return "territory";
  return t.happening ?? "attack";
}

export function frameClass(f: { triggers: TriggerSpan[] }): FrameClass | null {
  for (const t of f.triggers) {
    const c = triggerClass(t);
    if (c) return c;
  }
  return null;
}

// Two verbs of one subject joined by "and" tell one deed: "were kidnapped and shot dead", "abducted
// and later murdered" (the taking and the killing of the same people).
function oneDeed(between: string, a: FrameClass, b: FrameClass, { joinedVerbs }: Cues): boolean {
  return ((a === "captive" && b === "attack") || (a === "attack" && b === "captive")) && joinedVerbs.test(between);
}

// A trigger in -ed after the article is a participle ("the bombed embassy"), not a noun that
// refers back.
const PAST_PARTICIPLE = /ed$/i;

/** Splits each sentence's triggers into frames and gathers each frame's arguments. */
export function buildFrames(a: AnnotatedDoc, codebook: Codebook): Frame[] {
  const cues = assembleCues(codebook);
  const frames: Frame[] = [];
  const bySentence = new Map<number, TriggerSpan[]>();
  for (const t of a.triggers) {
    if (t.cancelledBy) continue;
    const list = bySentence.get(t.sentence);
    if (list) list.push(t);
    else bySentence.set(t.sentence, [t]);
  }
  const layers = layersOf(a);
  const { boundary } = cues;
  for (const [index, triggers] of [...bySentence.entries()].sort((x, y) => x[0] - y[0])) {
    const sentence = a.sentences[index]!;
    const groups: TriggerSpan[][] = [];
    const cuts: number[] = [];
    for (const t of triggers) {
      const group = groups[groups.length - 1];
      const prev = group?.[group.length - 1];
      if (group && prev) {
        const between = a.doc.clean.slice(prev.end, t.start);
        boundary.lastIndex = 0;
        const cue = boundary.exec(between);
        const gc = frameClass({ triggers: group });
        const tc = triggerClass(t);
        if (cue || (gc && tc && gc !== tc && !oneDeed(between, gc, tc, cues))) {
          cuts.push(cue ? prev.end + cue.index : Math.floor((prev.end + t.start) / 2));
          groups.push([t]);
          continue;
        }
        group.push(t);
      } else groups.push([t]);
    }
    for (let g = 0; g < groups.length; g++) {
      const start = g === 0 ? sentence.start : cuts[g - 1]!;
      const end = g === groups.length - 1 ? sentence.end : cuts[g]!;
      frames.push(gather(a, layers, index, start, end, groups[g]!, g > 0, codebook, cues));
    }
  }
  return frames;
}

/**
 * The spans of one layer, to find those of a stretch. Layers come in text order, so a binary search
 * finds them rather than a reading of the whole layer once a stretch.
 */
class Layer<T extends { start: number; end: number }> {
  private readonly ordered: boolean;

  constructor(private readonly spans: readonly T[]) {
    let ordered = true;
    for (let i = 1; i < spans.length && ordered; i++) ordered = spans[i - 1]!.start <= spans[i]!.start;
    this.ordered = ordered;
  }

  /** The spans wholly inside `start`..`end`, in the layer's order. */
  inside(start: number, end: number): T[] {
    const spans = this.spans;
    if (!this.ordered) return spans.filter((x) => x.start >= start && x.end <= end);
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (spans[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    const found: T[] = [];
    for (let i = lo; i < spans.length && spans[i]!.start <= end; i++) if (spans[i]!.end <= end) found.push(spans[i]!);
    return found;
  }
}

interface Layers {
  places: Layer<PlaceSpan>;
  dates: Layer<DateSpan>;
  actors: Layer<ActorSpan>;
  targets: Layer<TargetSpan>;
  weapons: Layer<WeaponSpan>;
  claims: Layer<ClaimSpan>;
}

function layersOf(a: AnnotatedDoc): Layers {
  // The date line's date is the report's, not an event's.
  const dateline = a.dateline;
  return {
    places: new Layer(a.places),
    dates: new Layer(a.dates.filter((d) => !dateline || d.end <= dateline.start || d.start >= dateline.end)),
    actors: new Layer(a.actors),
    targets: new Layer(a.targets),
    weapons: new Layer(a.weapons),
    claims: new Layer(a.claims),
  };
}

function gather(a: AnnotatedDoc, layers: Layers, sentence: number, start: number, end: number, triggers: TriggerSpan[], subordinate: boolean, codebook: Codebook, cues: Cues): Frame {
  const casualties = findCasualties(a, { start, end }, codebook);
  const first = triggers[0]!;
  const before = a.doc.clean.slice(Math.max(start, first.start - 40), first.start);
  const places = layers.places.inside(start, end);
  const targets = layers.targets.inside(start, end);
  const frame: Frame = {
    sentence,
    start,
    end,
    triggers,
    location: chooseLocation(a, places, targets, triggers, cues),
    date: chooseDate(a.doc.clean, layers.dates.inside(start, end), triggers, cues),
    places,
    actors: layers.actors.inside(start, end),
    targets,
    weapons: layers.weapons.inside(start, end),
    claims: layers.claims.inside(start, end),
    victims: casualties.victims,
    separate: cues.separate.test(before),
    anaphoric: triggers.some((t) => t.anaphoric) ? cues.definite.test(before) : cues.definiteNoun.test(before) && !PAST_PARTICIPLE.test(first.text),
    subordinate,
    demonstrative: cues.demonstrative.test(before),
    crowd: crowdActs(a.doc.clean, start, end, triggers, places, cues),
  };
  if (casualties.killed) frame.killed = casualties.killed;
  if (casualties.wounded) frame.wounded = casualties.wounded;
  return frame;
}

function crowdActs(text: string, start: number, end: number, triggers: TriggerSpan[], places: PlaceSpan[], cues: Cues): boolean {
  const { crowd, partner } = cues;
  const last = triggers[triggers.length - 1]!;
  if (crowd.test(text.slice(start, last.start))) return true;
  if (triggers.some((t) => partner.test(text.slice(t.end, Math.min(end, t.end + 80))))) return true;
  // "Students protested in Lahore", "In Quetta, lawyers protested": a protest held in a town or a
  // district is a gathering; a statement of protest is made to someone, not somewhere.
  return triggers.some((t) => t.byCrowd?.[0] === "PROTESTS" && places.some((p) => heldIn(text, t, p, cues)));
}

function heldIn(text: string, t: TriggerSpan, p: PlaceSpan, { heldAt, locative }: Cues): boolean {
  if (p.role !== "location" || PLACE_PRECISION_RANK[p.place.precision] < PLACE_PRECISION_RANK.district) return false;
  return p.start >= t.end ? heldAt.test(text.slice(t.end, p.start)) : locative.test(text.slice(Math.max(0, p.start - 40), p.start));
}

const POSSESSIVE = /^['’]s(?![\p{L}])/u;

/**
 * The place of a stretch: the most precise one named as a place (not the owner in "Morocco's
 * embassy" or "the embassies of Egypt", not a country used as a modifier), nearest a trigger;
 * the dateline's city of a report set elsewhere only when the stretch names no other.
 */
function chooseLocation(a: AnnotatedDoc, places: PlaceSpan[], targets: TargetSpan[], triggers: TriggerSpan[], { locative }: Cues): PlaceSpan | null {
  const text = a.doc.clean;
  let best: PlaceSpan | null = null;
  let bestRank = -1;
  let bestNearness = 0;
  const abroad = filedAbroad(a);
  for (const p of places) {
    if (p.role !== "location" || p === abroad) continue;
    if (POSSESSIVE.test(text.slice(p.end, p.end + 3))) continue;
    const coarse = p.place.precision === "country" || p.place.precision === "admin1";
    if (p.place.precision === "country" && targets.some((t) => p.start >= t.start && p.end <= t.nationalityEnd)) continue;
    // A country or region is where something happened only after a locative ("in eastern Libya").
    if (coarse && !locative.test(text.slice(Math.max(0, p.start - 40), p.start))) continue;
    const rank = PLACE_PRECISION_RANK[p.place.precision];
    const nearness = -distance(p, triggers);
    if (rank > bestRank || (rank === bestRank && nearness > bestNearness)) {
      best = p;
      bestRank = rank;
      bestNearness = nearness;
    }
  }
  return best ?? (abroad?.role === "location" && places.includes(abroad) ? abroad : null);
}

const filed = new WeakMap<AnnotatedDoc, PlaceSpan | null>();

/**
 * The dateline's city ("MANAGUA, 12 JAN 90 --") when the report is set in another country,
 * one it names (or its people) more than twice as often: the city is where the report was
 * filed, not where it happened.
 */
export function filedAbroad(a: AnnotatedDoc): PlaceSpan | null {
  let found = filed.get(a);
  if (found !== undefined) return found;
  found = null;
  const d = a.dateline;
  const lineStart = d ? a.doc.clean.lastIndexOf("\n", d.start) + 1 : 0;
  const city = d && a.places.find((p) => p.start >= lineStart && p.end <= d.start && !/[.!?]/.test(a.doc.clean.slice(p.end, d.start)));
  if (city?.place.country) {
    const counts = new Map<string, number>();
    // By the countries it names, and their people: the towns of a report may be surnames.
    for (const p of a.places) if (p.place.precision === "country") counts.set(p.place.country!, (counts.get(p.place.country!) ?? 0) + 1);
    const own = counts.get(city.place.country) ?? 0;
    for (const n of counts.values()) if (n > 2 * own) found = city;
  }
  filed.set(a, found);
  return found;
}

const BARE_WEEKDAY = /^(?:(?:last|this|past)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?$/i;

/**
 * The date of a stretch: the most precise; among equals, a written day over a bare weekday, then the nearest a trigger. A date that
 * belongs to a reporting verb is the report's, not the event's.
 */
function chooseDate(text: string, dates: DateSpan[], triggers: TriggerSpan[], { reporting }: Cues): DateSpan | null {
  let best: DateSpan | null = null;
  for (const d of dates) {
    if (!d.value.start && !d.value.partial) continue;
    if (reporting.test(text.slice(Math.max(0, d.start - 20), d.start))) continue;
    if (!best) best = d;
    else {
      const r = DATE_PRECISION_RANK[d.value.precision] - DATE_PRECISION_RANK[best.value.precision];
      // "on Thursday [3 September]": the written day says which Thursday, and a weekday can be misread.
      const w = Number(BARE_WEEKDAY.test(best.text)) - Number(BARE_WEEKDAY.test(d.text));
      if (r > 0 || (r === 0 && (w > 0 || (w === 0 && distance(d, triggers) < distance(best, triggers))))) best = d;
    }
  }
  return best;
}

function distance(s: { start: number; end: number }, triggers: TriggerSpan[]): number {
  let nearest = Infinity;
  for (const t of triggers) nearest = Math.min(nearest, s.end <= t.start ? t.start - s.end : s.start >= t.end ? s.start - t.end : 0);
  return nearest;
}
