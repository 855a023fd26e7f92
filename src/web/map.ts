import * as L from "leaflet";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import type { EventSummary } from "../server/shapes.js";
import { gridCluster, markerRadius } from "./cluster.js";
import { formatCount, formatDate, formatPlace, humanCode } from "./format.js";

export interface EventMap {
  show(events: EventSummary[]): void;
  focus(event: EventSummary | null): void;
}

/** ACLED's event types in the colours the legend shows; anything else is grey. */
export const TYPE_COLOURS: Record<string, string> = {
  BATTLES: "#c2410c",
  EXPLOSIONS_REMOTE_VIOLENCE: "#b91c1c",
  VIOLENCE_AGAINST_CIVILIANS: "#7e22ce",
  RIOTS: "#a16207",
  PROTESTS: "#0369a1",
  STRATEGIC_DEVELOPMENTS: "#047857",
};
const OTHER_COLOUR = "#475569";
const CELL_PX = 40;

function located(e: EventSummary): e is EventSummary & { location: { lat: number; lon: number } } {
  return typeof e.location?.lat === "number" && typeof e.location?.lon === "number";
}

function label(e: EventSummary): string {
  return `${formatDate(e.date)} · ${humanCode(e.attackTypes[0] ?? e.eventType)} · ${formatPlace(e.location)} · killed ${formatCount(e.killed)}`;
}

/** A list of the events behind one marker; entries are buttons built from text, never from HTML. */
function pickList(events: EventSummary[], onSelect: (id: string) => void): HTMLElement {
  const list = document.createElement("ul");
  list.className = "pick-list";
  for (const e of events) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label(e);
    button.addEventListener("click", () => onSelect(e.id));
    item.append(button);
    list.append(item);
  }
  return list;
}

async function worldLayer(): Promise<L.Layer> {
  const res = await fetch("/vendor/world-atlas/countries-50m.json");
  const topology = (await res.json()) as Topology;
  const countries = feature(topology, topology.objects.countries!);
  // Leaflet hands these options to every polygon it makes, so the renderer applies though the typings omit it.
  const options: L.GeoJSONOptions & { renderer: L.Renderer } = {
    interactive: false,
    renderer: L.canvas(),
    style: { color: "#94a3b8", weight: 0.6, fillColor: "#f1f5f9", fillOpacity: 1 },
  };
  return L.geoJSON(countries, options);
}

/**
 * The map: Natural Earth outlines drawn in the browser (or tiles when configured), a circle per
 * event sized by its toll, and events that crowd one spot on screen grouped into a counted marker.
 */
export async function createMap(el: HTMLElement, opts: { tileUrl: string | null; onSelect: (id: string) => void }): Promise<EventMap> {
  const map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 13, zoomSnap: 0.5 }).setView([18, 15], 2);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  map.attributionControl.addAttribution("Places © GeoNames (CC BY 4.0)");
  if (opts.tileUrl) L.tileLayer(opts.tileUrl, { maxZoom: 13 }).addTo(map);
  else {
    (await worldLayer()).addTo(map);
    map.attributionControl.addAttribution("Outlines: Natural Earth via world-atlas");
  }
  const markers = L.layerGroup().addTo(map);
  const focusRing = L.layerGroup().addTo(map);
  let shown: EventSummary[] = [];
  let framed = false;

  function single(e: EventSummary & { location: { lat: number; lon: number } }): L.Layer {
    const colour = TYPE_COLOURS[e.eventType ?? ""] ?? OTHER_COLOUR;
    const unknownToll = e.killed === null;
    return L.circleMarker([e.location.lat, e.location.lon], {
      radius: markerRadius(e.killed),
      color: colour,
      weight: 1.5,
      dashArray: unknownToll ? "3 3" : undefined,
      fillColor: colour,
      fillOpacity: unknownToll ? 0.15 : 0.55,
      className: "event-marker",
    })
      .bindTooltip(label(e))
      .on("click", () => opts.onSelect(e.id));
  }

  function group(events: EventSummary[], at: L.LatLng): L.Layer {
    // A group's size says how many events it holds; its tooltip gives their toll.
    const killed = events.reduce((sum, e) => sum + (e.killed ?? 0), 0);
    const size = Math.min(52, 22 + 6 * Math.log2(events.length));
    const badge = document.createElement("span");
    badge.textContent = String(events.length);
    const marker = L.marker(at, {
      icon: L.divIcon({ className: "event-cluster", html: badge, iconSize: [size, size] }),
    }).bindTooltip(`${events.length} events, at least ${killed} killed`);
    const bounds = L.latLngBounds(events.filter(located).map((e) => [e.location.lat, e.location.lon] as [number, number]));
    marker.on("click", () => {
      const zoomTo = map.getBoundsZoom(bounds.pad(0.2));
      if (zoomTo > map.getZoom() + 0.5 && zoomTo <= map.getMaxZoom()) map.fitBounds(bounds.pad(0.2));
      // Events at one spot never separate by zooming: list them instead.
      else L.popup({ maxWidth: 320 }).setLatLng(at).setContent(pickList(events, opts.onSelect)).openOn(map);
    });
    return marker;
  }

  function redraw(): void {
    markers.clearLayers();
    const zoom = map.getZoom();
    const points = shown.filter(located).map((e) => {
      const p = map.project([e.location.lat, e.location.lon], zoom);
      return { x: p.x, y: p.y, item: e };
    });
    for (const c of gridCluster(points, CELL_PX)) {
      const at = map.unproject([c.x, c.y], zoom);
      markers.addLayer(c.items.length === 1 ? single(c.items[0] as EventSummary & { location: { lat: number; lon: number } }) : group(c.items, at));
    }
    el.dataset.events = String(points.length);
  }
  map.on("zoomend", redraw);
  // The map's box changes when the event view opens beside it or the phone turns.
  new ResizeObserver(() => map.invalidateSize()).observe(el);

  return {
    show(events) {
      shown = events;
      const spots = events.filter(located).map((e) => [e.location.lat, e.location.lon] as [number, number]);
      // The first data frames the map on where the events are; later filters leave the reader's view alone.
      if (!framed && spots.length > 0) {
        framed = true;
        map.fitBounds(L.latLngBounds(spots).pad(0.15), { maxZoom: 6, animate: false });
      }
      redraw();
    },
    focus(event) {
      focusRing.clearLayers();
      if (!event || !located(event)) return;
      const at = L.latLng(event.location.lat, event.location.lon);
      L.circleMarker(at, { radius: markerRadius(event.killed) + 6, color: "#0f172a", weight: 2, fill: false, interactive: false }).addTo(focusRing);
      if (!map.getBounds().contains(at)) map.panTo(at);
    },
  };
}
