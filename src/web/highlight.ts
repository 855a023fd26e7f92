import type { Evidence } from "../model.js";

/** A stretch of article text and the fields whose evidence covers it (none: plain text). */
export interface Segment {
  start: number;
  end: number;
  fields: string[];
}

/**
 * Cuts `text` at every evidence boundary. Spans may overlap (a sentence and the count inside it),
 * so each stretch carries every field that covers it. Spans that do not point at their own words
 * in this text (another version of the document) are left out rather than highlighting the wrong words.
 */
export function segment(text: string, evidence: readonly Evidence[]): Segment[] {
  const spans = evidence.filter(
    (e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.end <= text.length && e.start < e.end && text.slice(e.start, e.end) === e.text,
  );
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const fields = [...new Set(spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.field))].sort();
    const last = segments[segments.length - 1];
    if (last && last.fields.join() === fields.join()) last.end = end;
    else segments.push({ start, end, fields });
  }
  return segments;
}

/**
 * Writes the article into `container` with its evidence in <mark> elements. Article text only ever
 * enters the page as text nodes: an article quoting a <script> tag shows the tag, never runs it.
 */
export function renderHighlighted(container: HTMLElement, text: string, evidence: readonly Evidence[]): void {
  container.replaceChildren();
  for (const seg of segment(text, evidence)) {
    const words = document.createTextNode(text.slice(seg.start, seg.end));
    if (seg.fields.length === 0) {
      container.append(words);
      continue;
    }
    const mark = document.createElement("mark");
    mark.dataset.fields = seg.fields.join(" ");
    mark.title = `evidence for ${seg.fields.join(", ")}`;
    mark.append(words);
    container.append(mark);
  }
}
