import type { Extractor } from "../extract/pool.js";
import { entryItem, NotAFeed, type FeedEntry } from "../ingest/feed.js";
import { fetchDocument, fetchFeedIfChanged, type FetchOptions } from "../ingest/fetch.js";
import { FetchRefused } from "../ingest/guard.js";
import { ingestItems, type ItemError } from "../ingest/service.js";
import type { SourceItem } from "../ingest/types.js";
import { contentHash } from "../store/content-hash.js";
import type { PollSuccess, Source } from "../store/sources.js";
import type { Store } from "../store/store.js";
import type { HostGate } from "./hosts.js";
import type { OneAtATime } from "./one-at-a-time.js";

// One poll of one source: the feed asked for conditionally, its items not met at the last poll
// (or changed since) read, from the feed or from their pages, and stored through the one ingest path.

/** The source as a whole could not be read (fetch refused, not a feed, the store down): it is retried later. */
export class SourceFailure extends Error {}

export interface PollContext {
  store: Store;
  /** The extractor for the source's region (undefined: the watcher's default). */
  extractor(region: string | undefined): Extractor;
  fetch: FetchOptions;
  hosts: HostGate;
  /** Where the polls of the process take turns to read and store their items. */
  storing: OneAtATime;
}

export interface PollReport {
  read: PollSuccess["read"];
  new: number;
  versions: number;
  /** Items of the feed that were not stored; the others were. */
  errors: ItemError[];
}

/** What the feed says of an entry; a change in it (a new summary, a corrected title) makes the entry new again. */
const digestOf = (entry: FeedEntry) => contentHash(JSON.stringify([entry.facts, entry.content ?? ""])).slice(0, 16);

async function* followed(entries: FeedEntry[], ctx: PollContext): AsyncGenerator<SourceItem> {
  for (const entry of entries) {
    const url = entry.facts?.url;
    if (!entry.facts || !url) {
      yield { origin: entry.origin, error: "item has no link to follow" };
      continue;
    }
    await ctx.hosts.wait(url);
    const item = await fetchDocument(url, ctx.fetch, entry.facts);
    yield item.error === undefined ? item : { origin: `${entry.origin} (${url})`, error: item.error };
  }
}

export async function pollSource(source: Source, ctx: PollContext): Promise<PollReport> {
  await ctx.hosts.wait(source.url);
  let feed: Awaited<ReturnType<typeof fetchFeedIfChanged>>;
  try {
    feed = await fetchFeedIfChanged(source.url, { etag: source.etag, lastModified: source.lastModified }, ctx.fetch);
  } catch (err) {
    if (err instanceof FetchRefused || err instanceof NotAFeed) throw new SourceFailure(err.message);
    throw err;
  }
  if ("notModified" in feed) return { read: undefined, new: 0, versions: 0, errors: [] };

  const seen: Record<string, string> = {};
  const fresh: FeedEntry[] = [];
  for (const entry of feed.entries) {
    const id = entry.facts?.id;
    if (id === undefined) {
      fresh.push(entry);
      continue;
    }
    const digest = digestOf(entry);
    if (source.seen[id] !== digest) fresh.push(entry);
    seen[id] = digest;
  }
  // Pages are fetched before the poll's turn to store, so that no other poll waits on them.
  const pages: SourceItem[] = [];
  if (source.follow) for await (const item of followed(fresh, ctx)) pages.push(item);
  const report = await ctx.storing.run(() => ingestItems(ctx.store, source.follow ? pages : fresh.map(entryItem), { extract: ctx.extractor(source.region) }));
  // What the store could not take is asked for again: the validators and seen items are not kept.
  const storeDown = report.errors.find((e) => e.storeFailed);
  if (storeDown) throw new SourceFailure(`the store failed: ${storeDown.reason}`);
  return { read: { ...feed.validators, seen }, new: report.new, versions: report.versions, errors: report.errors };
}
