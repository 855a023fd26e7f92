import { existsSync, readFileSync } from "node:fs";
import { Command, InvalidArgumentError, Option } from "commander";
import type { GuardOptions } from "../ingest/guard.js";
import { FORMATS, type Format } from "../export/formats.js";
import { activeCodebook, useCodebook } from "../codebook/load.js";
import type { ExtractOptions } from "../extract/annotated.js";
import { parseArea, type Area } from "../geo/area.js";
import { enabledStages, STAGE_NAMES } from "../extract/pipeline.js";
import { CORES, extractor, type Extractor } from "../extract/pool.js";
import type { ReconcileRule } from "../model.js";
import { isPostgresUrl } from "../store/postgres/url.js";
import type { EventFilter } from "../store/store.js";
import { parseDuration } from "../watch/duration.js";

// Options the store commands share, each checked where it is read so that a mistyped value is an
// error naming the option, never a silently unfiltered answer.

export const DEFAULT_DB = "data/sitrep.db";

export function addDbOption(command: Command): Command {
  return command.addOption(
    new Option("--db <path|url>", "the store: a SQLite file (created when missing) or a postgres:// URL").env("SITREP_DB").default(DEFAULT_DB),
  );
}

export function addRuleOption(command: Command): Command {
  return command.addOption(
    new Option("--rule <rule>", "how an event's headline figures are chosen among its sources").choices(["conservative", "latest"]).default("conservative"),
  );
}

export interface ExtractFlags {
  region?: string;
  disable?: string[];
  codebook?: string;
}

/** The options that change what extraction reads: the commands that extract share them. */
export function addExtractOptions(command: Command): Command {
  return command
    .option("--region <cc>", "ISO alpha-2 country that ambiguous place names should prefer", country)
    .option("--disable <stages>", `extraction stages to switch off, comma-separated (${STAGE_NAMES.join(", ")})`, stageList)
    .option("--codebook <dir>", "a codebook folder to read instead of the package's (or SITREP_CODEBOOK); checked before anything is read");
}

/** Extraction on several threads, for the commands that extract many documents. */
export function addThreadsOption(command: Command): Command {
  return command.option("--threads <n>", `threads that extract (this machine has ${CORES} cores); output and store are the same for any number`, threadCount, 1);
}

/** The extractor the flags ask for, over `--threads` threads; close it when done. */
export function extractorOf(flags: ExtractFlags & { threads: number }): Extractor {
  return extractor(extractOptionsOf(flags), flags.threads);
}

function threadCount(value: string): number {
  const n = wholeNumber(value);
  if (n < 1) throw new InvalidArgumentError(`expected at least 1 thread, got "${value}"`);
  return n;
}

/** The extraction options the flags give; `--codebook` becomes the process's codebook, checked now. */
export function extractOptionsOf(flags: ExtractFlags): ExtractOptions {
  if (flags.codebook) useCodebook(flags.codebook);
  const codebook = activeCodebook();
  return { codebook, ...(flags.region ? { region: flags.region } : {}), ...(flags.disable ? { disable: flags.disable } : {}) };
}

