import type { EventSource, ResolvedField } from "../model.js";
import type { DocumentDetail, EventDetail } from "../server/shapes.js";
import { getJson } from "./api.js";
import { el } from "./dom.js";
import { formatCount, formatDate, formatPlace, formatValue, humanCode } from "./format.js";
import { renderHighlighted } from "./highlight.js";

// Fields in the order an analyst reads a record; any others the resolver adds follow.
const FIELD_ORDER = ["date", "location", "attackTypes", "eventType", "subEventType", "perpetrators", "targets", "weapons", "killed", "wounded", "claimed", "suicide"];

function fieldRow(name: string, field: ResolvedField): HTMLTableRowElement {
  const value = el("td", {}, el("span", { text: formatValue(field.value) }));
  if (field.conflict) value.append(" ", el("span", { className: "badge conflict", text: "sources disagree" }));
  const claims = el(
    "ul",
    {},
    ...field.claims.map((c) => el("li", { text: `${c.outlet ?? c.documentId}${c.published ? ` (${c.published})` : ""}: ${formatValue(c.value)}` })),
  );
  const details = el("details", {}, el("summary", { text: `${field.claims.length} claim${field.claims.length === 1 ? "" : "s"}` }), claims);
  const row = el("tr", {}, el("th", { text: name }), value, el("td", { text: `${field.rule}${field.provenance === "stated" ? "" : `, ${field.provenance}`}` }), el("td", {}, details));
  if (field.conflict) row.className = "conflict";
  row.dataset.field = name;
  return row;
}

function fieldsTable(event: EventDetail): HTMLTableElement {
  const names = Object.keys(event.fields).sort((a, b) => {
    const ia = FIELD_ORDER.indexOf(a);
    const ib = FIELD_ORDER.indexOf(b);
    return (ia < 0 ? FIELD_ORDER.length : ia) - (ib < 0 ? FIELD_ORDER.length : ib) || a.localeCompare(b);
  });
  const head = el("thead", {}, el("tr", {}, el("th", { text: "field" }), el("th", { text: "chosen value" }), el("th", { text: "rule" }), el("th", { text: "what each source said" })));
  return el("table", { className: "fields" }, head, el("tbody", {}, ...names.map((n) => fieldRow(n, event.fields[n]!))));
}

/** A link only for web addresses: a `javascript:` url in a document stays inert text. */
function sourceLink(url: string | null): Node {
  if (!url || !/^https?:\/\//i.test(url)) return document.createTextNode(url ?? "no address");
  const a = el("a", { text: url });
  a.href = url;
  a.rel = "noopener noreferrer nofollow";
  a.target = "_blank";
  return a;
}

async function sourceSection(source: EventSource, event: EventDetail): Promise<HTMLElement> {
  const section = el("article", { className: "source" });
  section.dataset.documentId = source.documentId;
  const text = el("div", { className: "article-text" });
  try {
    const doc = await getJson<DocumentDetail>(`/api/documents/${encodeURIComponent(source.documentId)}`);
    const evidence = event.evidence.find((m) => m.mentionId === source.mentionId)?.evidence ?? [];
    section.append(
      el("h4", { text: `${doc.outlet ?? source.outlet ?? "unknown outlet"}${doc.title ? ` — ${doc.title}` : ""}` }),
      el("p", { className: "source-meta", text: `published ${doc.published ?? "date unknown"} · ` }, sourceLink(doc.url ?? source.url)),
      text,
    );
    renderHighlighted(text, doc.text, evidence);
  } catch (err) {
    section.append(el("h4", { text: source.outlet ?? source.documentId }), el("p", { className: "error", text: `document unavailable: ${(err as Error).message}` }));
  }
  return section;
}

/** Fills `container` with one event: chosen values, every source's claims, conflicts, and the articles with their evidence marked. */
export async function renderEvent(container: HTMLElement, id: string): Promise<EventDetail> {
  const event = await getJson<EventDetail>(`/api/events/${encodeURIComponent(id)}`);
  const conflicts = event.conflicts.length
    ? el("p", { className: "conflicts", text: `Sources disagree on: ${event.conflicts.join(", ")}.` })
    : el("p", { className: "agree", text: "Sources agree on every field." });
  const sources = await Promise.all(event.sources.map((s) => sourceSection(s, event)));
  container.replaceChildren(
    el("h2", { text: `${humanCode(event.attackTypes[0] ?? event.eventType)} in ${formatPlace(event.location)}` }),
    el("p", { className: "event-meta", text: `${formatDate(event.date)} · killed ${formatCount(event.killed)} · wounded ${formatCount(event.wounded)}` }),
    el("p", { className: "summary", text: event.summary }),
    conflicts,
    el("h3", { text: "Chosen values and claims" }),
    el("div", { className: "table-scroll" }, fieldsTable(event)),
    el("h3", { text: `Sources (${event.sources.length})` }),
    ...sources,
  );
  container.dataset.eventId = event.id;
  return event;
}
