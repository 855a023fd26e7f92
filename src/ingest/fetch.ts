import { feedItems, readFeed, type FeedEntry } from "./feed.js";
import { FetchRefused } from "./guard.js";
import { fetchIfChanged, fetchLimited, type ContentCheck, type FetchOptions, type NotModified, type Validators } from "./http.js";
import { pageItem, type PageFacts } from "./page.js";
import type { SourceItem } from "./types.js";

export type { FetchOptions, Validators };

const mediaType = (contentType: string) => contentType.split(";")[0].trim().toLowerCase();

const htmlOnly: ContentCheck = (contentType) => {
  const type = mediaType(contentType);
  if (type === "" || type === "text/html" || type === "application/xhtml+xml") return undefined;
  return `not an HTML page (content type ${type})`;
};

const xmlOnly: ContentCheck = (contentType) => {
  const type = mediaType(contentType);
  if (type === "" || type.endsWith("/xml") || type.endsWith("+xml")) return undefined;
  return `not a feed (content type ${type})`;
};

function failure(url: string, err: unknown): SourceItem {
  if (err instanceof FetchRefused) return { origin: url, error: err.message };
  throw err;
}

/**
 * The article of the page at `url` as a source item, or the reason it cannot be had. Its id is the
 * URL as given unless `facts` (what a feed said of the page) name another.
 */
export async function fetchDocument(url: string, opts: FetchOptions = {}, facts: PageFacts = { id: url }): Promise<SourceItem> {
  try {
    const page = await fetchLimited(url, htmlOnly, opts);
    return pageItem(url, page.body, { ...facts, url: page.url });
  } catch (err) {
    return failure(url, err);
  }
}

/** The items of the RSS or Atom feed at `url` as source items (origin `url#N`), or one item saying why not. */
export async function fetchFeed(url: string, opts: FetchOptions = {}): Promise<SourceItem[]> {
  try {
    const feed = await fetchLimited(url, xmlOnly, opts);
    return await feedItems(feed.body, url);
  } catch (err) {
    return [failure(url, err)];
  }
}

/** A feed fetched again: its entries and what names this version of it. */
export interface ChangedFeed {
  entries: FeedEntry[];
  validators: Validators;
}

/**
 * The entries of the feed at `url` unless the server says the version `known` names is still
 * current. Throws FetchRefused or NotAFeed, whose messages say why the feed cannot be had.
 */
export async function fetchFeedIfChanged(url: string, known: Validators, opts: FetchOptions = {}): Promise<ChangedFeed | NotModified> {
  const fetched = await fetchIfChanged(url, xmlOnly, known, opts);
  if ("notModified" in fetched) return fetched;
  return { entries: await readFeed(fetched.body, url), validators: fetched.validators };
}
