import { boxOf, containsPoint, radiusDegrees, type Box } from "../geo/area.js";
import { distanceKm } from "../geo/candidates.js";
import type { EventColumns } from "../store/rows.js";
import type { WatchFilter } from "./watchlist.js";

// Which watchlists an event just written matches, decided in memory on the columns the events
// table holds (rows.ts), with the same meaning as the SQL of store/filters.ts, so that a
// watchlist's alerts are the events its listing shows. Text is the exception: it is a question
// for the full-text index, asked in SQL of the few events that pass everything else.

export interface Watched {
  id: string;
  filter: WatchFilter;
}

interface Compiled extends Watched {
  box: Box | null;
}

function boxOfNear({ lat, lon, km }: NonNullable<WatchFilter["near"]>): Box | null {
  const { dLat, dLon } = radiusDegrees(lat, km);
  // Near a pole or across the antimeridian the box says nothing; the distance decides.
  if (dLon >= 180 || Math.abs(lon) + dLon > 180) return null;
  return { south: lat - dLat, north: lat + dLat, west: lon - dLon, east: lon + dLon };
}

function inBox(box: Box, lat: number, lon: number): boolean {
  return lat >= box.south && lat <= box.north && lon >= box.west && lon <= box.east;
}

/** Whether `filter`, text apart, matches an event with these columns. */
export function matchesColumns(filter: WatchFilter, e: EventColumns): boolean {
  if (filter.country !== undefined && e.country !== filter.country) return false;
  // The column is the JSON array the SQL finds a code in with LIKE '%"CODE"%'.
  if (filter.type !== undefined && !e.attack_types.includes(`"${filter.type}"`) && e.event_type !== filter.type && e.sub_event_type !== filter.type) return false;
  if (filter.actor !== undefined && !e.actors.includes(filter.actor.toLowerCase())) return false;
  if (filter.minKilled !== undefined && (e.killed == null || e.killed < filter.minKilled)) return false;
  if (filter.near || filter.area) {
    if (e.lat == null || e.lon == null) return false;
    if (filter.near && distanceKm(filter.near.lat, filter.near.lon, e.lat, e.lon) > filter.near.km) return false;
    if (filter.area && !containsPoint(filter.area, e.lat, e.lon)) return false;
  }
  return true;
}

/**
 * The watchlists, bucketed by country, each with the box of its area: an event is tested exactly
 * against the few of its own country (and those of none) whose box holds it.
 */
export class WatchIndex {
  private readonly byCountry = new Map<string, Compiled[]>();
  private readonly anyCountry: Compiled[] = [];

  constructor(watched: Watched[]) {
    for (const w of watched) {
      const box = w.filter.area ? boxOf(w.filter.area) : w.filter.near ? boxOfNear(w.filter.near) : null;
      const compiled = { ...w, box };
      if (w.filter.country === undefined) this.anyCountry.push(compiled);
      else {
        const bucket = this.byCountry.get(w.filter.country);
        if (bucket) bucket.push(compiled);
        else this.byCountry.set(w.filter.country, [compiled]);
      }
    }
  }

  get size(): number {
    let n = this.anyCountry.length;
    for (const bucket of this.byCountry.values()) n += bucket.length;
    return n;
  }

  /** The watchlists `e` matches, text apart: those with a text filter still need it checked. */
  matching(e: EventColumns): Watched[] {
    const out: Watched[] = [];
    const test = (list: Compiled[] | undefined) => {
      for (const w of list ?? []) {
        if (w.box && (e.lat == null || e.lon == null || !inBox(w.box, e.lat, e.lon))) continue;
        if (matchesColumns(w.filter, e)) out.push(w);
      }
    };
    if (e.country != null) test(this.byCountry.get(e.country));
    test(this.anyCountry);
    return out;
  }
}
