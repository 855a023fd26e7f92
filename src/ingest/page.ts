import { extractArticle } from "../document/article.js";
import type { SourceDocument } from "../model.js";
import type { SourceItem } from "./types.js";

/** What the source knows of a page besides its HTML; it wins over what the page says of itself. */
export type PageFacts = Omit<SourceDocument, "text" | "html">;

/**
 * A page's HTML as a source item: the article's text read once here, so that a page without an
 * article is reported with its origin and the document stage does not parse the page again.
 */
export function pageItem(origin: string, html: string, facts: PageFacts): SourceItem {
  const article = extractArticle(html);
  if (!article) return { origin, error: "no article text in the HTML" };
  const doc: SourceDocument = { id: facts.id, text: article.text };
  const title = facts.title ?? article.title;
  const outlet = facts.outlet ?? article.siteName;
  const published = facts.published ?? article.published;
  if (title) doc.title = title;
  if (facts.url) doc.url = facts.url;
  if (outlet) doc.outlet = outlet;
  if (published) doc.published = published;
  return { origin, doc, raw: html };
}
