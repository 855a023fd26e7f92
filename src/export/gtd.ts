import type { PlacePrecision } from "../model.js";
import { countryName } from "./country-names.js";
import { csvLine } from "./csv.js";
import { label } from "./labels.js";
import type { ExportRow } from "./row.js";

// Columns named and coded as in the GTD codebook, so that scripts written for the GTD read Sitrep's
// export. Unknown counts stay empty (the GTD's blank), never 0.
export const GTD_COLUMNS = [
  "eventid", "iyear", "imonth", "iday", "approxdate", "country_txt", "provstate", "city",
  "latitude", "longitude", "specificity",
  "attacktype1_txt", "attacktype2_txt", "attacktype3_txt",
  "targtype1_txt", "targtype2_txt", "targtype3_txt", "natlty1_txt",
  "weaptype1_txt", "weaptype2_txt", "weaptype3_txt",
  "gname", "gname2", "gname3", "nkill", "nwound", "claimed", "suicide", "summary",
  "scite1", "scite2", "scite3", "dbsource",
] as const;

// The GTD's geocoding specificity: 1 the town itself ... 5 the country's centroid.
const SPECIFICITY: Record<PlacePrecision, number> = { point: 1, city: 1, district: 3, admin1: 4, country: 5 };

function dateParts(row: ExportRow): { iyear: string; imonth: number; iday: number; approxdate: string } {
  if (!row.dateStart) return { iyear: "", imonth: 0, iday: 0, approxdate: "" };
  const [y, m, d] = row.dateStart.split("-");
  const precise = row.datePrecision === "day" && row.dateStart === row.dateEnd;
  const monthKnown = precise || row.datePrecision === "month" || (row.datePrecision === "week" && row.dateStart.slice(0, 7) === row.dateEnd?.slice(0, 7));
  return {
    iyear: y!,
    imonth: monthKnown ? Number(m) : 0,
    iday: precise ? Number(d) : 0,
    approxdate: precise ? "" : `${row.dateStart} to ${row.dateEnd ?? row.dateStart}`,
  };
}

function citation(source: ExportRow["sources"][number] | undefined): string {
  if (!source) return "";
  return [source.outlet, source.published, source.url].filter(Boolean).join(", ");
}

export function gtdFields(row: ExportRow): (string | number | null)[] {
  const date = dateParts(row);
  const nationality = row.targetNationalities[0];
  return [
    row.id, date.iyear, date.imonth, date.iday, date.approxdate,
    row.country ? countryName(row.country) : "", row.admin1, row.location,
    row.lat, row.lon, row.locationPrecision ? SPECIFICITY[row.locationPrecision] : 5,
    label("gtd.attackType", row.attackTypes[0] ?? "UNKNOWN"), label("gtd.attackType", row.attackTypes[1]), label("gtd.attackType", row.attackTypes[2]),
    label("gtd.targetType", row.targetTypes[0] ?? "UNKNOWN"), label("gtd.targetType", row.targetTypes[1]), label("gtd.targetType", row.targetTypes[2]),
    nationality ? countryName(nationality) : "",
    label("gtd.weaponType", row.weaponTypes[0] ?? "UNKNOWN"), label("gtd.weaponType", row.weaponTypes[1]), label("gtd.weaponType", row.weaponTypes[2]),
    row.perpetrators[0] ?? "Unknown", row.perpetrators[1] ?? "", row.perpetrators[2] ?? "",
    row.killed, row.wounded, row.claimed ? 1 : 0, row.suicide ? 1 : 0, row.summary,
    citation(row.sources[0]), citation(row.sources[1]), citation(row.sources[2]), "Sitrep",
  ];
}

export function* gtdCsv(rows: Iterable<ExportRow>): Generator<string> {
  yield csvLine([...GTD_COLUMNS]);
  for (const row of rows) yield csvLine(gtdFields(row));
}
