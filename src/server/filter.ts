import type { EventFilter } from "../store/store.js";
import { badRequest } from "./errors.js";

// Query parameters are checked here, so a mistyped filter is a 400 that names it instead of a
// silently unfiltered answer.

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 50;
const SORTS = ["date", "-date", "killed", "-killed", "sources", "-sources"];
const FILTER_PARAMS = ["country", "since", "until", "type", "actor", "near", "minKilled", "text", "limit", "offset", "sort"];

function isoDate(name: string, value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw badRequest(`${name}: expected a date as YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

function integer(name: string, value: string, min: number, max: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw badRequest(`${name}: expected an integer from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

function near(value: string): { lat: number; lon: number; km: number } {
  const parts = value.split(",").map((p) => Number(p.trim()));
  const [lat, lon, km] = parts;
  if (parts.length !== 3 || parts.some((p) => !Number.isFinite(p)) || Math.abs(lat!) > 90 || Math.abs(lon!) > 180 || km! <= 0) {
    throw badRequest(`near: expected LAT,LON,KM (latitude -90..90, longitude -180..180, radius > 0), got "${value}"`);
  }
  return { lat: lat!, lon: lon!, km: km! };
}

function text(name: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === "" || trimmed.length > max) throw badRequest(`${name}: expected 1 to ${max} characters`);
  return trimmed;
}

/** Rejects parameters outside `allowed`: a typo such as `contry` must not widen the answer. */
export function checkParams(params: URLSearchParams, allowed: readonly string[]): void {
  for (const key of new Set(params.keys())) {
    if (!allowed.includes(key)) throw badRequest(`unknown parameter "${key}"; expected one of ${allowed.join(", ")}`);
    if (params.getAll(key).length > 1) throw badRequest(`${key}: given more than once`);
  }
}

/** Reads page parameters alone (for lists that take no event filter). */
export function parsePage(params: URLSearchParams): { limit: number; offset: number } {
  const limit = params.get("limit");
  const offset = params.get("offset");
  return {
    limit: limit === null ? DEFAULT_LIMIT : integer("limit", limit, 1, MAX_LIMIT),
    offset: offset === null ? 0 : integer("offset", offset, 0, Number.MAX_SAFE_INTEGER),
  };
}

/** Reads an EventFilter from query parameters; `extra` names further parameters the route reads itself. */
export function parseEventFilter(params: URLSearchParams, extra: readonly string[] = []): EventFilter & { limit: number; offset: number } {
  checkParams(params, [...FILTER_PARAMS, ...extra]);
  const filter: EventFilter & { limit: number; offset: number } = parsePage(params);
  const country = params.get("country");
  if (country !== null) {
    if (!/^[A-Za-z]{2}$/.test(country)) throw badRequest(`country: expected an ISO 3166-1 alpha-2 code such as LY, got "${country}"`);
    filter.country = country.toUpperCase();
  }
  const since = params.get("since");
  if (since !== null) filter.since = isoDate("since", since);
  const until = params.get("until");
  if (until !== null) filter.until = isoDate("until", until);
  if (filter.since && filter.until && filter.since > filter.until) throw badRequest(`since (${filter.since}) is after until (${filter.until})`);
  const type = params.get("type");
  if (type !== null) {
    if (!/^[A-Za-z_]{2,64}$/.test(type)) throw badRequest(`type: expected a code such as BOMBING_EXPLOSION, got "${type}"`);
    filter.type = type.toUpperCase();
  }
  const actor = params.get("actor");
  if (actor !== null) filter.actor = text("actor", actor, 200);
  const nearValue = params.get("near");
  if (nearValue !== null) filter.near = near(nearValue);
  const minKilled = params.get("minKilled");
  if (minKilled !== null) filter.minKilled = integer("minKilled", minKilled, 0, Number.MAX_SAFE_INTEGER);
  const query = params.get("text");
  if (query !== null) filter.text = text("text", query, 500);
  const sort = params.get("sort");
  if (sort !== null) {
    if (!SORTS.includes(sort)) throw badRequest(`sort: expected one of ${SORTS.join(", ")}, got "${sort}"`);
    filter.sort = sort;
  }
  return filter;
}
