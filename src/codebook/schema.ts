import * as z from "zod";
import { PhraseLexicon } from "../extract/phrase-lexicon.js";
import { tokenizeWords } from "../extract/words.js";
import { ACTOR_KINDS, ATTACK_TYPES, EVENT_TYPES, PLACE_PRECISIONS, SUB_EVENT_TYPES, TARGET_TYPES, WEAPON_TYPES } from "./codes.js";

// One strict schema per codebook file: a key the stages do not read is a typo, a code outside the
// contract's lists would reach the output, and a pattern is compiled the way its stage compiles it,
// so an analyst's mistake is reported at load with the entry it is in rather than ignored or thrown
// from the middle of an extraction.

const text = z.string().min(1);
const count = z.int().nonnegative();

function code<const T extends readonly [string, ...string[]]>(list: T, what: string) {
  return z.enum(list, { error: (issue) => `${JSON.stringify(issue.input)} is not one of the contract's ${what}` });
}

/** A record keyed by codes of `list` (not all of them needed). */
function codeRecord<V extends z.ZodType>(list: readonly string[], what: string, value: V) {
  const key = z.string().refine((k) => list.includes(k), { error: (issue) => `${JSON.stringify(issue.input)} is not one of the contract's ${what}` });
  return z.record(key, value);
}

const attackType = code(ATTACK_TYPES, "attack types");
const eventType = code(EVENT_TYPES, "event types");
const subEventType = code(SUB_EVENT_TYPES, "sub-event types");
const weaponType = code(WEAPON_TYPES, "weapon types");
const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: (issue) => `${JSON.stringify(issue.input)} is not a country code (ISO 3166-1 alpha-2, two capital letters)` });

/** Why `compile` throws, without the source the engine quotes back (the entry names the pattern). */
function compileError(compile: () => unknown): string | undefined {
  try {
    compile();
    return undefined;
  } catch (err) {
    return (err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "");
  }
}

function compiles(compile: (source: string) => unknown) {
  return text.superRefine((source, ctx) => {
    const error = compileError(() => compile(source));
    if (error) ctx.addIssue({ code: "custom", message: `pattern ${JSON.stringify(source)} does not compile: ${error}` });
  });
}

/**
 * A regular expression a stage compiles with `compilePatterns` (triggers, cues, claims, weapons):
 * case-insensitive, not in Unicode mode. A source that compiles alone compiles inside its group.
 */
