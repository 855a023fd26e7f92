import { Command } from "commander";
import type { Extractor } from "../extract/pool.js";
import type { FetchOptions } from "../ingest/fetch.js";
import type { Store } from "../store/store.js";
import { formatDuration } from "../watch/duration.js";
import { HostGate } from "../watch/hosts.js";
import { OneAtATime } from "../watch/one-at-a-time.js";
import { watch, type PeriodicTask } from "../watch/loop.js";
import { pollSource } from "../watch/poll.js";
import { duration, extractorOf, guardOf, positiveNumber, wholeNumber, type ExtractFlags, type GuardFlags } from "./options.js";

// What `sitrep watch` and `sitrep serve --watch` share: the watcher's options and its start.

/** A watcher that dies mid-poll holds its sources this long; a live one renews its lease well before. */
const LEASE_MS = 15_000;
/** Sources added or resumed by another process are seen within this. */
const IDLE_MS = 2000;

export interface WatchFlags extends ExtractFlags, GuardFlags {
  timeout: number;
  maxBytes?: number;
  hostDelay: number;
  polls: number;
  threads: number;
}

export function addWatchOptions(command: Command): Command {
  return command
    .option("--timeout <seconds>", "time allowed for each fetch", positiveNumber, 10)
    .option("--max-bytes <n>", "refuse feeds and pages larger than this (default 5 MB)", wholeNumber)
    .option("--host-delay <duration>", "the least time between two requests to one host (0s: none)", duration, 1000)
    .option("--polls <n>", "sources polled at once", wholeNumber, 8);
}

/**
 * Polls the store's sources until `signal` aborts; one line on stderr per poll that stored or
 * failed. `tasks` is the work done besides polling, each at its interval and soon after a poll
 * stored documents (`sitrep watch` delivers the watchlists' alerts so).
 */
export async function runWatcher(store: Store, flags: WatchFlags, signal: AbortSignal, tasks: PeriodicTask[] = []): Promise<void> {
  if (flags.polls < 1) throw new Error("--polls: expected at least 1");
  const fetch: FetchOptions = { ...guardOf(flags), timeoutMs: flags.timeout * 1000 };
  if (flags.maxBytes !== undefined) fetch.maxBytes = flags.maxBytes;
  const extractors = new Map<string, Extractor>();
  const extractor = (region: string | undefined) => {
    const key = region ?? flags.region ?? "";
    let found = extractors.get(key);
    if (!found) extractors.set(key, (found = extractorOf({ ...flags, ...(key ? { region: key } : {}) })));
    return found;
  };
  const ctx = { store, extractor, fetch, hosts: new HostGate(flags.hostDelay), storing: new OneAtATime() };
  process.stderr.write(`sitrep: watching ${(await store.sources.list()).filter((s) => !s.paused).length} sources (${formatDuration(flags.hostDelay)} between requests to a host)\n`);
  try {
    await watch({
      sources: store.sources,
      poll: (source) => pollSource(source, ctx),
      tasks,
      signal,
      log: (line) => process.stderr.write(`${line}\n`),
      concurrency: flags.polls,
      leaseMs: LEASE_MS,
      idleMs: IDLE_MS,
    });
  } finally {
    for (const e of extractors.values()) await e.close();
  }
}

/** Aborted at the first SIGINT or SIGTERM: the watcher finishes the polls under way and stops. */
export function stopSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    controller.abort();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return controller.signal;
}
