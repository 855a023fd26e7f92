import type { EventSummary } from "../server/shapes.js";
import { el } from "./dom.js";
import { formatCount, formatDate, formatPlace, humanCode } from "./format.js";

/** The event list: one button per event, newest first as the API sorted them. */
export function renderList(list: HTMLOListElement, events: EventSummary[], onSelect: (id: string) => void): void {
  list.replaceChildren(
    ...events.map((e) => {
      const button = el(
        "button",
        { className: "event-item" },
        el("span", { className: "event-title", text: `${humanCode(e.attackTypes[0] ?? e.eventType)} · ${formatPlace(e.location)}` }),
        el("span", { className: "event-meta", text: eventMeta(e) }),
      );
      button.type = "button";
      button.dataset.id = e.id;
      button.addEventListener("click", () => onSelect(e.id));
      return el("li", {}, button);
    }),
  );
}

function eventMeta(e: EventSummary): string {
  const parts = [formatDate(e.date), `killed ${formatCount(e.killed)}`, `wounded ${formatCount(e.wounded)}`];
  if (e.perpetrators.length) parts.push(e.perpetrators.map((p) => p.name).join(", "));
  parts.push(`${e.sources.length} source${e.sources.length === 1 ? "" : "s"}`);
  if (e.conflicts.length) parts.push(`sources disagree on ${e.conflicts.join(", ")}`);
  return parts.join(" · ");
}
