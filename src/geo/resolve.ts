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
  /** Places already resolved, for nearness. */
  anchors: { match: NameMatch; candidate: Candidate }[];
}

interface Choice {
  candidate: Candidate;
  /** Context, not the candidate's own standing, made the choice. */
  inferred: boolean;
}

function contextScore(m: NameMatch, c: Candidate, ctx: Context, self: string | null): number {
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

function choose(m: NameMatch, ctx: Context, self: string | null): Choice {
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  let byPrior: Candidate | null = null;
  let bestPrior = -Infinity;
  for (const c of m.names.candidates) {
    const p = prior(c, ctx.book);
    const score = p + contextScore(m, c, ctx, self);
    if (score > bestScore) [best, bestScore] = [c, score];
    if (p > bestPrior) [byPrior, bestPrior] = [c, p];
  }
  return { candidate: best!, inferred: best !== byPrior };
}

/** How often the article names a country, not counting the name being resolved. */
function weightOf(c: Candidate, ctx: Context, self: string | null): number {
  return (ctx.support.get(c.country ?? "") ?? 0) - (c.country === self ? 1 : 0);
}

/**
 * A country backs a candidate when the region hint names it or the article names it often: a
 * quarter as often as its most named country at least (a report from El Salvador that names
 * the United States once does not make every American town a candidate).
 */
function supported(c: Candidate, ctx: Context, self: string | null): boolean {
  if (!c.country) return false;
  if (c.country === ctx.region) return true;
  const weight = weightOf(c, ctx, self);
  return weight > 0 && weight >= ctx.top / 4;
}

/** Whether the name, read as this candidate, is a place named in the text. */
function accepted(m: NameMatch, c: Candidate, ctx: Context, self: string | null): boolean {
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
  if (!m.caseless) return strong || backed || cued || large;
  // In capitals surnames look like towns ("RODRIGUEZ"): only a capital or a metropolis stands alone.
  return backed || (cued && large) || (strong && (c.kind === "PPLC" || c.kind === "PPLG" || c.reviewed || c.population >= 1e6));
}

export const isCued = (m: NameMatch) => m.locative || m.regionCue || m.settlement;

function supportOf(matches: NameMatch[], chosen: Map<NameMatch, Candidate>): Map<string, number> {
  const support = new Map<string, number>();
  const add = (code: string | null, n: number) => code && support.set(code, (support.get(code) ?? 0) + n);
  for (const m of matches) {
    const c = chosen.get(m);
    if (c) add(c.country, m.names.kind === "country" ? 2 : 1);
  }
  return support;
}

/**
 * Resolves every match in two rounds. The first counts the countries named and the places that
 * need no context; the second adds the places the first accepted, and their nearness.
 */
export function resolveNames(matches: NameMatch[], region: string | undefined, book: PlacesCodebook): { match: NameMatch; place: Place }[] {
  const empty: Context = { book, region, support: new Map(), top: 0, anchors: [] };
  const firstPass = new Map<NameMatch, Candidate>();
  for (const m of matches) {
    const { candidate } = choose(m, empty, null);
    const standalone = m.names.kind !== "place" || (isStrong(candidate, book) && !m.common);
    if (standalone && accepted(m, candidate, empty, null)) firstPass.set(m, candidate);
  }
  const support1 = supportOf(matches, firstPass);
  const round1: Context = { book, region, support: support1, top: Math.max(0, ...support1.values()), anchors: [] };
  const second = new Map<NameMatch, Candidate>();
  for (const m of matches) {
    const self = firstPass.get(m)?.country ?? null;
    const { candidate } = choose(m, round1, self);
    if (accepted(m, candidate, round1, self)) second.set(m, candidate);
  }
  const support2 = supportOf(matches, second);
  const round2: Context = {
    book,
    region,
    support: support2,
    top: Math.max(0, ...support2.values()),
    anchors: [...second].filter(([m]) => m.names.kind === "place").map(([match, candidate]) => ({ match, candidate })),
  };
  const out: { match: NameMatch; place: Place }[] = [];
  for (const m of matches) {
    const self = second.get(m)?.country ?? null;
    const { candidate, inferred } = choose(m, round2, self);
    if (!accepted(m, candidate, round2, self)) continue;
    const place = candidate.toPlace();
    if (inferred) place.provenance = "inferred";
    out.push({ match: m, place });
  }
  return out;
}
