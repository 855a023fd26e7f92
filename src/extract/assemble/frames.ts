import { DATE_PRECISION_RANK, PLACE_PRECISION_RANK, type ActorSpan, type DateSpan, type PlaceSpan } from "../../model.js";
import type { AnnotatedDoc, ClaimSpan, TargetSpan, TriggerSpan, WeaponSpan } from "../annotated.js";
import { findCasualties, type CasualtyFigures } from "../casualties/index.js";

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
}

/** Kinds of happening that one report never tells as the same event. */
export type FrameClass = "attack" | "remote" | "captive" | "territory" | "beheading";

export function triggerClass(t: TriggerSpan): FrameClass | null {
  // Shelling, "pounded": by guns or by planes, on the ground or from the air; either fits.
  if (t.weak || t.subEventType === "SHELLING_ARTILLERY_MISSILE_ATTACK") return null;
  if (t.subEventType === "AIR_DRONE_STRIKE") return "remote";
  if (t.attackType.startsWith("HOSTAGE") || t.attackType === "HIJACKING") return "captive";
  if (t.subEventType === "NON_STATE_ACTOR_OVERTAKES_TERRITORY") return "territory";
  if (t.name === "beheading") return "beheading";
  return "attack";
}

export function frameClass(f: { triggers: TriggerSpan[] }): FrameClass | null {
  for (const t of f.triggers) {
    const c = triggerClass(t);
    if (c) return c;
  }
  return null;
}

// Words between two triggers that start the telling of another happening.
const BOUNDARY =
  /(?<![\p{L}])(?:in (?:retaliation|response|revenge|reprisal) (?:for|to)|(?:a day|days|hours|weeks|months|a week|shortly|soon) (?:after|before)|after|following|before|since|while|whereas)(?![\p{L}])|;|\s[–—-]\s/giu;
