import type { Place } from "../model.js";
import { isRegionKind, isSettlementKind, isStrong, prior, type Candidate, type NameCandidates, withinKm } from "./candidates.js";
import type { PlacesCodebook } from "./codebook.js";

// Which place each name means, and whether it names a place at all, decided by the article's own
// context: the countries it names (by name or by their people), the region the deployment
// watches, the places it names that need no context, and the cue words around the name.

/** A name found in the text, with what the words around it say. */
export interface NameMatch {
  start: number;
  end: number;
  /** First and last word of the span (article and cue word included). */
  from: number;
  to: number;
  key: string;
  names: NameCandidates;
  sentence: number;
  /** Capitalisation tells nothing here (capitals, a headline, a hashtag). */
  caseless: boolean;
  /** First word of a sentence or line. */
  initial: boolean;
  /** After "in", "near", "at"... */
  locative: boolean;
  /** After "the town of", "city"... */
  settlement: boolean;
  /** Before "department", "province"... */
  regionCue: boolean;
  pluralCue: boolean;
  /** The countries that use the unit word after the name ("Sreepur upazila": BD), or null. */
  unitCountries: string[] | null;
  /** One word that is also an ordinary English word ("Reading", "Police"). */
  common: boolean;
  /** A short word in capitals in mixed-case prose ("IS", "NBC"): an acronym. */
  acronym: boolean;
  /** Part of a person's or a group's name. */
  partOfName: boolean;
  /** On the codebook's list of names that are not places. */
  stopped: boolean;
}

interface Context {
  book: PlacesCodebook;
  region: string | undefined;
  /** Country -> how often the article names it (countries, demonyms, places). */
  support: Map<string, number>;
  /** The largest count in `support`. */
  top: number;
  /**
   * Country -> how often the article names it as where it is set (`support` less its people's
   * names), once every place has been read: empty before the last round.
   */
  setting: Map<string, number>;
  /** Places already resolved, for nearness. */
  anchors: { match: NameMatch; candidate: Candidate }[];
}

/** The country a name was last read in, and how much its mentions added to that country's count. */
interface Self {
  country: string;
  n: number;
}

interface Choice {
  candidate: Candidate;
  /** Context, not the candidate's own standing, made the choice. */
  inferred: boolean;
}

function contextScore(m: NameMatch, c: Candidate, ctx: Context, self: Self | null): number {
  let score = 0;
  if (c.country && c.country === ctx.region) score += 6;
  // A name does not support itself: its own country's count is taken off.
  if (supported(c, ctx, self)) score += 4;
  else if (weightOf(c, ctx, self) > 0) score += 2;
  if (nearAnchor(m, c, ctx)) score += 2;
  if (m.regionCue && isRegionKind(c.kind)) score += 10;
  if (m.settlement && isSettlementKind(c.kind)) score += 2;
  return score;
}

/** True when another place the article names lies near the candidate. */
function nearAnchor(m: NameMatch, c: Candidate, ctx: Context): boolean {
  // A loop, not a callback: this runs for every candidate of every name in every round.
  const { nearKm } = ctx.book.thresholds;
  for (const a of ctx.anchors) if (a.match !== m && withinKm(a.candidate.lat, a.candidate.lon, c.lat, c.lon, nearKm)) return true;
  return false;
}

/** The best reading of a name in context; none when the unit word after it rules out every candidate. */
function choose(m: NameMatch, ctx: Context, self: Self | null): Choice | null {
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  let byPrior: Candidate | null = null;
  let bestPrior = -Infinity;
  for (const c of m.names.candidates) {
    // "Madan upazila" is in Bangladesh, whatever else is called Madan.
    if (m.unitCountries && !(c.country && m.unitCountries.includes(c.country))) continue;
    const p = prior(c, ctx.book);
    const score = p + contextScore(m, c, ctx, self);
    if (score > bestScore) [best, bestScore] = [c, score];
    if (p > bestPrior) [byPrior, bestPrior] = [c, p];
  }
  return best ? { candidate: best, inferred: best !== byPrior } : null;
}

/** How often the article names a country, not counting the name being resolved. */
function weightOf(c: Candidate, ctx: Context, self: Self | null): number {
  return (ctx.support.get(c.country ?? "") ?? 0) - (self && c.country === self.country ? self.n : 0);
}

/**
 * A country backs a candidate when the region hint names it or the article names it often: a
 * quarter as often as its most named country at least (a report from El Salvador that names
 * the United States once does not make every American town a candidate).
 */
function supported(c: Candidate, ctx: Context, self: Self | null): boolean {
  if (!c.country) return false;
  if (c.country === ctx.region) return true;
  const weight = weightOf(c, ctx, self);
  return weight > 0 && weight >= ctx.top / 4;
}

/**
 * Whether the article is set in some country, named without the name being resolved: by its
 * name, its unit words or its places, not by its people ("Indian guards crossed into Nepal").
 */
function elsewhere(ctx: Context, self: Self | null): boolean {
  const { settingWeight } = ctx.book.thresholds;
  for (const [code, n] of ctx.setting) if (n - (self && code === self.country ? self.n : 0) >= settingWeight) return true;
  return false;
}

