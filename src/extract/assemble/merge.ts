import { DATE_PRECISION_RANK, PLACE_PRECISION_RANK, type DateSpan, type PlaceSpan } from "../../model.js";
import { distanceKm } from "../../geo/candidates.js";
import type { Cues } from "./cues.js";
import { frameClass, type Frame, type FrameClass } from "./frames.js";

/** The frames of one document that tell one happening. */
export interface Draft {
  frames: Frame[];
  cls: FrameClass | null;
  date: DateSpan | null;
  place: PlaceSpan | null;
  nations: Set<string>;
  groups: Set<string>;
  names: Set<string>;
  lastSentence: number;
}


/**
 * Merges frames into drafts, one a happening, in reading order (FASTUS's merging of partial
 * events). A frame joins the event it refers back to ("the attack"), or an event it shares an
 * embassy's nation, a town or a date with, or the event just told when nothing sets them apart;
 * otherwise it starts an event of its own. Two frames never merge when their dates, places,
 * target nations, kinds or named groups disagree.
 */
export function mergeFrames(frames: Frame[], cues: Cues): Draft[] {
  const drafts: Draft[] = [];
  // The event the story is about, and the one told last: "the attack" means the first, "that
  // attack" or "the same attack" the second ("... came after a raid on a hotel. That attack ...").
  let current: Draft | null = null;
  let latest: Draft | null = null;
  for (const f of frames) {
    const traits = traitsOf(f, cues);
    let target = chooseDraft(f, traits, drafts, f.demonstrative && latest ? latest : current);
    if (!target && substantive(f)) {
      target = { frames: [], cls: null, date: null, place: null, nations: new Set(), groups: new Set(), names: new Set(), lastSentence: f.sentence };
      drafts.push(target);
    }
    if (!target) continue;
    absorb(target, f, traits);
    latest = target;
    // What a sentence tells after "after" or "in retaliation for" is context: the story goes on
    // about the event of its main clause.
    if (!f.subordinate || !current) current = target;
  }
  return drafts;
}

