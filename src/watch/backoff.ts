import type { Source } from "../store/sources.js";

// When a failing source is tried again, and when its failures make it unhealthy.

/** Backoff grows no further than this, or than the source's own interval when that is longer. */
const MAX_BACKOFF_MS = 3_600_000;
/** A source failing this long is unhealthy: someone should look at it. */
export const UNHEALTHY_AFTER_MS = 86_400_000;

/**
 * The wait before trying again a source that failed `failures` times in a row: its interval
 * doubled for each failure up to a ceiling, then a random half of it taken off, so that sources
 * failing together (a host down) are not all tried again at the same instant. Never shorter than
 * the interval itself.
 */
export function retryDelay(failures: number, everyMs: number, random: () => number = Math.random): number {
  const full = Math.min(Math.max(everyMs, MAX_BACKOFF_MS), everyMs * 2 ** failures);
  return Math.max(everyMs, Math.round(full * (0.5 + random() / 2)));
}

export type Health = "paused" | "new" | "ok" | "failing" | "unhealthy";

export function healthOf(source: Source, now: Date): Health {
  if (source.paused) return "paused";
  if (source.failingSince !== undefined) return now.getTime() - Date.parse(source.failingSince) >= UNHEALTHY_AFTER_MS ? "unhealthy" : "failing";
  return source.lastPolledAt === undefined ? "new" : "ok";
}
