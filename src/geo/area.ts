// An area to watch, drawn as GeoJSON (RFC 7946): a Polygon or MultiPolygon, given bare, as a
// Feature or as a FeatureCollection of such features. Read into one MultiPolygon with its bounding
// box, so that testing a point is a box test before the ray casting.

/** Rings of [lon, lat] positions, the first ring the outline and the others its holes. */
export type PolygonRings = [number, number][][];

export interface Area {
  type: "MultiPolygon";
  coordinates: PolygonRings[];
}

export interface Box {
  south: number;
  west: number;
  north: number;
  east: number;
}

/** A GeoJSON value that is not an area; the message names the input and the member at fault. */
export class AreaError extends Error {}

function fail(name: string, at: string, what: string): never {
  throw new AreaError(`${name}: ${at ? `${at}: ` : ""}${what}`);
}

function position(name: string, at: string, value: unknown): [number, number] {
  if (!Array.isArray(value) || value.length < 2) fail(name, at, "a position is [longitude, latitude]");
  const [lon, lat] = value as unknown[];
  if (typeof lon !== "number" || typeof lat !== "number" || !Number.isFinite(lon) || !Number.isFinite(lat)) fail(name, at, "a position's longitude and latitude are numbers");
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) fail(name, at, `[${lon}, ${lat}] is not a longitude -180..180 and a latitude -90..90 (GeoJSON puts longitude first)`);
  return [lon, lat];
}

function ring(name: string, at: string, value: unknown): [number, number][] {
  if (!Array.isArray(value)) fail(name, at, "a ring is an array of positions");
  if (value.length < 4) fail(name, at, `a ring needs at least 4 positions (the first repeated last), got ${value.length}`);
  const positions = value.map((p, i) => position(name, `${at}[${i}]`, p));
  const [first, last] = [positions[0]!, positions[positions.length - 1]!];
  if (first[0] !== last[0] || first[1] !== last[1]) fail(name, at, "a ring must end at the position it starts from");
  return positions;
}

function polygon(name: string, at: string, value: unknown): PolygonRings {
  if (!Array.isArray(value) || value.length === 0) fail(name, at, "a polygon's coordinates are a non-empty array of rings");
  return value.map((r, i) => ring(name, `${at}[${i}]`, r));
}

function geometry(name: string, at: string, value: unknown): PolygonRings[] {
  if (typeof value !== "object" || value === null) fail(name, at, "expected a GeoJSON object");
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  const here = at ? `${at}.coordinates` : "coordinates";
  if (type === "Polygon") return [polygon(name, here, coordinates)];
  if (type === "MultiPolygon") {
    if (!Array.isArray(coordinates) || coordinates.length === 0) fail(name, here, "a MultiPolygon's coordinates are a non-empty array of polygons");
    return coordinates.map((p, i) => polygon(name, `${here}[${i}]`, p));
  }
  if (type === "Feature") return geometry(name, at ? `${at}.geometry` : "geometry", (value as { geometry?: unknown }).geometry);
  if (type === "FeatureCollection") {
    const features = (value as { features?: unknown }).features;
    if (!Array.isArray(features) || features.length === 0) fail(name, at ? `${at}.features` : "features", "a FeatureCollection needs at least one feature");
    return features.flatMap((f, i) => geometry(name, `${at ? `${at}.` : ""}features[${i}]`, f));
  }
  fail(name, at ? `${at}.type` : "type", `expected Polygon, MultiPolygon, Feature or FeatureCollection, got ${JSON.stringify(type) ?? "nothing"}`);
}

/** Reads an area from GeoJSON text or a parsed value; `name` (a file, a field) starts every error. */
export function parseArea(input: string | unknown, name: string): Area {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (err) {
      fail(name, "", `not JSON: ${(err as Error).message}`);
    }
  }
  return { type: "MultiPolygon", coordinates: geometry(name, "", value) };
}

export function boxOf(area: Area): Box {
  const box = { south: 90, west: 180, north: -90, east: -180 };
  for (const polygon of area.coordinates) {
    for (const [lon, lat] of polygon[0]!) {
      box.south = Math.min(box.south, lat);
      box.north = Math.max(box.north, lat);
      box.west = Math.min(box.west, lon);
      box.east = Math.max(box.east, lon);
    }
  }
  return box;
}

/** Even-odd ray casting: a point crosses a ring's edges an odd number of times when inside it. */
function insideRing(positions: [number, number][], lat: number, lon: number): boolean {
  let inside = false;
  for (let i = 0, j = positions.length - 1; i < positions.length; j = i++) {
    const [xi, yi] = positions[i]!;
    const [xj, yj] = positions[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether the point is inside the area: inside an outline and outside that outline's holes. */
export function containsPoint(area: Area, lat: number, lon: number): boolean {
  return area.coordinates.some(([outline, ...holes]) => insideRing(outline!, lat, lon) && !holes.some((hole) => insideRing(hole, lat, lon)));
}

const KM_PER_DEGREE_LATITUDE = 111.32;

/** The degrees of latitude and longitude `km` spans at latitude `lat` (360 of longitude at a pole). */
export function radiusDegrees(lat: number, km: number): { dLat: number; dLon: number } {
  const cosLat = Math.cos((lat * Math.PI) / 180);
  return { dLat: km / KM_PER_DEGREE_LATITUDE, dLon: cosLat > 1e-6 ? km / (KM_PER_DEGREE_LATITUDE * cosLat) : 360 };
}
