import { toIsoDay } from "./isoDate.js";

// Where news pages state their publication date, most reliable first. Readability reads
// article:published_time and schema.org JSON-LD of article types; these cover the other conventions.
const metaSelectors = [
  'meta[property="article:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="dc.date.issued"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
  'meta[name="date"]',
];

function jsonLdDates(document: Document): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      if (typeof record.datePublished === "string") found.push(record.datePublished);
      if (record["@graph"]) visit(record["@graph"]);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ""));
    } catch {
      // Broken JSON-LD is common on real pages; the other sources still count.
    }
  }
  return found;
}

/** The page's publication day (YYYY-MM-DD) from its metadata, read before Readability alters the page. */
export function pageDate(document: Document): string | undefined {
  const candidates = [
    ...metaSelectors.map((selector) => document.querySelector(selector)?.getAttribute("content")),
    ...jsonLdDates(document),
    document.querySelector("time[pubdate]")?.getAttribute("datetime"),
    document.querySelector("article time[datetime]")?.getAttribute("datetime"),
    document.querySelector("time[datetime]")?.getAttribute("datetime"),
  ];
  for (const candidate of candidates) {
    const day = candidate ? toIsoDay(candidate) : undefined;
    if (day) return day;
  }
  return undefined;
}
