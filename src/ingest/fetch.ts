import { feedItems } from "./feed.js";
import { FetchRefused } from "./guard.js";
import { fetchLimited, type ContentCheck, type FetchOptions } from "./http.js";
import { pageItem } from "./page.js";
import type { SourceItem } from "./types.js";

export type { FetchOptions };

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

/** The article of the page at `url` as a source item (id: the URL as given), or the reason it cannot be had. */
export async function fetchDocument(url: string, opts: FetchOptions = {}): Promise<SourceItem> {
  try {
    const page = await fetchLimited(url, htmlOnly, opts);
    return pageItem(url, page.body, { id: url, url: page.url });
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