/** Whether the name, read as this candidate, is a place named in the text. */
function accepted(m: NameMatch, c: Candidate, ctx: Context, self: Self | null): boolean {
  const { unsupportedPopulation } = ctx.book.thresholds;
  if (m.names.kind !== "place") {
    // "US" in capitals is the pronoun as often as the country.
    return !(m.caseless && m.common && m.key.length <= 3);
  }
  if (m.acronym) return false;
  const strong = isStrong(c, ctx.book);
  const backed = supported(c, ctx, self);
  const cued = isCued(m);
  const large = c.own && c.population >= unsupportedPopulation;
  if (m.common) {
    // "Reading", "Mobile", "Police": in mixed case a place under its own name when large, or when
    // a cue word and the article's countries agree; in capitals only a large place after a cue.
    if (!c.own || (m.initial && !m.caseless)) return false;
    return m.caseless ? strong && cued : strong || (backed && cued);
  }
  // A report set in one country does not name a small town of another that no other word of it
  // points to: "Islampur" in a Bangladeshi report is not the Indian town of that name.
  const foreign = weightOf(c, ctx, self) <= 0 && c.country !== ctx.region && elsewhere(ctx, self);
  if (!m.caseless) return strong || backed || (!foreign && (cued || large));
  // In capitals surnames look like towns ("RODRIGUEZ"): only a capital or a metropolis stands alone.
  return backed || (cued && large) || (strong && (c.kind === "PPLC" || c.kind === "PPLG" || c.reviewed || c.population >= 1e6));
}

export const isCued = (m: NameMatch) => m.locative || m.regionCue || m.settlement;

/** What one mention adds to its country's count: a country's name says more than a town's. */
const weightOfName = (m: NameMatch) => (m.names.kind === "country" ? 2 : 1);

/**
 * What a name's own mentions add to the count of the country it was last read in: a name
 * repeated ("Jahangirpur village ... of Jahangirpur village") does not back itself.
 */
function selves(matches: NameMatch[], chosen: Map<NameMatch, Candidate>): Map<NameMatch, Self> {
  const byKey = new Map<string, number>();
  for (const [m, c] of chosen) byKey.set(`${m.key} ${c.country}`, (byKey.get(`${m.key} ${c.country}`) ?? 0) + weightOfName(m));
  const out = new Map<NameMatch, Self>();
  for (const m of matches) {
    const c = chosen.get(m);
    if (c?.country) out.set(m, { country: c.country, n: byKey.get(`${m.key} ${c.country}`)! });
  }
  return out;
}

/** The context of a round: what the names chosen so far say of the article's countries. */
function contextOf(
  matches: NameMatch[], chosen: Map<NameMatch, Candidate>, named: Map<string, number>, region: string | undefined, book: PlacesCodebook, last: boolean,
): Context {
  const support = new Map(named);
  const setting = new Map(last ? named : []);
  const add = (to: Map<string, number>, code: string | null, n: number) => code && to.set(code, (to.get(code) ?? 0) + n);
  const anchors: Context["anchors"] = [];
  for (const m of matches) {
    const c = chosen.get(m);
    if (!c) continue;
    if (m.names.kind === "place") anchors.push({ match: m, candidate: c });
    add(support, c.country, weightOfName(m));
    if (last && m.names.kind !== "demonym") add(setting, c.country, weightOfName(m));
  }
  return { book, region, support, setting, top: Math.max(0, ...support.values()), anchors };
}

/**
 * Resolves every match in two rounds, `named` counting the countries the text names otherwise
 * (by their unit words). The first counts the countries named and the places that
 * need no context; the second adds the places the first accepted, and their nearness.
 */
export function resolveNames(matches: NameMatch[], region: string | undefined, book: PlacesCodebook, named: Map<string, number>): { match: NameMatch; place: Place }[] {
  const empty: Context = { book, region, support: new Map(), setting: new Map(), top: 0, anchors: [] };
  const firstPass = new Map<NameMatch, Candidate>();
  for (const m of matches) {
    const candidate = choose(m, empty, null)?.candidate;
    if (!candidate) continue;
    const standalone = m.names.kind !== "place" || (isStrong(candidate, book) && !m.common);
    if (standalone && accepted(m, candidate, empty, null)) firstPass.set(m, candidate);
  }
  // Nearness counts from the second round on, once places that need context are read.
  const round1: Context = { ...contextOf(matches, firstPass, named, region, book, false), anchors: [] };
  const second = new Map<NameMatch, Candidate>();
  const self1 = selves(matches, firstPass);
  for (const m of matches) {
    const self = self1.get(m) ?? null;
    const candidate = choose(m, round1, self)?.candidate;
    if (candidate && accepted(m, candidate, round1, self)) second.set(m, candidate);
  }
  const round2 = contextOf(matches, second, named, region, book, true);
  const out: { match: NameMatch; place: Place }[] = [];
  const self2 = selves(matches, second);
  for (const m of matches) {
    const self = self2.get(m) ?? null;
    const choice = choose(m, round2, self);
    if (!choice || !accepted(m, choice.candidate, round2, self)) continue;
    const { candidate, inferred } = choice;
    const place = candidate.toPlace();
    if (inferred) place.provenance = "inferred";
    out.push({ match: m, place });
  }
  return out;
}