function chooseDraft(f: Frame, traits: Traits, drafts: Draft[], current: Draft | null): Draft | null {
  // "The attack", "that deadly incident": the event just told, even when the stretch also names
  // a date that belongs to something else in it ("the attack ... a campaign launched in May").
  // A reference back that names its victim ("the murder of X") means the event X was killed in.
  const named = traits.names.size > 0 ? drafts.find((d) => shares(traits.names, d.names) && compatible(f, traits, d, true)) : undefined;
  if (named) return named;
  if (f.anaphoric && !f.separate && current && compatible(f, traits, current, false)) return current;
  let best: Draft | null = null;
  let bestScore = 0;
  for (const d of drafts) {
    if (!compatible(f, traits, d, true)) continue;
    const s = identity(f, traits, d) - (f.separate && d === current ? 2 : 0);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  if (best && bestScore >= 2) return best;
  if (!current || f.separate) return null;
  const next = f.sentence - current.lastSentence <= 1;
  // A figure or detail in the next sentence ("20 were wounded, two died in hospital on Sunday")
  // goes on about the event, whatever day its words mention.
  if (next && !f.subordinate && !f.location && f.triggers.every((t) => t.weak) && compatible(f, traits, current, false)) return current;
  if (!compatible(f, traits, current, true)) return null;
  // A headline tells the main event: the first stretch that fits it is that event.
  if (current.frames.every((x) => x.sentence === 0)) return current;
  // A stretch that names neither when nor where adds to the event being told.
  if (!f.date && !f.location) return current;
  // The next sentence goes on about the same event, unless it brings a date the event lacks.
  if (next && !(f.date && !current.date)) return current;
  return null;
}

/** How strongly a frame and a draft name the same happening. */
function identity(f: Frame, traits: Traits, d: Draft): number {
  let s = 0;
  if (shares(traits.nations, d.nations)) s += 3;
  if (f.location && d.place && f.location.place.precision !== "country" && samePlace(f.location, d.place)) s += 2;
  if (f.date?.value.start && d.date && f.date.value.start === d.date.value.start && f.date.value.end === d.date.value.end) s += 2;
  if (shares(traits.groups, d.groups)) s += 1;
  return s;
}

function compatible(f: Frame, traits: Traits, d: Draft, checkDate: boolean): boolean {
  if (traits.cls && d.cls && traits.cls !== d.cls) return false;
  if (checkDate && f.date && d.date && !datesOverlap(f.date, d.date)) return false;
  if (f.location && d.place && !placesAgree(f.location, d.place)) return false;
  if (traits.nations.size && d.nations.size && !shares(traits.nations, d.nations)) return false;
  if (traits.groups.size && d.groups.size && !shares(traits.groups, d.groups)) return false;
  return true;
}

/**
 * A frame can start an event: a specific trigger, or a generic one with a figure, or with a day
 * and a town, or with a named group or a claim and a place or date, or with attackers and whom
 * they attacked ("subversives attacked a former minister"). A generic reference back ("the
 * attacks") starts nothing without a figure; state forces with a target are as often an
 * operation as an attack.
 */
function substantive(f: Frame): boolean {
  const figure = f.killed !== undefined || f.wounded !== undefined;
  if (f.triggers.some((t) => !t.weak)) return true;
  // "Hundreds of workers protested": a crowd doing it is the event, a statement of protest has none.
  if (f.crowd && f.triggers.some((t) => t.byCrowd)) return true;
  if (f.anaphoric) return figure;
  const named = f.actors.some((a) => a.kind === "organization") || f.claims.some((c) => c.kind === "claim");
  const anchored = f.date !== null || f.location !== null;
  // An attacker named apart from the trigger's own words ("terrorist attacks" names none).
  const attacker = f.actors.some((x) => x.kind !== "state" && !f.triggers.some((t) => x.start < t.end && t.start < x.end));
  // "Two groups clashed in Khulna on Sunday", "a man was killed on 17 April in Rosario": told
  // with a day and a town of its own, a generic word reports a happening. Protest words need a
  // gathering (above): a statement of protest has a day and a town too.
  const town = f.location !== null && PLACE_PRECISION_RANK[f.location.place.precision] >= PLACE_PRECISION_RANK.city;
  const dated = town && f.date?.value.precision === "day" && f.triggers.some((t) => t.byCrowd?.[0] !== "PROTESTS");
  return dated || (figure && (anchored || named || f.targets.length > 0)) || (named && anchored) || (f.targets.length > 0 && attacker);
}

/** A finer date, but one without a year ("in September") does not replace one that has it ("in 2006"). */
function finer(a: DateSpan, b: DateSpan): boolean {
  return DATE_PRECISION_RANK[a.value.precision] > DATE_PRECISION_RANK[b.value.precision] && (a.value.start !== null || b.value.start === null);
}

function absorb(d: Draft, f: Frame, traits: Traits): void {
  d.frames.push(f);
  d.lastSentence = Math.max(d.lastSentence, f.sentence);
  d.cls ??= traits.cls;
  if (f.date && (!d.date || (datesOverlap(f.date, d.date) && finer(f.date, d.date)))) d.date = f.date;
  if (f.location && (!d.place || PLACE_PRECISION_RANK[f.location.place.precision] > PLACE_PRECISION_RANK[d.place.place.precision])) d.place = f.location;
  for (const n of traits.nations) d.nations.add(n);
  for (const g of traits.groups) d.groups.add(g);
  for (const n of traits.names) d.names.add(n);
}

/** What tells one frame's happening from another's, worked out once a frame. */
interface Traits {
  cls: FrameClass | null;
  /** Nations of targets such as embassies, whose nation tells one attack from another. */
  nations: Set<string>;
  groups: Set<string>;
  /** The words of the names of the people it says were killed, wounded or taken. */
  names: Set<string>;
}

/** A word of a victim's name shorter than this is an initial or a particle ("de", "al"). */
const NAME_WORD = 3;

function traitsOf(f: Frame, { nationalTargets }: Cues): Traits {
  const nations = new Set<string>();
  for (const t of f.targets) if (nationalTargets.has(t.type)) for (const n of t.nationalities) nations.add(n);
  const groups = new Set<string>();
  for (const a of f.actors) if (a.kind === "organization") groups.add(a.parent ?? a.name);
  // Words of a victim's phrase that a target also spans are titles ("the mayor"), not names.
  const names = new Set<string>();
  for (const v of f.victims) {
    if (!v.named) continue;
    for (const w of v.text.matchAll(/\p{L}+/gu)) {
      const start = v.start + w.index;
      if (w[0].length < NAME_WORD || f.targets.some((t) => t.start <= start && start < t.end)) continue;
      names.add(w[0].toLowerCase());
    }
  }
  return { cls: frameClass(f), nations, groups, names };
}

function shares(xs: Set<string>, ys: Set<string>): boolean {
  for (const x of xs) if (ys.has(x)) return true;
  return false;
}

function datesOverlap(a: DateSpan, b: DateSpan): boolean {
  const [as, ae, bs, be] = [a.value.start, a.value.end, b.value.start, b.value.end];
  if (as && ae && bs && be) return as <= be && bs <= ae;
  const pa = a.value.partial;
  const pb = b.value.partial;
  if (!pa || !pb) return true;
  // Without a year, "Sunday" and "January 28" may or may not be one day: only dates that say the
  // same kind of thing can agree.
  const fields = (["day", "month", "weekday"] as const).filter((k) => pa[k] !== undefined && pb[k] !== undefined);
  return fields.length > 0 && fields.every((k) => pa[k] === pb[k]);
}

function samePlace(a: PlaceSpan, b: PlaceSpan): boolean {
  if (a.place.geonameId !== null && a.place.geonameId === b.place.geonameId) return true;
  return kmBetween(a, b) <= 30;
}

function placesAgree(a: PlaceSpan, b: PlaceSpan): boolean {
  if (a.place.country && b.place.country && a.place.country !== b.place.country) return false;
  const fine = (p: PlaceSpan) => PLACE_PRECISION_RANK[p.place.precision] >= PLACE_PRECISION_RANK.city;
  return !(fine(a) && fine(b)) || kmBetween(a, b) <= 60;
}

/** Kilometres between two places; unknown (Infinity) when either has no point. */
function kmBetween(a: PlaceSpan, b: PlaceSpan): number {
  const [la, oa, lb, ob] = [a.place.lat, a.place.lon, b.place.lat, b.place.lon];
  return la === null || oa === null || lb === null || ob === null ? Infinity : distanceKm(la, oa, lb, ob);
}
