import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";
import { boxOf, radiusDegrees, type Area } from "../geo/area.js";
import type { Engine } from "./engine.js";
import type { EventFilter } from "./store.js";
import { parseTextQuery } from "./text-query.js";

// One filter, two tables: events and mentions carry the same filter columns under the same names,
// so the same conditions serve `sitrep events`, `sitrep mentions` and the HTTP API.

const EARTH_RADIUS_KM = 6371.0088;

export type FilteredTable = "events" | "mentions";

function likeContaining(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function near(table: FilteredTable, { lat, lon, km }: NonNullable<EventFilter["near"]>): RawBuilder<SqlBool> {
  const latCol = sql.ref(`${table}.lat`);
  const lonCol = sql.ref(`${table}.lon`);
  // A bounding box first, which the (lat, lon) index serves; then the exact great-circle distance.
  const { dLat, dLon } = radiusDegrees(lat, km);
  const box =
    dLon >= 180
      ? sql<SqlBool>`${latCol} BETWEEN ${lat - dLat} AND ${lat + dLat}`
      : sql<SqlBool>`${latCol} BETWEEN ${lat - dLat} AND ${lat + dLat} AND (${lonCol} BETWEEN ${lon - dLon} AND ${lon + dLon} OR ${lonCol} BETWEEN ${lon - dLon + 360} AND ${lon + dLon + 360} OR ${lonCol} BETWEEN ${lon - dLon - 360} AND ${lon + dLon - 360})`;
  // The diameter as a literal: a bound parameter multiplied by 2 would be typed an integer by PostgreSQL.
  const haversine = sql`${sql.lit(2 * EARTH_RADIUS_KM)} * asin(sqrt(power(sin(radians(${latCol} - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(${latCol})) * power(sin(radians(${lonCol} - ${lon}) / 2), 2)))`;
  return sql<SqlBool>`(${box} AND ${haversine} <= ${km})`;
}

/**
 * `sitrep_in_area` is the even-odd test of geo/area.ts in each engine (a function the SQLite
 * connection registers, a PL/pgSQL function on PostgreSQL), run only on the rows inside the box.
 */
function inArea(table: FilteredTable, area: Area): RawBuilder<SqlBool> {
  const latCol = sql.ref(`${table}.lat`);
  const lonCol = sql.ref(`${table}.lon`);
  const { south, west, north, east } = boxOf(area);
  return sql<SqlBool>`(${latCol} BETWEEN ${south} AND ${north} AND ${lonCol} BETWEEN ${west} AND ${east} AND sitrep_in_area(${latCol}, ${lonCol}, ${JSON.stringify(area)}))`;
}

/** The conditions of `filter` on `table`, to be joined with AND. */
export function filterConditions(table: FilteredTable, filter: EventFilter, engine: Engine): Expression<SqlBool>[] {
  const col = (name: string) => sql.ref(`${table}.${name}`);
  const out: Expression<SqlBool>[] = [];
  if (filter.country) out.push(sql<SqlBool>`${col("country")} = ${filter.country.toUpperCase()}`);
  if (filter.documentId !== undefined) {
    out.push(
      table === "mentions"
        ? sql<SqlBool>`mentions.document_id = ${filter.documentId}`
        : sql<SqlBool>`events.id IN (SELECT es.event_id FROM event_sources es JOIN mentions m ON m.id = es.mention_id WHERE m.document_id = ${filter.documentId})`,
    );
  }
  // An event matches a date range when its own interval overlaps it.
  if (filter.since) out.push(sql<SqlBool>`coalesce(${col("date_end")}, ${col("date_start")}) >= ${filter.since}`);
  if (filter.until) out.push(sql<SqlBool>`${col("date_start")} <= ${filter.until}`);
  if (filter.type) {
    const code = filter.type.toUpperCase();
    out.push(
      sql<SqlBool>`(${col("attack_types")} LIKE ${likeContaining(`"${code}"`)} ESCAPE '\\' OR ${col("event_type")} = ${code} OR ${col("sub_event_type")} = ${code})`,
    );
  }
  if (filter.actor) out.push(sql<SqlBool>`${col("actors")} LIKE ${likeContaining(filter.actor.toLowerCase())} ESCAPE '\\'`);
  if (filter.near) out.push(near(table, filter.near));
  if (filter.area) out.push(inArea(table, filter.area));
  if (filter.minKilled !== undefined) out.push(sql<SqlBool>`${col("killed")} >= ${filter.minKilled}`);
  if (filter.text !== undefined) {
    const documents = engine.matchingDocuments(parseTextQuery(filter.text));
    out.push(
      table === "mentions"
        ? sql<SqlBool>`mentions.document_seq IN ${documents}`
        : sql<SqlBool>`events.id IN (SELECT es.event_id FROM event_sources es JOIN mentions m ON m.id = es.mention_id WHERE m.document_seq IN ${documents})`,
    );
  }
  return out;
}

const SORT_COLUMNS: Record<FilteredTable, Record<string, string>> = {
  events: { date: "date_start", killed: "killed", sources: "source_count" },
  mentions: { date: "date_start", killed: "killed" },
};

/** ORDER BY for `sort` ("date", "-date", "killed", ...): unknown values last, then a stable tie-break. */
export function orderBy(table: FilteredTable, sort: string | undefined, engine: Engine): RawBuilder<unknown> {
  const key = sort ?? "-date";
  const descending = key.startsWith("-");
  const name = descending ? key.slice(1) : key;
  const column = SORT_COLUMNS[table][name];
  if (!column) {
    throw new Error(`sort: ${table} sort by ${Object.keys(SORT_COLUMNS[table]).join(", ")} (prefix - for descending), not "${key}"`);
  }
  return sql`${engine.nullsLast(sql.ref(`${table}.${column}`), descending)}, ${sql.ref(`${table}.id`)}`;
}