function stageList(value: string): string[] {
  const names = value.split(",").map((n) => n.trim()).filter(Boolean);
  try {
    enabledStages(names);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
  return names;
}

function isoDate(value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError(`expected a date as YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

export function country(value: string): string {
  if (!/^[A-Za-z]{2}$/.test(value)) throw new InvalidArgumentError(`expected an ISO 3166-1 alpha-2 code such as LY, got "${value}"`);
  return value.toUpperCase();
}

function code(value: string): string {
  if (!/^[A-Za-z_]{2,64}$/.test(value)) throw new InvalidArgumentError(`expected a code such as BOMBING_EXPLOSION, got "${value}"`);
  return value.toUpperCase();
}

function near(value: string): NonNullable<EventFilter["near"]> {
  const parts = value.split(",").map((p) => (p.trim() === "" ? NaN : Number(p)));
  const [lat, lon, km] = parts as [number, number, number];
  if (parts.length !== 3 || parts.some((p) => !Number.isFinite(p)) || Math.abs(lat) > 90 || Math.abs(lon) > 180 || km <= 0) {
    throw new InvalidArgumentError(`expected LAT,LON,KM (latitude -90..90, longitude -180..180, radius above 0), got "${value}"`);
  }
  return { lat, lon, km };
}

export interface GuardFlags {
  allowPrivate?: boolean;
  allowPort: number[];
}

/** The fetch guard's options (src/ingest/guard.ts), for whatever a command fetches or posts to: `what`. */
export function addGuardOptions(command: Command, what: string): Command {
  return command
    .option("--allow-private", `let ${what} reach loopback and private addresses, on any port`)
    .option("--allow-port <n>", `a port ${what} may reach besides 80 and 443 (repeatable)`, (value: string, ports: number[]) => [...ports, portNumber(value)], []);
}

export function guardOf(flags: GuardFlags): GuardOptions {
  return { allowPrivate: flags.allowPrivate === true, allowPorts: flags.allowPort };
}

export function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`expected a port from 0 to 65535, got "${value}"`);
  return n;
}

/** A GeoJSON file holding a polygon: read and checked when the option is read. */
function areaFile(path: string): Area {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new InvalidArgumentError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return parseArea(text, path);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

export function wholeNumber(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError(`expected a whole number, got "${value}"`);
  return n;
}

/** Milliseconds of a duration written with s, m or h ("90s", "15m"). */
export function duration(value: string): number {
  try {
    return parseDuration(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a number above 0, got "${value}"`);
  return n;
}

export interface FilterFlags {
  country?: string;
  since?: string;
  until?: string;
  type?: string;
  actor?: string;
  near?: NonNullable<EventFilter["near"]>;
  area?: Area;
  minKilled?: number;
  text?: string;
  limit?: number;
  offset?: number;
  sort?: string;
}

/** What an event is (not which page of a listing): `sitrep events` and `sitrep watchlists add` share them. */
export function addMatchOptions(command: Command): Command {
  return command
    .option("--country <cc>", "ISO 3166-1 alpha-2 country code (LY)", country)
    .option("--type <code>", "an attack type, event type or sub-event type code (BOMBING_EXPLOSION, BATTLES, SUICIDE_BOMB)", code)
    .option("--actor <name>", "a perpetrator's canonical name or part of it, any case")
    .option("--near <lat,lon,km>", "within KM kilometres of a point", near)
    .option("--area <file.geojson>", "inside a GeoJSON Polygon or MultiPolygon (bare, a Feature or a FeatureCollection)", areaFile)
    .option("--min-killed <n>", "at least N killed (an unknown toll does not match)", wholeNumber)
    .option("--text <words>", "words the reporting documents contain");
}

export function addFilterOptions(command: Command, sorts: string[]): Command {
  return addMatchOptions(command)
    .option("--since <date>", "on or after this day (YYYY-MM-DD)", isoDate)
    .option("--until <date>", "on or before this day (YYYY-MM-DD)", isoDate)
    .option("--limit <n>", "at most N records", wholeNumber)
    .option("--offset <n>", "skip the first N records", wholeNumber)
    .addOption(new Option("--sort <key>", "order (- for descending)").choices(sorts).default("-date"));
}

/** The store's filter from parsed flags; a range whose ends are swapped is refused. */
export function filterFrom(flags: FilterFlags): EventFilter {
  if (flags.since && flags.until && flags.since > flags.until) {
    throw new Error(`--since ${flags.since} is after --until ${flags.until}`);
  }
  const filter: EventFilter = {};
  if (flags.near && flags.area) throw new Error("--near and --area: give one of them");
  for (const key of ["country", "since", "until", "type", "actor", "near", "area", "minKilled", "text", "limit", "offset", "sort"] as const) {
    if (flags[key] !== undefined) (filter as Record<string, unknown>)[key] = flags[key];
  }
  return filter;
}

export interface OutputFlags {
  format?: Format;
  output?: string;
}

export function addOutputOptions(command: Command): Command {
  return command
    .addOption(new Option("--format <format>", "table on a terminal, else jsonl by default").choices(FORMATS))
    .option("--output <file>", "write to this file instead of standard output");
}

/** A table for a person at a terminal; JSONL for a pipe or a file. */
export function formatFrom(flags: OutputFlags): Format {
  return flags.format ?? (flags.output === undefined && process.stdout.isTTY ? "table" : "jsonl");
}

export function ruleFrom(flags: { rule?: string }): ReconcileRule {
  return flags.rule === "latest" ? "latest" : "conservative";
}

/** Commands that only read refuse a SQLite file that is not there rather than create an empty one. */
export function requireDb(location: string): string {
  if (!isPostgresUrl(location) && !existsSync(location)) throw new Error(`no store at ${location} (create one with: sitrep ingest PATH --db ${location})`);
  return location;
}
