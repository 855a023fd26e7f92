import { Command, InvalidArgumentError } from "commander";
import { NotAFeed } from "../ingest/feed.js";
import { fetchFeedIfChanged } from "../ingest/fetch.js";
import { FetchRefused, type GuardOptions } from "../ingest/guard.js";
import type { Source } from "../store/sources.js";
import type { Store } from "../store/store.js";
import { healthOf } from "../watch/backoff.js";
import { formatDuration } from "../watch/duration.js";
import { addDbOption, addGuardOptions, country, duration, guardOf, requireDb, type GuardFlags } from "./options.js";
import { withStore } from "./with-store.js";

// `sitrep sources`: the feeds `sitrep watch` polls, kept in the store.

/** The shortest interval a source is polled at: more often is not polite to anyone's server. */
const MIN_EVERY_MS = 1000;

export function every(value: string): number {
  const ms = duration(value);
  if (ms < MIN_EVERY_MS) throw new InvalidArgumentError(`expected at least ${formatDuration(MIN_EVERY_MS)}, got "${value}"`);
  // The store keeps the interval as a 32-bit integer of milliseconds.
  if (ms > 2 ** 31 - 1) throw new InvalidArgumentError(`expected at most 596h, got "${value}"`);
  return ms;
}

/** The URL as the store keeps it, once it was fetched and found to be a feed; an error naming it otherwise. */
async function checkedFeedUrl(text: string, guard: GuardOptions): Promise<string> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${text}: not a valid URL`);
  }
  try {
    await fetchFeedIfChanged(url.href, {}, guard);
  } catch (err) {
    if (err instanceof FetchRefused || err instanceof NotAFeed) throw new Error(`${url.href}: ${err.message}`);
    throw err;
  }
  return url.href;
}

function describe(source: Source, now: Date): string {
  const parts = [String(source.id), healthOf(source, now), `every ${formatDuration(source.everyMs)}`, source.url];
  if (source.region) parts.push(`region ${source.region}`);
  if (source.follow) parts.push("follow");
  if (source.lastPolledAt) parts.push(`polled ${source.lastPolledAt}`);
  if (source.failingSince) parts.push(`failing since ${source.failingSince} (${source.failures} tries): ${source.lastError ?? ""}`);
  return parts.join("  ");
}

interface AddFlags extends GuardFlags {
  db: string;
  every: number;
  region?: string;
  follow?: boolean;
}

function addCommand(): Command {
  const command = new Command("add")
    .description("Watch an RSS or Atom feed (fetched once now to check that it is one)")
    .argument("<feed-url>", "the feed's URL")
    .option("--every <duration>", "how often to poll it: s, m or h (30s, 15m, 2h)", every, 15 * 60_000)
    .option("--region <cc>", "ISO alpha-2 country that ambiguous place names in its items should prefer", country)
    .option("--follow", "fetch each new item's article page instead of taking the feed's summary");
  return addDbOption(addGuardOptions(command, "the feed")).action(async (feedUrl: string, flags: AddFlags) => {
    const url = await checkedFeedUrl(feedUrl, guardOf(flags));
    const source = await withStore(flags.db, (store) =>
      store.sources.add({ url, everyMs: flags.every, follow: flags.follow === true, ...(flags.region ? { region: flags.region } : {}) }, new Date()),
    );
    process.stderr.write(`sitrep: watching ${url} every ${formatDuration(source.everyMs)} as source ${source.id}\n`);
  });
}

function listCommand(): Command {
  return addDbOption(new Command("list").description("List the watched feeds with their health and last error").option("--json", "one JSON object a line")).action(
    async (flags: { db: string; json?: boolean }) => {
      const now = new Date();
      const sources = await withStore(requireDb(flags.db), (store) => store.sources.list());
      for (const source of sources) {
        const { seen: _seen, ...shown } = source;
        process.stdout.write(`${flags.json ? JSON.stringify({ ...shown, health: healthOf(source, now) }) : describe(source, now)}\n`);
      }
      if (sources.length === 0 && !flags.json) process.stderr.write("sitrep: no sources (add one with: sitrep sources add FEED_URL)\n");
    },
  );
}

/** remove, pause and resume: one source named by its id or URL. */
function sourceCommand(name: string, description: string, act: (store: Store, source: Source) => Promise<void>, done: string): Command {
  return addDbOption(new Command(name).description(description).argument("<source>", "the source's id or URL")).action(async (ref: string, flags: { db: string }) => {
    await withStore(requireDb(flags.db), async (store) => {
      const source = await store.sources.get(ref);
      await act(store, source);
      process.stderr.write(`sitrep: ${done} source ${source.id} (${source.url})\n`);
    });
  });
}

export function sourcesCommand(): Command {
  return new Command("sources")
    .description("The feeds `sitrep watch` polls: add, list, pause, resume, remove")
    .addCommand(addCommand())
    .addCommand(listCommand())
    .addCommand(sourceCommand("remove", "Stop watching a feed and forget it", (store, s) => store.sources.remove(s.id), "removed"))
    .addCommand(sourceCommand("pause", "Stop polling a feed until it is resumed", (store, s) => store.sources.setPaused(s.id, true, new Date()), "paused"))
    .addCommand(sourceCommand("resume", "Poll a paused feed again, starting now", (store, s) => store.sources.setPaused(s.id, false, new Date()), "resumed"));
}
