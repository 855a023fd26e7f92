import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { domText } from "./domText.js";
import { toIsoDay } from "./isoDate.js";
import { pageDate } from "./pageDate.js";

/** What a page says about its article. */
export interface Article {
  /** The article's text, paragraphs separated by blank lines. */
  text: string;
  title?: string;
  byline?: string;
  /** YYYY-MM-DD, from the page's metadata. */
  published?: string;
  siteName?: string;
}

// linkedom builds a document only around an <html> element; feed items and snippets are fragments.
function asDocument(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  const rest = html.replace(/^\s*<!doctype[^>]*>/i, "");
  return /<body[\s>]/i.test(rest)
    ? `<!doctype html><html>${rest}</html>`
    : `<!doctype html><html><head></head><body>${rest}</body></html>`;
}

/**
 * How deep the page's elements may nest. Real pages nest a few dozen levels; Readability's cost
 * grows with the square of the depth (256 levels: half a second for 4 KB), and the text walk
 * recurses on it. Elements deeper are kept as their text.
 */
export const MAX_NESTING = 128;

/** The page parsed, every element at MAX_NESTING levels down replaced by its text. */
function parsePage(page: string): Document {
  const { document } = parseHTML(page);
  const pending: [Element, number][] = [[document.documentElement, 1]];
  while (pending.length > 0) {
    const [element, depth] = pending.pop()!;
    for (const child of Array.from(element.children)) {
      if (depth + 1 < MAX_NESTING) pending.push([child, depth + 1]);
      else if (child.firstElementChild) child.textContent = child.textContent;
    }
  }
  return document;
}

function present(value: string | null | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, " ").trim();
  return trimmed ? trimmed : undefined;
}

/**
 * The article of an HTML page (Readability over linkedom), or, for a page Readability finds no
 * article in, the text of its body; null when the page has no text at all. Scripts are never run:
 * linkedom builds the tree without executing anything, and their contents are not text.
 */
export function extractArticle(html: string): Article | null {
  const page = asDocument(html);
  const document = parsePage(page);
  const metaDate = pageDate(document);
  const pageTitle = document.title;
  const parsed = new Readability<Node>(document, { serializer: (node) => node }).parse();
  let text = parsed?.content ? domText(parsed.content) : "";
  if (text.trim() === "") {
    // Readability has pruned the tree it worked on, so the body is read from a fresh parse.
    const body = parsePage(page).body;
    text = body ? domText(body) : "";
  }
  if (text.trim() === "") return null;
  return {
    text,
    title: present(parsed?.title) ?? present(pageTitle),
    byline: present(parsed?.byline)?.replace(/^by\s+/i, ""),
    published: (parsed?.publishedTime ? toIsoDay(parsed.publishedTime) : undefined) ?? metaDate,
    siteName: present(parsed?.siteName),
  };
}
