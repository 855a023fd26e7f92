import type { EventSummary } from "../server/shapes.js";
import type { Page, Stats } from "../store/store.js";
import { getJson } from "./api.js";
import { binDates } from "./bins.js";
import { createMap } from "./map.js";
import { renderEvent } from "./eventView.js";
import { humanCode } from "./format.js";
import { renderList } from "./list.js";
import { startNotifications } from "./notifications.js";
import { emptyFilters, FILTER_KEYS, toQuery, type FilterState } from "./query.js";
import { createTimeline } from "./timeline.js";
import { createWatchlistBar } from "./watchlists.js";

// The page's wiring: the filter form is the one source of truth; every change reloads the events
// it selects (and the timeline, unless only the dates moved, so brushing never shrinks it).

const MAP_LIMIT = 1000;
const TIMELINE_LIMIT = 1000;

function $(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`page is missing #${id}`);
  return node;
}

const form = $("filters") as HTMLFormElement;
const status = $("status");
const list = $("event-list") as HTMLOListElement;
const view = $("event-view");
const viewBody = $("event-body");

function readForm(): FilterState {
  const state = emptyFilters();
  for (const key of FILTER_KEYS) state[key] = (form.elements.namedItem(key) as HTMLInputElement).value;
  return state;
}

function setField(key: keyof FilterState, value: string): void {
  (form.elements.namedItem(key) as HTMLInputElement).value = value;
}

function fillOptions(select: HTMLSelectElement, values: { value: string; label: string }[]): void {
  for (const { value, label } of values) {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = label;
    select.append(option);
  }
}

function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

async function main(): Promise<void> {
  const [config, stats] = await Promise.all([getJson<{ tileUrl: string | null }>("/api/config"), getJson<Stats>("/api/stats")]);
  fillOptions(
    form.elements.namedItem("country") as HTMLSelectElement,
    stats.byCountry.filter((c) => c.country).map((c) => ({ value: c.country, label: `${countryName(c.country)} (${c.events})` })).sort((a, b) => a.label.localeCompare(b.label)),
  );
  fillOptions(form.elements.namedItem("type") as HTMLSelectElement, stats.byType.map((t) => ({ value: t.type, label: `${humanCode(t.type)} (${t.events})` })));
  $("totals").textContent = `${stats.events} events from ${stats.documents} documents`;

  const map = await createMap($("map"), { tileUrl: config.tileUrl, onSelect: select });
  const timeline = createTimeline($("timeline") as unknown as SVGSVGElement, (range) => {
    setField("since", range?.since ?? "");
    setField("until", range?.until ?? "");
    void reload(false);
  });

  // A watchlist selected narrows every listing to its events; the filters narrow them further.
  const watchlists = await createWatchlistBar(() => void reload(true));
  const eventsPath = () => {
    const w = watchlists.selected();
    return w ? `/api/watchlists/${encodeURIComponent(w.id)}/events` : "/api/events";
  };

  let shown: EventSummary[] = [];
  let histogram = binDates([]);
  let generation = 0;
  async function reload(withTimeline: boolean): Promise<void> {
    const mine = ++generation;
    const filters = readForm();
    status.textContent = "loading…";
    try {
      const [page, undated] = await Promise.all([
        getJson<Page<EventSummary>>(eventsPath(), toQuery(filters, { limit: MAP_LIMIT, sort: "-date" })),
        withTimeline ? getJson<Page<EventSummary>>(eventsPath(), toQuery(filters, { limit: TIMELINE_LIMIT, sort: "-date" }, false)) : null,
      ]);
      if (mine !== generation) return;
      shown = page.items;
      map.show(shown);
      renderList(list, shown, select);
      const counted = page.total > shown.length ? `showing the ${shown.length} most recent of ${page.total} events` : `${page.total} event${page.total === 1 ? "" : "s"}`;
      const watched = watchlists.selected();
      status.textContent = watched ? `${watched.name}: ${counted}` : counted;
      if (undated) histogram = binDates(undated.items.flatMap((e) => (e.date?.start ? [e.date.start] : [])));
      timeline.show(histogram.bins, histogram.unit, filters.since || filters.until ? { since: filters.since || "0000-01-01", until: filters.until || "9999-12-31" } : null);
    } catch (err) {
      if (mine === generation) status.textContent = `could not load events: ${(err as Error).message}`;
    }
  }

  function select(id: string): void {
    location.hash = `event/${encodeURIComponent(id)}`;
  }

  async function showFromHash(): Promise<void> {
    // A watchlist's own address (the Atom feed links to it) selects it.
    const watched = /^#watchlist\/(.+)$/.exec(location.hash);
    if (watched) watchlists.select(decodeURIComponent(watched[1]!));
    const m = /^#event\/(.+)$/.exec(location.hash);
    if (!m) {
      view.hidden = true;
      document.body.classList.remove("viewing");
      map.focus(null);
      return;
    }
    view.hidden = false;
    document.body.classList.add("viewing");
    viewBody.textContent = "loading…";
    try {
      const event = await renderEvent(viewBody, decodeURIComponent(m[1]!));
      map.focus(event);
      view.scrollTop = 0;
    } catch (err) {
      viewBody.textContent = `could not load the event: ${(err as Error).message}`;
    }
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener("input", (ev) => {
    const target = ev.target as HTMLInputElement;
    if (target.type !== "text" && target.type !== "search") return;
    clearTimeout(typing);
    typing = setTimeout(() => void reload(true), 300);
  });
  form.addEventListener("change", (ev) => {
    const name = (ev.target as HTMLInputElement).name;
    if (name === "actor" || name === "text") return;
    void reload(name !== "since" && name !== "until");
  });
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    clearTimeout(typing);
    void reload(true);
  });
  form.addEventListener("reset", () => setTimeout(() => void reload(true)));
  $("close-event").addEventListener("click", () => {
    history.pushState(null, "", location.pathname + location.search);
    void showFromHash();
  });
  window.addEventListener("hashchange", () => void showFromHash());

  startNotifications(select);
  await reload(true);
  await showFromHash();
  document.body.dataset.ready = "true";
}

main().catch((err: Error) => {
  status.textContent = `Sitrep could not start: ${err.message}`;
});
