import { ATTACK_TYPES, EVENT_TYPES, SUB_EVENT_TYPES } from "../codebook/codes.js";
import { parseArea } from "../geo/area.js";
import { countryName } from "../geo/countries.js";
import type { EventFilter } from "../store/store.js";

// A watchlist is a saved EventFilter (the one `sitrep events` and the API read) with somewhere to
// send what it matches. One reader of its input serves the CLI and the API alike.

/** The parts of an EventFilter a watchlist keeps: what an event is, not a page of a listing. */
export type WatchFilter = Pick<EventFilter, "country" | "type" | "actor" | "near" | "area" | "minKilled" | "text">;

export const WATCH_FILTER_KEYS = ["country", "type", "actor", "near", "area", "minKilled", "text"] as const satisfies readonly (keyof WatchFilter)[];

export interface WatchlistInput {
  name: string;
  filter: WatchFilter;
  webhook: string | null;
  secret: string | null;
}

export interface Watchlist {
  id: string;
  name: string;
  filter: WatchFilter;
  webhook: string | null;
  /** Whether webhook deliveries are signed; the secret itself is never shown again. */
  signed: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A watchlist that cannot be stored; the message names the field and the value at fault. */
export class WatchlistError extends Error {}

const TYPES = new Set<string>([...ATTACK_TYPES, ...EVENT_TYPES, ...SUB_EVENT_TYPES]);

function fail(message: string): never {
  throw new WatchlistError(message);
}

function text(field: string, value: unknown, max: number): string {
  if (typeof value !== "string" || value.trim() === "" || value.trim().length > max) fail(`${field}: expected 1 to ${max} characters, got ${JSON.stringify(value)}`);
  return value.trim();
}

function near(value: unknown): NonNullable<WatchFilter["near"]> {
  const { lat, lon, km } = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const ok = [lat, lon, km].every((n) => typeof n === "number" && Number.isFinite(n));
  if (!ok || Math.abs(lat as number) > 90 || Math.abs(lon as number) > 180 || (km as number) <= 0) {
    fail(`near: expected {lat, lon, km} (latitude -90..90, longitude -180..180, radius above 0), got ${JSON.stringify(value)}`);
  }
  return { lat: lat as number, lon: lon as number, km: km as number };
}

/** A webhook is an http(s) URL; whether its host may be reached is the fetch guard's question, asked at each delivery. */
export function webhookUrl(value: unknown): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    fail(`webhook: "${String(value)}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") fail(`webhook: "${String(value)}" is not an http or https URL`);
  if (url.username || url.password) fail(`webhook: "${String(value)}" carries a user name or password; put the secret in --secret`);
  return url.toString();
}

function filterOf(value: unknown): WatchFilter {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(`filter: expected an object with any of ${WATCH_FILTER_KEYS.join(", ")}`);
  const raw = value as Record<string, unknown>;
  const unknown = Object.keys(raw).filter((k) => !(WATCH_FILTER_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) fail(`filter: unknown ${unknown.map((k) => `"${k}"`).join(", ")}; expected any of ${WATCH_FILTER_KEYS.join(", ")}`);
  const filter: WatchFilter = {};
  if (raw.country != null) {
    const code = String(raw.country).toUpperCase();
    if (!/^[A-Z]{2}$/.test(code) || countryName(code) === null) fail(`country: "${String(raw.country)}" is not an ISO 3166-1 alpha-2 country code (such as LY)`);
    filter.country = code;
  }
  if (raw.type != null) {
    const code = String(raw.type).toUpperCase();
    if (!TYPES.has(code)) fail(`type: "${String(raw.type)}" is not an attack type, event type or sub-event type code (such as BOMBING_EXPLOSION, BATTLES, SUICIDE_BOMB)`);
    filter.type = code;
  }
  if (raw.actor != null) filter.actor = text("actor", raw.actor, 200);
  if (raw.near != null && raw.area != null) fail("near and area: give one of them, a point and radius or a polygon");
  if (raw.near != null) filter.near = near(raw.near);
  if (raw.area != null) filter.area = parseArea(raw.area, "area");
  if (raw.minKilled != null) {
    if (!Number.isSafeInteger(raw.minKilled) || (raw.minKilled as number) < 0) fail(`minKilled: expected a whole number, got ${JSON.stringify(raw.minKilled)}`);
    filter.minKilled = raw.minKilled as number;
  }
  if (raw.text != null) filter.text = text("text", raw.text, 500);
  if (Object.keys(filter).length === 0) fail(`filter: a watchlist needs at least one of ${WATCH_FILTER_KEYS.join(", ")}; with none it would match every event`);
  return filter;
}

/** Reads a watchlist from what the CLI's flags or an API body give: {name, filter, webhook?, secret?}. */
export function watchlistInput(value: unknown): WatchlistInput {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail("expected a watchlist as an object {name, filter, webhook, secret}");
  const raw = value as Record<string, unknown>;
  const unknown = Object.keys(raw).filter((k) => !["name", "filter", "webhook", "secret"].includes(k));
  if (unknown.length > 0) fail(`unknown ${unknown.map((k) => `"${k}"`).join(", ")}; a watchlist has name, filter, webhook and secret`);
  const webhook = raw.webhook == null || raw.webhook === "" ? null : webhookUrl(raw.webhook);
  const secret = raw.secret == null || raw.secret === "" ? null : text("secret", raw.secret, 200);
  if (secret !== null && webhook === null) fail("secret: signs webhook deliveries; give a webhook with it");
  return { name: text("name", raw.name, 100), filter: filterOf(raw.filter), webhook, secret };
}

/** A filter in a few words, for listings. */
export function describeFilter(filter: WatchFilter): string {
  const parts: string[] = [];
  if (filter.country) parts.push(`country ${filter.country}`);
  if (filter.near) parts.push(`within ${filter.near.km} km of ${filter.near.lat},${filter.near.lon}`);
  if (filter.area) parts.push(`inside an area of ${filter.area.coordinates.length} polygon${filter.area.coordinates.length === 1 ? "" : "s"}`);
  if (filter.type) parts.push(`type ${filter.type}`);
  if (filter.actor) parts.push(`actor "${filter.actor}"`);
  if (filter.minKilled !== undefined) parts.push(`at least ${filter.minKilled} killed`);
  if (filter.text) parts.push(`text "${filter.text}"`);
  return parts.join(", ");
}