// Right before the trigger ("in a separate attack", "another deadly attack").
const SEPARATE = /(?<![\p{L}])(?:separate|another|other|earlier|previous|fresh)(?:\s+[\p{L}-]+)?\s*$/iu;
const DEFINITE = /(?<![\p{L}])(?:the|this|that|these|those|same|such|its)(?:\s+[\p{L}'’-]+){0,2}\s*$/iu;
// "that deadly incident", but not the conjunction in "confirmed that the attack".
const DEMONSTRATIVE = /(?<![\p{L}])(?:that|this|these|those|same)(?:\s+(?!(?:the|a|an)\b)[\p{L}'’-]+){0,2}\s*$/iu;
// A specific noun right after a definite article refers back too ("claimed the ambush").
const DEFINITE_NOUN = /(?<![\p{L}])(?:the|this|that|these|those|its)\s+$/iu;
const PLURAL_ATTACK = /(?:attacks|assaults|bombings|raids|strikes)$/iu;

/** Splits each sentence's triggers into frames and gathers each frame's arguments. */
export function buildFrames(a: AnnotatedDoc): Frame[] {
  const frames: Frame[] = [];
  const bySentence = new Map<number, TriggerSpan[]>();
  for (const t of a.triggers) {
    if (t.cancelledBy) continue;
    const list = bySentence.get(t.sentence) ?? [];
    list.push(t);
    bySentence.set(t.sentence, list);
  }
  for (const [index, triggers] of [...bySentence.entries()].sort((x, y) => x[0] - y[0])) {
    const sentence = a.sentences[index]!;
    const groups: TriggerSpan[][] = [];
    const cuts: number[] = [];
    for (const t of triggers) {
      const group = groups[groups.length - 1];
      const prev = group?.[group.length - 1];
      if (group && prev) {
        const between = a.doc.clean.slice(prev.end, t.start);
        BOUNDARY.lastIndex = 0;
        const cue = BOUNDARY.exec(between);
        const gc = frameClass({ triggers: group });
        const tc = triggerClass(t);
        if (cue || (gc && tc && gc !== tc)) {
          cuts.push(cue ? prev.end + cue.index : Math.floor((prev.end + t.start) / 2));
          groups.push([t]);
          continue;
        }
        group.push(t);
      } else groups.push([t]);
    }
    groups.forEach((group, g) => {
      const start = g === 0 ? sentence.start : cuts[g - 1]!;
      const end = g === groups.length - 1 ? sentence.end : cuts[g]!;
      frames.push(...splitByNationality(gather(a, index, start, end, group, g > 0)));
    });
  }
  return frames;
}

function gather(a: AnnotatedDoc, sentence: number, start: number, end: number, triggers: TriggerSpan[], subordinate: boolean): Frame {
  const inside = <T extends { start: number; end: number }>(xs: T[]) => xs.filter((x) => x.start >= start && x.end <= end);
  const casualties = findCasualties(a.doc, { index: sentence, start, end, text: a.doc.text.slice(start, end) });
  const first = triggers[0]!;
  const before = a.doc.clean.slice(Math.max(start, first.start - 40), first.start);
  const places = inside(a.places);
  // The date line's date is the report's, not an event's.
  const dateline = a.dateline;
  const dates = inside(a.dates).filter((d) => !dateline || d.end <= dateline.start || d.start >= dateline.end);
  const targets = inside(a.targets);
  const frame: Frame = {
    sentence,
    start,
    end,
    triggers,
    location: chooseLocation(a, places, targets, triggers),
    date: chooseDate(a.doc.clean, dates, triggers),
    places,
    actors: inside(a.actors),
    targets,
    weapons: inside(a.weapons),
    claims: inside(a.claims),
    victims: casualties.victims,
    separate: SEPARATE.test(before),
    anaphoric: triggers.some((t) => t.anaphoric) ? DEFINITE.test(before) : DEFINITE_NOUN.test(before) && !/ed$/i.test(first.text),
    subordinate,
    demonstrative: DEMONSTRATIVE.test(before),
  };
  if (casualties.killed) frame.killed = casualties.killed;
  if (casualties.wounded) frame.wounded = casualties.wounded;
  return frame;
}

// A country or region is where something happened only after words like these ("in eastern Libya").
const LOCATIVE = /(?:^|[^\p{L}])(?:in|at|near|outside|across|inside|into|throughout|within|of|from|around|south|north|east|west)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;
const POSSESSIVE = /^['’]s(?![\p{L}])/u;

/**
 * The place of a stretch: the most precise one named as a place (not the owner in "Morocco's
 * embassy" or "the embassies of Egypt", not a country used as a modifier), nearest a trigger.
 */
function chooseLocation(a: AnnotatedDoc, places: PlaceSpan[], targets: TargetSpan[], triggers: TriggerSpan[]): PlaceSpan | null {
  const text = a.doc.clean;
  let best: PlaceSpan | null = null;
  let bestKey = [-1, 0];
  for (const p of places) {
    if (p.role !== "location") continue;
    if (POSSESSIVE.test(text.slice(p.end, p.end + 3))) continue;
    const coarse = p.place.precision === "country" || p.place.precision === "admin1";
    if (p.place.precision === "country" && targets.some((t) => p.start >= t.start && p.end <= t.nationalityEnd)) continue;
    if (coarse && !LOCATIVE.test(text.slice(Math.max(0, p.start - 40), p.start))) continue;
    const key = [PLACE_PRECISION_RANK[p.place.precision], -distance(p, triggers)];
    if (key[0]! > bestKey[0]! || (key[0] === bestKey[0] && key[1]! > bestKey[1]!)) [best, bestKey] = [p, key];
  }
  return best;
}

// "Police said on Monday", "the ministry announced Tuesday": the day of the report, not the event.
const REPORTING = /(?:said|says|told|announced|reported|added|confirmed|stated)\s+(?:on\s+)?$/i;

/**
 * The date of a stretch: the most precise; among equals, the nearest a trigger. A date that
 * belongs to a reporting verb is the report's, not the event's.
 */
function chooseDate(text: string, dates: DateSpan[], triggers: TriggerSpan[]): DateSpan | null {
  let best: DateSpan | null = null;
  for (const d of dates) {
    if (!d.value.start && !d.value.partial) continue;
    if (REPORTING.test(text.slice(Math.max(0, d.start - 20), d.start))) continue;
    if (!best) best = d;
    else {
      const r = DATE_PRECISION_RANK[d.value.precision] - DATE_PRECISION_RANK[best.value.precision];
      if (r > 0 || (r === 0 && distance(d, triggers) < distance(best, triggers))) best = d;
    }
  }
  return best;
}

function distance(s: { start: number; end: number }, triggers: TriggerSpan[]): number {
  return Math.min(...triggers.map((t) => (s.end <= t.start ? t.start - s.end : s.start >= t.end ? s.start - t.end : 0)));
}

/**
 * "Dual attacks against the embassies of Morocco and South Korea": one plural attack on targets
 * of several nations is as many events, one a nation.
 */
function splitByNationality(f: Frame): Frame[] {
  const plural = f.triggers.some((t) => t.name === "attack" && PLURAL_ATTACK.test(t.text));
  const nations = [...new Set(f.targets.flatMap((t) => t.nationalities))];
  if (!plural || nations.length < 2) return [f];
  return nations.map((cc) => ({
    ...f,
    targets: f.targets
      .filter((t) => t.nationalities.includes(cc))
      .map((t) => ({ ...t, nationalities: [cc] })),
  }));
}
