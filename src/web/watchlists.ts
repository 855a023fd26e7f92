import type { Watchlist } from "../alerts/watchlist.js";
import { getJson, sendJson } from "./api.js";

// The watchlist bar: pick one to see only its events, and a form to save, edit or delete one.
// The server checks what is typed; its message is shown beside the form, which stays open.

function $(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`page is missing #${id}`);
  return node;
}

const FIELDS = ["name", "country", "near", "area", "type", "actor", "minKilled", "text", "webhook", "secret"] as const;
type Field = (typeof FIELDS)[number];

export interface WatchlistBar {
  /** The selected watchlist, or null for every event. */
  selected(): Watchlist | null;
  select(id: string): void;
}

/** The form's fields as the API's watchlist; empty fields are left out. */
function formBody(value: (f: Field) => string): unknown {
  const filter: Record<string, unknown> = {};
  const country = value("country");
  if (country) filter.country = country.toUpperCase();
  const near = value("near");
  if (near) {
    const [lat, lon, km] = near.split(",").map((p) => Number(p.trim()));
    filter.near = { lat, lon, km };
  }
  // Sent as typed: the server reads the GeoJSON and says what is wrong with it.
  if (value("area")) filter.area = value("area");
  for (const key of ["type", "actor", "text"] as const) if (value(key)) filter[key] = value(key);
  if (value("minKilled")) filter.minKilled = Number(value("minKilled"));
  return { name: value("name"), filter, webhook: value("webhook") || null, secret: value("secret") || null };
}

export async function createWatchlistBar(onChange: () => void): Promise<WatchlistBar> {
  const choice = $("watchlist-select") as HTMLSelectElement;
  const dialog = $("watchlist-dialog") as HTMLDialogElement;
  const form = $("watchlist-form") as HTMLFormElement;
  const error = $("watchlist-error");
  const feed = $("watchlist-feed") as HTMLAnchorElement;
  const input = (f: Field) => form.elements.namedItem(f) as HTMLInputElement;
  let all: Watchlist[] = [];
  let editing: Watchlist | null = null;

  const selected = () => all.find((w) => w.id === choice.value) ?? null;
  const showSelected = () => {
    const w = selected();
    ($("watchlist-edit") as HTMLButtonElement).disabled = !w;
    ($("watchlist-delete") as HTMLButtonElement).disabled = !w;
    feed.hidden = !w;
    if (w) feed.href = `/api/watchlists/${encodeURIComponent(w.id)}/feed.atom`;
  };
  async function load(keep: string): Promise<void> {
    all = (await getJson<{ items: Watchlist[] }>("/api/watchlists")).items;
    const options = all.map((w) => {
      const option = document.createElement("option");
      option.value = w.id;
      option.textContent = w.name;
      return option;
    });
    const everything = document.createElement("option");
    everything.value = "";
    everything.textContent = "all events";
    choice.replaceChildren(everything, ...options);
    choice.value = all.some((w) => w.id === keep) ? keep : "";
    showSelected();
  }

  function open(w: Watchlist | null): void {
    editing = w;
    form.reset();
    error.textContent = "";
    if (w) {
      const f = w.filter;
      input("name").value = w.name;
      input("country").value = f.country ?? "";
      input("near").value = f.near ? `${f.near.lat},${f.near.lon},${f.near.km}` : "";
      input("area").value = f.area ? JSON.stringify(f.area) : "";
      input("type").value = f.type ?? "";
      input("actor").value = f.actor ?? "";
      input("minKilled").value = f.minKilled === undefined ? "" : String(f.minKilled);
      input("text").value = f.text ?? "";
      input("webhook").value = w.webhook ?? "";
    }
    $("watchlist-dialog-title").textContent = w ? `Edit ${w.name}` : "New watchlist";
    dialog.showModal();
  }

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    error.textContent = "";
    try {
      const body = formBody((f) => input(f).value.trim());
      const saved = editing
        ? await sendJson<{ watchlist: Watchlist; secret: string | null }>("PUT", `/api/watchlists/${encodeURIComponent(editing.id)}`, body)
        : await sendJson<{ watchlist: Watchlist; secret: string | null }>("POST", "/api/watchlists", body);
      dialog.close();
      if (saved.secret && !input("secret").value) window.alert(`Webhook deliveries to this watchlist are signed with the secret ${saved.secret}. It is shown this once.`);
      await load(saved.watchlist.id);
      onChange();
    } catch (err) {
      error.textContent = (err as Error).message;
    }
  });
  $("watchlist-cancel").addEventListener("click", () => dialog.close());
  $("watchlist-new").addEventListener("click", () => open(null));
  $("watchlist-edit").addEventListener("click", () => open(selected()));
  $("watchlist-delete").addEventListener("click", async () => {
    const w = selected();
    if (!w || !window.confirm(`Delete the watchlist ${w.name}? Its alerts stay in the log.`)) return;
    await sendJson("DELETE", `/api/watchlists/${encodeURIComponent(w.id)}`);
    await load("");
    onChange();
  });
  choice.addEventListener("change", () => {
    showSelected();
    onChange();
  });

  await load("");
  return {
    selected,
    select(id) {
      if (!all.some((w) => w.id === id) || choice.value === id) return;
      choice.value = id;
      showSelected();
      onChange();
    },
  };
}