const wordPattern = compiles((source) => new RegExp(source, "i"));
/** A boilerplate pattern: compiled alone, in Unicode mode where it uses \p{...} (src/document/rules.ts). */
const boilerplatePattern = compiles((source) => new RegExp(source, /\\[pP]\{|\\u\{/.test(source) ? "u" : ""));
/** A phrase of words looked up in a `PhraseLexicon`; a trailing "*" matches any ending of the last word. */
const phrase = text.superRefine((source, ctx) => {
  // Inside a word a "*" is read as a break between two words, and the phrase matches nothing.
  if (/\*(?!\s*$)/.test(source)) return ctx.addIssue({ code: "custom", message: `phrase ${JSON.stringify(source)}: a "*" matches any ending only at the end of the last word` });
  const error = compileError(() => new PhraseLexicon<true>().add(source, true));
  if (error) ctx.addIssue({ code: "custom", message: error });
});

/** The key a lexicon files a phrase under: phrases with one key are one phrase. */
function phraseKey(source: string): string {
  const wildcard = /\*\s*$/.test(source);
  return tokenizeWords(source.replace(/\*\s*$/, "")).map((w) => w.key).join(" ") + (wildcard ? "*" : "");
}

interface Keyed {
  /** Path of the item from the schema's value. */
  path: PropertyKey[];
  key: string;
}

/**
 * Reports each key met before, at its second place. The checks using it run even when some items
 * are invalid (the others may still repeat one another), so they read their items as unknown.
 */
function reportAgain(what: string, keyed: Keyed[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, PropertyKey[]>();
  for (const { path, key } of keyed) {
    const first = seen.get(key);
    // The paths go in `params` for the reader to say where the first one is.
    if (first !== undefined) ctx.addIssue({ code: "custom", path, message: `${what} ${JSON.stringify(key)} again`, params: { again: path, first } });
    else seen.set(key, path);
  }
}

const always = { when: () => true };
const field = (item: unknown, name: string): unknown => (item !== null && typeof item === "object" ? (item as Record<string, unknown>)[name] : undefined);
const items = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** The strings of a list with their paths under `path`. */
const stringsAt = (value: unknown, path: PropertyKey[], keyOf: (s: string) => string = (s) => s): Keyed[] =>
  items(value).flatMap((s, k) => (typeof s === "string" ? [{ path: [...path, k], key: keyOf(s) }] : []));
/** Each item's `name`. */
const namesAt = (value: unknown, path: PropertyKey[]): Keyed[] =>
  items(value).flatMap((item, k) => (typeof field(item, "name") === "string" ? [{ path: [...path, k, "name"], key: field(item, "name") as string }] : []));

/** The first of each key: the repeats of one list are its own check's to report. */
function firstOfEach(keyed: Keyed[]): Keyed[] {
  const seen = new Set<string>();
  return keyed.filter(({ key }) => !seen.has(key) && seen.add(key));
}

/** A list whose items are each written once. */
function distinct<T extends z.ZodArray>(what: string, list: T, keysOf: (items: unknown[]) => Keyed[]): T {
  return list.superRefine((xs, ctx) => reportAgain(what, keysOf(xs), ctx), always);
}

/**
 * A list whose entries are each written once: a repeat is dead at best, and at worst the sign of
 * an edit made in one place and not the other.
 */
function listOf<T extends z.ZodType<string>>(item: T, what = "entry", keyOf?: (s: string) => string) {
  return distinct(what, z.array(item), (xs) => stringsAt(xs, [], keyOf));
}

const words = listOf(text);
const patternList = distinct("pattern", z.array(wordPattern).min(1), (ps) => stringsAt(ps, []));
/** Phrases looked up in one lexicon: phrases with one key are one phrase. */
const phrases = listOf(phrase, "phrase", phraseKey);

// --- triggers.yaml (src/extract/triggers.ts) -----------------------------------------------------

/** ACLED's event type and sub-event type, in that order. */
const acledPair = z.tuple([eventType, subEventType]);

export const triggerEntry = z.strictObject({
  name: text,
  patterns: patternList,
  attackType,
  eventType,
  subEventType,
  byTarget: codeRecord(TARGET_TYPES, "target types", acledPair).optional(),
  byState: acledPair.optional(),
  byCrowd: acledPair.optional(),
  weapon: weaponType.optional(),
  yields: attackType.optional(),
  otherwise: attackType.optional(),
  suicide: z.boolean().optional(),
  weak: z.boolean().optional(),
  anaphoric: z.boolean().optional(),
  stateAction: z.boolean().optional(),
  happening: text.optional(),
  sequel: z.boolean().optional(),
});

const triggersFile = z.strictObject({
  triggers: distinct(
    "pattern",
    distinct("trigger", z.array(triggerEntry), (entries) => namesAt(entries, [])),
    // Where two entries could match the same words the earlier wins: a pattern written twice is dead.
    (entries) => entries.flatMap((entry, i) => firstOfEach(stringsAt(field(entry, "patterns"), [i, "patterns"]))),
  ),
});

// --- modality.yaml (src/extract/triggers.ts) -----------------------------------------------------

export const modalityCue = z
  .strictObject({ name: text, before: count.optional(), after: count.optional(), patterns: patternList })
  .refine((cue) => cue.before !== undefined || cue.after !== undefined, { error: "a cue needs a window: before, after or both" });

const modalityFile = z.strictObject({
  cues: distinct("cue", z.array(modalityCue), (cues) => namesAt(cues, [])),
  pluralEndings: words,
  massNouns: words,
  determiners: words,
});

// --- claims.yaml (src/extract/claims.ts) ---------------------------------------------------------

const claimsFile = z
  .strictObject({ claim: patternList, denial: patternList, suspicion: patternList, channels: z.record(text, wordPattern) })
  // Denials are tried first, then claims, then suspicions: a pattern in two lists counts for the first.
  .superRefine((book, ctx) => reportAgain("pattern", (["denial", "claim", "suspicion"] as const).flatMap((kind) => firstOfEach(stringsAt(book[kind], [kind]))), ctx), always);

// --- weapons.yaml and targets.yaml (src/extract/weapons.ts, targets.ts) ----------------------------

/**
 * Lists by code, each item written once, and under one code only: `keyOf` says which items the
 * stage cannot tell apart, and of those the earlier code's wins.
 */
function listsByCode(list: readonly string[], what: string, item: z.ZodType<string>, keyOf: (source: string) => string, again: string) {
  const entries = distinct(again, z.array(item).min(1), (xs) => stringsAt(xs, []));
  return codeRecord(list, what, entries).superRefine(
    (book, ctx) => reportAgain(again, Object.entries(book).flatMap(([type, xs]) => firstOfEach(stringsAt(xs, [type], keyOf))), ctx),
    always,
  );
}

const weaponsFile = z.strictObject({ weapons: listsByCode(WEAPON_TYPES, "weapon types", wordPattern, (p) => p, "pattern") });
const targetsFile = z.strictObject({
  targets: listsByCode(TARGET_TYPES, "target types", phrase, phraseKey, "phrase"),
  phraseEdges: words,
  harmedPeople: code(TARGET_TYPES, "target types"),
});

// --- actors.yaml (src/extract/actors.ts) ---------------------------------------------------------

/** An alias; `case: exact` for one that is an ordinary word in another case ("IS"). */
const alias = z.union([phrase, z.strictObject({ text: phrase, case: z.literal("exact") })]);

export const actorGroup = z.strictObject({
  name: text,
  kind: code(ACTOR_KINDS, "actor kinds"),
  parent: text.optional(),
  from: z.int().optional(),
  to: z.int().optional(),
  aliases: distinct("alias", z.array(alias), (aliases) => aliases.flatMap((a, k) => {
    const written = typeof a === "string" ? a : field(a, "text");
    return typeof written === "string" ? [{ path: [k], key: written }] : [];
  })),
});

/** The lexicon keys of a group's name and aliases: one key under two groups is ambiguous. */
function aliasKeys(group: unknown, index: number): Keyed[] {
  const name = field(group, "name");
  const keys: Keyed[] = typeof name === "string" ? [{ path: [index, "name"], key: phraseKey(name) }] : [];
  items(field(group, "aliases")).forEach((a, k) => {
    const exact = field(a, "text");
    const key = typeof a === "string" ? phraseKey(a) : typeof exact === "string" ? `${exact} (exact case)` : undefined;
    if (key !== undefined) keys.push({ path: [index, "aliases", k], key });
  });
  return firstOfEach(keys);
}

const actorsFile = z
  .strictObject({
    groups: distinct("alias", distinct("group", z.array(actorGroup), (groups) => namesAt(groups, [])), (groups) => groups.flatMap(aliasKeys)),
    state: phrases,
    unknown: phrases,
    // A codebook without it finds only the groups its lists hold.
    groupNames: z.strictObject({ heads: words, markers: words, breaks: words }).default({ heads: [], markers: [], breaks: [] }),
  })
  // One lexicon holds them all and the first phrase added wins: a group's alias, then state forces,
  // then the unnamed. A phrase written again in a later list is never read there.
  .superRefine(
    (book, ctx) =>
      reportAgain("phrase", [
        ...firstOfEach(items(book.groups).flatMap(aliasKeys)).map((k) => ({ ...k, path: ["groups", ...k.path] })),
        ...firstOfEach(stringsAt(book.state, ["state"], phraseKey)),
        ...firstOfEach(stringsAt(book.unknown, ["unknown"], phraseKey)),
      ], ctx),
    always,
  )
  .superRefine((book, ctx) => {
    const names = new Set(book.groups.map((g) => g.name));
    book.groups.forEach((g, i) => {
      if (g.parent !== undefined && !names.has(g.parent)) ctx.addIssue({ code: "custom", path: ["groups", i, "parent"], message: `parent ${JSON.stringify(g.parent)} is no group's name` });
    });
  });

// --- boilerplate.yaml (src/document/rules.ts) ----------------------------------------------------

const boilerplateEntry = { name: text, comment: text, pattern: boilerplatePattern, caseSensitive: z.boolean().optional() };
export const boilerplateLine = z.strictObject({ ...boilerplateEntry, onlyInLatinText: z.boolean().optional() });
export const boilerplateInline = z.strictObject(boilerplateEntry);
export const boilerplateMarkup = z.strictObject({ ...boilerplateEntry, blank: text });

/** One UTF-16 unit: anything else would shift every offset after it. */
const oneUnit = z.string().length(1, { error: (issue) => `${JSON.stringify(issue.input)} is not one UTF-16 character` });

const boilerplateFile = z
  .strictObject({
    normalise: z.record(oneUnit, z.string().refine((variants) => [...variants].every((v) => v.length === 1), { error: "every character listed must be one UTF-16 character" })).optional(),
    lines: z.array(boilerplateLine).optional(),
    blocks: z.array(boilerplateLine).optional(),
    teasers: z.strictObject({ proseMinWords: count }),
    duplicateLines: z.strictObject({ minLength: count }),
    markup: z.array(boilerplateMarkup).optional(),
    inline: z.array(boilerplateInline).optional(),
  })
  .superRefine((book, ctx) => reportAgain("entry", (["lines", "blocks", "markup", "inline"] as const).flatMap((section) => namesAt(book[section], [section])), ctx), always);

// --- casualties.yaml and numbers.yaml (src/extract/casualties/) ----------------------------------

const harmForms = z.strictObject({
  passive: words.optional(),
  intransitive: words.optional(),
  adjectives: words.optional(),
  active: words.optional(),
  nouns: words.optional(),
  tolls: words.optional(),
});

const casualtiesFile = z.strictObject({
  roles: z.strictObject({ killed: harmForms.optional(), wounded: harmForms.optional(), kidnapped: harmForms.optional(), other: harmForms.optional() }),
  nounAgents: words,
  tollLinks: words,
  fillers: words,
  auxiliaries: words,
  reducedFollowers: words,
  phraseEnds: words,
  notPeople: words,
  singularSubjects: words,
  singularDeterminers: words,
  ownedKillings: words,
  irregularPlurals: words,
  perpetrators: words,
  subsetBefore: words,
  subsetAfter: words,
  additive: words,
  zero: z.strictObject({
    subjects: words,
    determiners: words,
    nounFillers: words,
    /** Which figures a zero word sets: "no one was hurt" both, "no one was killed" the killed. */
    words: z.record(text, z.enum(["both", "killed", "wounded"])),
  }),
});

const numbersFile = z.strictObject({
  units: z.record(text, count),
  tens: z.record(text, count),
  scales: z.record(text, count),
  exact: z.record(text, count),
  articles: words,
  ordinals: words,
  vague: z.record(text, z.strictObject({ min: count.optional(), max: count.optional() })),
  modifiers: z.record(text, z.enum(["min", "max", "below", "approximate"])),
  labels: words,
});

// --- clauses.yaml and dates.yaml (src/extract/casualties/lexicon.ts, triggers.ts, dates/modifiers.ts) --

const clausesFile = z.strictObject({
  punctuation: words,
  // Joined into the trigger scope's expression, in Unicode mode.
  words: listOf(compiles((source) => new RegExp(source, "u")), "pattern"),
  relativePronouns: words,
});

/** A part of a month or a year: the words that name it (joined into one expression), and its first and last day or month. */
const datePart = z.strictObject({
  before: listOf(wordPattern, "pattern"),
  of: listOf(wordPattern, "pattern"),
  month: z.tuple([z.int().min(1).max(31), z.int().min(1).max(31)]),
  year: z.tuple([z.int().min(1).max(12), z.int().min(1).max(12)]),
});

const datesFile = z.strictObject({
  /** January to December, each name written out first, then its short forms. */
  months: distinct("month name", z.array(words.min(1)).length(12), (months) => months.flatMap((names, i) => firstOfEach(stringsAt(names, [i])))),
  parts: z.record(text, datePart),
  yearBefore: words,
  countedNouns: words,
});

// --- the remaining files -------------------------------------------------------------------------

const abbreviationsFile = z.strictObject({ abbreviations: words });

const languageFile = z.strictObject({
  minWords: count,
  english: z.strictObject({ code: z.string().regex(/^[a-z]{3}$/, { error: "expected an ISO 639-3 code (three small letters)" }), minShare: z.number().min(0).max(1), words }),
});

const labels = (list: readonly string[], what: string) => codeRecord(list, what, text);

const exportLabelsFile = z.strictObject({
  gtd: z.strictObject({ attackType: labels(ATTACK_TYPES, "attack types"), targetType: labels(TARGET_TYPES, "target types"), weaponType: labels(WEAPON_TYPES, "weapon types") }),
  acled: z.strictObject({ eventType: labels(EVENT_TYPES, "event types"), subEventType: labels(SUB_EVENT_TYPES, "sub-event types") }),
});

export const supplementPlace = z.strictObject({
  name: text,
  aliases: words.optional(),
  country: countryCode,
  admin1: text.optional(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  precision: code(PLACE_PRECISIONS, "place precisions"),
  note: text.optional(),
});

const placesFile = z.strictObject({
  places: distinct("place", z.array(supplementPlace), (places) =>
    namesAt(places, []).map(({ path, key }) => ({ path, key: `${key}, ${String(field(places[path[0] as number], "country"))}` })),
  ).optional(),
  aliases: distinct("geonameId", z.array(z.strictObject({ geonameId: z.int().positive(), names: words })), (aliases) =>
    aliases.flatMap((a, i) => (typeof field(a, "geonameId") === "number" ? [{ path: [i, "geonameId"], key: String(field(a, "geonameId")) }] : [])),
  ).optional(),
  demonyms: z.record(text, countryCode).optional(),
  notPlaces: words.optional(),
  givenNames: words.optional(),
  personTitles: words.optional(),
  locativeCues: words.optional(),
  unknownPlaceCues: words.optional(),
  capitalsLocativeCues: words.optional(),
  settlementCues: words.optional(),
  regionCues: words.optional(),
  firstLevelCues: words.optional(),
  containerCues: words.optional(),
  unitCountries: z.record(text, z.array(countryCode).min(1)).optional(),
  localityCues: words.optional(),
  distanceUnits: z.record(text, z.number().positive()).optional(),
  regionAffixes: z.strictObject({ prefixes: words, suffixes: words }),
  nameFollowers: words.optional(),
  qualifiers: words.optional(),
  connectors: words.optional(),
  thresholds: z.strictObject({ strongPopulation: count, unsupportedPopulation: count, nearKm: z.number().positive(), partKm: z.number().positive(), referenceKm: z.number().nonnegative(), settingWeight: count }),
  priors: z.strictObject({ kinds: z.record(text, z.number()), reviewedSize: z.number(), ownName: z.number(), reviewed: z.number() }),
});

const weight = z.number();

const resolveFile = z.strictObject({
  link: z.strictObject({ threshold: weight, thresholdOneSided: weight, textWeight: weight }),
  place: z.strictObject({ sameKm: z.number().nonnegative(), radiusKm: z.number().nonnegative() }),
  agreement: z.strictObject({ attackTypes: weight, targetTypes: weight, nationality: weight, perpetrators: weight, weapons: weight, eventType: weight, killed: weight }),
  disagreement: z.strictObject({ targetTypes: weight, perpetrators: weight, eventType: weight }),
  killedTolerance: z.strictObject({ ratio: z.number().nonnegative(), absolute: count }),
  stopwords: words,
});

/** assemble.yaml: the words the assembler reads around triggers. */
const assembleFile = z.strictObject({
  boundaries: words,
  separate: words,
  definite: words,
  demonstrative: words,
  definiteNoun: words,
  locatives: words,
  reporting: words,
  attackOrder: listOf(attackType),
  crowdOrder: listOf(subEventType),
  weaponAttack: codeRecord(WEAPON_TYPES, "weapon types", attackType),
  placeBefore: words,
  targetBefore: words,
  agentBefore: words,
  crowds: words,
  partners: words,
  gatheredAt: words,
  suicide: words,
  articles: words,
  nationalTargets: listOf(code(TARGET_TYPES, "target types")),
  armedTargets: listOf(code(TARGET_TYPES, "target types")),
  feuds: words,
  subjectGap: words,
  undergoes: words,
  deedAdverbs: words,
});

// --- the codebook --------------------------------------------------------------------------------

/** Every codebook file's schema, by the codebook's key for it. */
export const codebookSchema = z.strictObject({
  abbreviations: abbreviationsFile,
  assemble: assembleFile,
  actors: actorsFile,
  boilerplate: boilerplateFile,
  casualties: casualtiesFile,
  claims: claimsFile,
  clauses: clausesFile,
  dates: datesFile,
  exportLabels: exportLabelsFile,
  language: languageFile,
  modality: modalityFile,
  numbers: numbersFile,
  places: placesFile,
  resolve: resolveFile,
  targets: targetsFile,
  triggers: triggersFile,
  weapons: weaponsFile,
});

export type Codebook = z.infer<typeof codebookSchema>;

/** The file in the codebook folder that holds each part. */
export const CODEBOOK_FILES: { readonly [K in keyof Codebook]: string } = {
  abbreviations: "abbreviations.yaml",
  assemble: "assemble.yaml",
  actors: "actors.yaml",
  boilerplate: "boilerplate.yaml",
  casualties: "casualties.yaml",
  claims: "claims.yaml",
  clauses: "clauses.yaml",
  dates: "dates.yaml",
  exportLabels: "export-labels.yaml",
  language: "language.yaml",
  modality: "modality.yaml",
  numbers: "numbers.yaml",
  places: "places.yaml",
  resolve: "resolve.yaml",
  targets: "targets.yaml",
  triggers: "triggers.yaml",
  weapons: "weapons.yaml",
};

export type AbbreviationsFile = Codebook["abbreviations"];
export type AssembleFile = Codebook["assemble"];
export type ActorsFile = Codebook["actors"];
export type BoilerplateFile = Codebook["boilerplate"];
export type CasualtiesFile = Codebook["casualties"];
export type ClaimsFile = Codebook["claims"];
export type ClausesFile = Codebook["clauses"];
export type DatesFile = Codebook["dates"];
export type ExportLabelsFile = Codebook["exportLabels"];
export type LanguageFile = Codebook["language"];
export type ModalityFile = Codebook["modality"];
export type NumbersFile = Codebook["numbers"];
export type PlacesFile = Codebook["places"];
export type ResolveFile = Codebook["resolve"];
export type TargetsFile = Codebook["targets"];
export type TriggersFile = Codebook["triggers"];
export type WeaponsFile = Codebook["weapons"];
export type TriggerEntry = z.infer<typeof triggerEntry>;
export type ModalityCue = z.infer<typeof modalityCue>;
export type ActorGroup = z.infer<typeof actorGroup>;
export type BoilerplateLine = z.infer<typeof boilerplateLine>;
export type BoilerplateMarkup = z.infer<typeof boilerplateMarkup>;
export type SupplementPlace = z.infer<typeof supplementPlace>;
