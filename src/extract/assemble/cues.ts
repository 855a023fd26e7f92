import { perCodebook } from "../../codebook/load.js";
import type { Codebook } from "../../codebook/schema.js";

/** codebook/assemble.yaml: the words the assembler reads around triggers. */
export interface AssembleBook {
  boundaries: string[];
  separate: string[];
  definite: string[];
  demonstrative: string[];
  definiteNoun: string[];
  locatives: string[];
  reporting: string[];
  attackOrder: string[];
  crowdOrder: string[];
  weaponAttack: Record<string, string>;
  placeBefore: string[];
  targetBefore: string[];
  agentBefore: string[];
  crowds: string[];
  partners: string[];
  gatheredAt: string[];
  suicide: string[];
  articles: string[];
  nationalTargets: string[];
  armedTargets: string[];
  feuds: string[];
  subjectGap: string[];
  undergoes: string[];
  deedAdverbs: string[];
}

/** The word lists as the expressions the assembler tests stretches of text with. */
export interface Cues {
  /** Between two triggers: where the telling of another happening starts. */
  boundary: RegExp;
  /** At the end of the words before a trigger. */
  separate: RegExp;
  definite: RegExp;
  demonstrative: RegExp;
  definiteNoun: RegExp;
  locative: RegExp;
  reporting: RegExp;
  placeBefore: RegExp;
  targetBefore: RegExp;
  agentBefore: RegExp;
  /** Words naming a crowd of people, anywhere in a stretch. */
  crowd: RegExp;
  /** Right after a trigger: the other side it names ("clashed with villagers"). */
  partner: RegExp;
  /** Between a protest's words and the town after them: the protest was held there ("protested in Lahore"). */
  heldAt: RegExp;
  /** Anywhere in a stretch. */
  suicide: RegExp;
  attackOrder: readonly string[];
  crowdOrder: readonly string[];
  /** The attack type a weapon tells when no trigger of the event does. */
  weaponAttack: ReadonlyMap<string, string>;
  nationalTargets: ReadonlySet<string>;
  /** Target types that name armed forces: as the subject of the attack's verb, they are the attackers. */
  armedTargets: ReadonlySet<string>;
  /** Anywhere in a stretch: the fight is a feud between two armed sides. */
  feud: RegExp;
  /** All of the words between an actor and the verb it does ("police had allegedly opened fire"). */
  subjectGap: RegExp;
  /** At the start of a trigger: it tells what was done to the phrase before it ("were attacked"). */
  undergoes: RegExp;
  /** All of the words between two verbs of one subject that tell one deed ("kidnapped and later shot"). */
  joinedVerbs: RegExp;
}

const NOT_AFTER_LETTER = "(?<![\\p{L}])";
const NOT_BEFORE_LETTER = "(?![\\p{L}])";

/** One alternation of phrases, longest first, spaces matching any run of space. */
function anyOf(phrases: readonly string[]): string {
  const escaped = [...phrases].sort((a, b) => b.length - a.length).map((p) => p.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"));
  return `(?:${escaped.join("|")})`;
}

export function compileCues(book: AssembleBook): Cues {
  const words = (list: string[]) => `${NOT_AFTER_LETTER}${anyOf(list)}`;
  const article = `(?:${anyOf(book.articles)}\\s+)?`;
  return {
    // A semicolon or a dash between spaces ends a clause as the words do.
    boundary: new RegExp(`${words(book.boundaries)}${NOT_BEFORE_LETTER}|;|\\s[–—-]\\s`, "giu"),
    separate: new RegExp(`${words(book.separate)}(?:\\s+[\\p{L}-]+)?\\s*$`, "iu"),
    definite: new RegExp(`${words(book.definite)}(?:\\s+[\\p{L}'’-]+){0,2}\\s*$`, "iu"),
    demonstrative: new RegExp(`${words(book.demonstrative)}(?:\\s+(?!${anyOf(book.articles)}${NOT_BEFORE_LETTER})[\\p{L}'’-]+){0,2}\\s*$`, "iu"),
    definiteNoun: new RegExp(`${words(book.definiteNoun)}\\s+$`, "iu"),
    locative: new RegExp(`${words(book.locatives)}\\s+${article}(?:[\\p{L}-]+\\s+){0,2}$`, "iu"),
    reporting: new RegExp(`${words(book.reporting)}\\s+(?:on\\s+)?$`, "iu"),
    placeBefore: new RegExp(`${words(book.placeBefore)}\\s+${article}$`, "iu"),
    targetBefore: new RegExp(`${words(book.targetBefore)}\\s+${article}$`, "iu"),
    agentBefore: new RegExp(`${words(book.agentBefore)}\\s+${article}$`, "iu"),
    crowd: new RegExp(`${words(book.crowds)}${NOT_BEFORE_LETTER}`, "iu"),
    partner: new RegExp(`^\\s*${anyOf(book.partners)}\\s+(?:[\\p{L}'’-]+\\s+){0,4}?${anyOf(book.crowds)}${NOT_BEFORE_LETTER}`, "iu"),
    heldAt: new RegExp(`^\\s*${anyOf(book.gatheredAt)}\\s[^,;.!?\\n]{0,60}$`, "iu"),
    suicide: new RegExp(`${words(book.suicide)}${NOT_BEFORE_LETTER}`, "iu"),
    attackOrder: book.attackOrder,
    crowdOrder: book.crowdOrder,
    weaponAttack: new Map(Object.entries(book.weaponAttack)),
    nationalTargets: new Set(book.nationalTargets),
    armedTargets: new Set(book.armedTargets),
    feud: new RegExp(`${words(book.feuds)}${NOT_BEFORE_LETTER}`, "iu"),
    subjectGap: new RegExp(`^(?:\\s+(?:\\p{L}+ly|${anyOf(book.subjectGap)}))*\\s*$`, "iu"),
    undergoes: new RegExp(`^${anyOf(book.undergoes)}\\s`, "iu"),
    joinedVerbs: new RegExp(`^,?\\s+and\\s+(?:(?:\\p{L}+ly|${anyOf(book.deedAdverbs)})\\s+)?$`, "iu"),
  };
}

export const assembleCues: (book: Codebook) => Cues = perCodebook((book) => compileCues(book.assemble));
