import Parser from "rss-parser";
import { toIsoDay } from "../document/isoDate.js";
import { pageItem, type PageFacts } from "./page.js";
import type { SourceItem } from "./types.js";

interface FeedItem extends Parser.Item {
  id?: string;
  "content:encoded"?: string;
}

const parser = new Parser<Record<string, unknown>, FeedItem>();

/** A feed starts with an <rss>, <feed> (Atom) or <rdf:RDF> (RSS 1.0) element. */
export function looksLikeFeed(head: string): boolean {
  return /<(?:rss|feed|rdf:RDF)[\s>]/.test(head);
}

/** The text is not an RSS or Atom feed; the message says what the parser found. */
export class NotAFeed extends Error {}

/** One item of a feed as the feed tells it, before its HTML is read. */
export interface FeedEntry {
  /** `feed#N` for the feed's Nth item. */
  origin: string;
  /** What the feed knows of the item's document: id from the guid (Atom id) or link; absent when it has neither. */
  facts?: PageFacts;
  /** The item's HTML content (content:encoded, content or summary), when it has any. */
  content?: string;
}

/** The entries of an RSS or Atom feed, in the feed's order; throws NotAFeed for anything else. */
export async function readFeed(xml: string, origin: string): Promise<FeedEntry[]> {
  let feed: Parser.Output<FeedItem>;
  try {
    feed = await parser.parseString(xml);
  } catch (err) {
    throw new NotAFeed(`not an RSS or Atom feed: ${(err as Error).message.split("\n")[0]}`);
  }
  const outlet = feed.title?.trim() || undefined;
  return feed.items.map((item, i) => {
    const entry: FeedEntry = { origin: `${origin}#${i + 1}` };
    const id = [item.guid, item.id, item.link].find((v) => typeof v === "string" && v.trim() !== "")?.trim();
    const content = [item["content:encoded"], item.content, item.summary].find((v) => typeof v === "string" && v.trim() !== "");
    if (content) entry.content = content;
    if (id) {
      const date = item.pubDate ?? item.isoDate;
      entry.facts = { id, title: item.title?.trim() || undefined, url: item.link, outlet, published: date ? toIsoDay(date) : undefined };
    }
    return entry;
  });
}

/** A feed entry as a document: text from its HTML content. */
export function entryItem({ origin, facts, content }: FeedEntry): SourceItem {
  if (!facts) return { origin, error: "item has neither guid nor link" };
  if (!content) return { origin, error: "item has no content or description" };
  return pageItem(origin, content, facts);
}

/**
 * The items of an RSS or Atom feed as documents: id from the guid (Atom id) or link, text from the
 * item's HTML content, published from its date, outlet from the feed's title. A feed that is not XML
 * is one error item; an item without id or content is an error item and the others still count.
 */
export async function feedItems(xml: string, origin: string): Promise<SourceItem[]> {
  try {
    return (await readFeed(xml, origin)).map(entryItem);
  } catch (err) {
    if (err instanceof NotAFeed) return [{ origin, error: err.message }];
    throw err;
  }
}
