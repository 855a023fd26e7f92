import { createRequire } from "node:module";

// The short English names the GTD and ACLED print ("Syria", not "Syrian Arab Republic"), from
// world-countries (ODbL, Mledoze). Loaded on first use: only exports need it.
let names: Map<string, string> | undefined;

/** The common English name of an ISO 3166-1 alpha-2 code; the code itself when unknown. */
export function countryName(code: string): string {
  if (!names) {
    const countries = createRequire(import.meta.url)("world-countries") as { cca2: string; name: { common: string } }[];
    names = new Map(countries.map((c) => [c.cca2, c.name.common]));
  }
  return names.get(code.toUpperCase()) ?? code;
}
