import Parser from "rss-parser";
import { toIsoDay } from "../document/isoDate.js";
import { pageItem } from "./page.js";
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

/**
 * The items of an RSS or Atom feed as documents: id from the guid (Atom id) or link, text from the
 * item's HTML content, published from its date, outlet from the feed's title. A feed that is not XML
 * is one error item; an item without id or content is an error item and the others still count.
 */
export async function feedItems(xml: string, origin: string): Promise<SourceItem[]> {
  let feed: Parser.Output<FeedItem>;
  try {
    feed = await parser.parseString(xml);
  } catch (err) {
    return [{ origin, error: `not an RSS or Atom feed: ${(err as Error).message.split("\n")[0]}` }];
  }
  const outlet = feed.title?.trim() || undefined;
  return feed.items.map((item, i) => {
    const itemOrigin = `${origin}#${i + 1}`;
    const id = [item.guid, item.id, item.link].find((v) => typeof v === "string" && v.trim() !== "")?.trim();
    if (!id) return { origin: itemOrigin, error: "item has neither guid nor link" };
    const content = [item["content:encoded"], item.content, item.summary].find((v) => typeof v === "string" && v.trim() !== "");
    if (!content) return { origin: itemOrigin, error: "item has no content or description" };
    const date = item.pubDate ?? item.isoDate;
    return pageItem(itemOrigin, content, {
      id,
      title: item.title?.trim() || undefined,
      url: item.link,
      outlet,
      published: date ? toIsoDay(date) : undefined,
    });
  });
}
