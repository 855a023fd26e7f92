import type { AlertSummary } from "../server/shapes.js";
import { getJson } from "./api.js";
import { el } from "./dom.js";
import { alertTitle } from "./format.js";

// The notification list: alerts the watchlists fired since this browser last marked them seen,
// polled from the API. What was seen is the highest alert number, kept in the browser.

const SEEN_KEY = "sitrep-alerts-seen";
const POLL_MS = 5000;

function $(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`page is missing #${id}`);
  return node;
}

export function startNotifications(onOpen: (eventId: string) => void): void {
  const button = $("alerts-button");
  const count = $("alerts-count");
  const panel = $("alerts-panel");
  const list = $("alerts-list") as HTMLOListElement;
  const title = document.title;
  let seen = Number(localStorage.getItem(SEEN_KEY) ?? 0);
  let unseen: AlertSummary[] = [];

  function render(): void {
    count.textContent = String(unseen.length);
    count.hidden = unseen.length === 0;
    document.title = unseen.length ? `(${unseen.length}) ${title}` : title;
    list.replaceChildren(
      ...(unseen.length
        ? unseen.map((a) => {
            const item = el("button", { className: "alert-item" }, el("span", { className: "alert-watchlist", text: a.watchlistName }), el("span", { className: "alert-title", text: alertTitle(a) }));
            item.type = "button";
            item.addEventListener("click", () => onOpen(a.eventId));
            return el("li", {}, item);
          })
        : [el("li", { className: "alerts-none", text: "no new alerts" })]),
    );
  }

  async function poll(): Promise<void> {
    const after = unseen[0]?.seq ?? seen;
    try {
      const { items } = await getJson<{ items: AlertSummary[] }>("/api/alerts", new URLSearchParams({ after: String(after) }));
      if (items.length > 0) {
        unseen = [...items, ...unseen];
        render();
      }
    } catch {
      // The next poll tries again; a server restarting must not break the page.
    }
  }

  button.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
    button.setAttribute("aria-expanded", String(!panel.hidden));
  });
  $("alerts-seen").addEventListener("click", () => {
    seen = Math.max(seen, ...unseen.map((a) => a.seq));
    localStorage.setItem(SEEN_KEY, String(seen));
    unseen = [];
    render();
  });
  render();
  void poll();
  setInterval(() => void poll(), POLL_MS);
}
