import type { DatePrecision, PlacePrecision } from "../model.js";
import { countryName } from "./country-names.js";
import { csvLine } from "./csv.js";
import { label } from "./labels.js";
import type { ExportRow } from "./row.js";

// Columns named and coded as in ACLED's codebook. Fatalities the sources do not give stay empty.
export const ACLED_COLUMNS = [
  "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
  "actor1", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
  "source", "notes", "fatalities",
] as const;

// ACLED's time precision: 1 the day is known, 2 the week, 3 only the month or longer.
const TIME_PRECISION: Record<DatePrecision, number> = { day: 1, week: 2, month: 3, year: 3 };
// ACLED's geo precision: 1 the town, 2 a part of a region near a town, 3 a larger region.
const GEO_PRECISION: Record<PlacePrecision, number> = { point: 1, city: 1, district: 2, admin1: 3, country: 3 };

export function acledFields(row: ExportRow): (string | number | null)[] {
  return [
    row.id, row.dateStart, row.dateStart?.slice(0, 4) ?? "",
    row.datePrecision ? TIME_PRECISION[row.datePrecision] : "",
    label("acled.eventType", row.eventType), label("acled.subEventType", row.subEventType),
    row.perpetrators[0] ?? "", row.country ? countryName(row.country) : "", row.admin1, row.location,
    row.lat, row.lon, row.locationPrecision ? GEO_PRECISION[row.locationPrecision] : "",
    [...new Set(row.sources.map((s) => s.outlet ?? s.url).filter(Boolean))].join("; "),
    row.summary, row.killed,
  ];
}

export function* acledCsv(rows: Iterable<ExportRow>): Generator<string> {
  yield csvLine([...ACLED_COLUMNS]);
  for (const row of rows) yield csvLine(acledFields(row));
}
