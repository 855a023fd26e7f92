import type { ExportRow } from "./row.js";

// RFC 7946 GeoJSON with flat scalar properties, which QGIS and ogr2ogr read as attribute columns.
// An event with no coordinates keeps its row with a null geometry rather than a made-up point.

export function geojsonFeature(row: ExportRow): object {
  const located = row.lat !== null && row.lon !== null;
  return {
    type: "Feature",
    id: row.id,
    geometry: located ? { type: "Point", coordinates: [row.lon, row.lat] } : null,
    properties: {
      id: row.id,
      date_start: row.dateStart,
      date_end: row.dateEnd,
      date_precision: row.datePrecision,
      country: row.country,
      admin1: row.admin1,
      location: row.location,
      location_precision: row.locationPrecision,
      location_defaulted: row.locationDefaulted,
      attack_types: row.attackTypes.join("; "),
      event_type: row.eventType,
      sub_event_type: row.subEventType,
      perpetrators: row.perpetrators.join("; "),
      targets: row.targetTypes.join("; "),
      weapons: row.weaponTypes.join("; "),
      killed: row.killed,
      wounded: row.wounded,
      claimed: row.claimed,
      suicide: row.suicide,
      sources: row.sources.length,
      source_urls: row.sources.map((s) => s.url).filter(Boolean).join(" "),
      conflicts: row.conflicts.join("; "),
      summary: row.summary,
    },
  };
}

/** A FeatureCollection, one feature a line so that large exports stream. */
export function* geojson(rows: Iterable<ExportRow>): Generator<string> {
  yield '{"type":"FeatureCollection","features":[\n';
  let first = true;
  for (const row of rows) {
    yield `${first ? "" : ",\n"}${JSON.stringify(geojsonFeature(row))}`;
    first = false;
  }
  yield "\n]}\n";
}
