import { activeCodebook } from "../codebook/load.js";
import type { Codebook } from "../codebook/schema.js";
import type { Doc, SourceDocument } from "../model.js";
import { extractArticle, type Article } from "./article.js";
import { looksBinary } from "./binary.js";
import { cleanText } from "./clean.js";
import { toIsoDay } from "./isoDate.js";
import { InputError } from "./inputError.js";
import { detectLanguage } from "./language.js";
import { asSourceDocument } from "./validate.js";

export { InputError };

function givenDay(published: string | undefined): string | undefined {
  if (!published || published.trim() === "") return undefined;
  const day = toIsoDay(published);
  if (!day) throw new InputError(`published is not an ISO 8601 date: ${JSON.stringify(published.slice(0, 40))}`);
  return day;
}

function readable(value: string | undefined): value is string {
  if (!value || value.trim() === "") return false;
  if (looksBinary(value)) throw new InputError("not text (binary data)");
  return true;
}

/** The text evidence will point into, and what the page says about it when it came as HTML. */
function body(src: SourceDocument): { text: string; article?: Article } {
  const { text, html } = src;
  if (readable(text)) {
    // The user's own text wins; a page given alongside it only supplies title and date, if it can.
    const page = html && html.trim() !== "" && !looksBinary(html) ? extractArticle(html) : null;
    return { text, article: page ?? undefined };
  }
  if (readable(html)) {
    const article = extractArticle(html);
    if (!article) throw new InputError("no article text in the HTML");
    return { text: article.text, article };
  }
  if (typeof text === "string") throw new InputError("empty text");
  if (typeof html === "string") throw new InputError("no article text in the HTML");
  throw new InputError("neither text nor html");
}

/**
 * Makes a contract document ready for extraction: article text taken from HTML when that is what
 * came, metadata gathered, and `clean` (boilerplate blanked, punctuation normalised, same length as
 * `text`) computed, with the codebook extraction will read (the active one when none is given).
 * Throws InputError for documents that cannot be read.
 */
export function prepareDocument(input: SourceDocument, codebook: Codebook = activeCodebook()): Doc {
  const src = asSourceDocument(input);
  const given = givenDay(src.published);
  const { text, article } = body(src);
  const clean = cleanText(text, codebook);
  const doc: Doc = { id: src.id, text, clean };
  const title = src.title ?? article?.title;
  if (title) doc.title = title;
  if (src.url) doc.url = src.url;
  const outlet = src.outlet ?? article?.siteName;
  if (outlet) doc.outlet = outlet;
  if (article?.byline) doc.byline = article.byline;
  if (given) {
    doc.published = given;
    doc.publishedFrom = "given";
  } else if (article?.published) {
    doc.published = article.published;
    doc.publishedFrom = "html";
  }
  const language = detectLanguage(clean, codebook);
  if (language) doc.language = language;
  return doc;
}
