import type { Codebook } from "../codebook/schema.js";
import { boilerplateRules, type BoilerplateRules, type LineRule } from "./rules.js";

// Everything here replaces characters one for one, so `cleanText(t).length === t.length` and an
// offset found in the cleaned text is the same offset in the user's text.

/** Spaces in place of every character but line breaks. */
function blank(s: string): string {
  return s.replace(/[^\r\n]/g, " ");
}

function normalise(text: string, rules: BoilerplateRules): string {
  return text.replace(rules.normaliseChars, (c) => rules.normalised.get(c) ?? c);
}

const latinLetter = /\p{Script=Latin}/u;
const letter = /\p{L}/u;

/** Most letters Latin: lines in other scripts are then links or labels, not the article. */
function mostlyLatin(text: string): boolean {
  let latin = 0;
  let other = 0;
  const end = Math.min(text.length, 4000);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    // ASCII letters are counted by code; a Unicode property test per character is slow.
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    else if (c >= 0xc0) {
      const ch = text[i];
      if (latinLetter.test(ch)) latin++;
      else if (letter.test(ch)) other++;
    }
  }
  return latin > other;
}

function endsLikeProse(line: string, minWords: number): boolean {
  if (/(?:\.\.\.|…)["')\]]*$/.test(line)) return false;
  if (!/[.!?]["')\]]*$/.test(line)) return false;
  return (line.match(/\S+/g)?.length ?? 0) >= minWords;
}

/** Which lines are boilerplate: a matching line, a teaser block, or a repeated line. */
function boilerplateLines(lines: string[], text: string, rules: BoilerplateRules): boolean[] {
  let latin: boolean | undefined;
  const matches = (line: string, list: LineRule[]) =>
    list.some((rule) => rule.regex.test(line) && (!rule.onlyInLatinText || (latin ??= mostlyLatin(text))));
  const drop = new Array<boolean>(lines.length).fill(false);
  const seen = new Set<string>();
  let inTeasers = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    if (matches(line, rules.blocks)) {
      inTeasers = true;
      drop[i] = true;
    } else if (matches(line, rules.lines)) {
      drop[i] = true;
    } else if (inTeasers && !endsLikeProse(line, rules.proseMinWords)) {
      drop[i] = true;
    } else {
      inTeasers = false;
      if (line.length >= rules.duplicateMinLength) {
        if (seen.has(line)) drop[i] = true;
        else seen.add(line);
      }
    }
  }
  return drop;
}

function cleanLine(line: string, rules: BoilerplateRules): string {
  let out = line;
  for (const regex of rules.inline) out = out.replace(regex, blank);
  for (const rule of rules.markup) out = out.replace(rule.regex, (m) => m.replace(rule.blank, " "));
  return out;
}

/**
 * The text later stages read: punctuation normalised, boilerplate blanked with spaces, hashtags and
 * handles turned back into words; always exactly as long as `text`.
 */
export function cleanText(text: string, codebook: Codebook): string {
  const rules = boilerplateRules(codebook);
  const lines = normalise(text, rules).split("\n");
  const drop = boilerplateLines(lines, text, rules);
  return lines.map((line, i) => (drop[i] ? blank(line) : cleanLine(line, rules))).join("\n");
}
