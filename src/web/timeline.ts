import type { Bin, BinUnit } from "./bins.js";

export interface DateRange {
  since: string;
  until: string;
}

export interface Timeline {
  show(bins: Bin[], unit: BinUnit, selected: DateRange | null): void;
}

const SVG = "http://www.w3.org/2000/svg";
const HEIGHT = 90;
const AXIS = 16;

function svgEl<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function binLabel(bin: Bin, unit: BinUnit): string {
  return unit === "day" ? bin.start : unit === "month" ? bin.start.slice(0, 7) : bin.start.slice(0, 4);
}

/**
 * A histogram of event dates. Dragging across bars selects their dates (the brush), a click
 * selects one bar; `onBrush` gets the range, or null when the selection is cleared.
 */
export function createTimeline(svg: SVGSVGElement, onBrush: (range: DateRange | null) => void): Timeline {
  let bins: Bin[] = [];
  let unit: BinUnit = "day";
  let selected: DateRange | null = null;
  let dragFrom: number | null = null;
  let dragTo: number | null = null;

  const width = () => Math.max(200, svg.clientWidth || svg.getBoundingClientRect().width);
  const barWidth = () => width() / Math.max(1, bins.length);
  const indexAt = (clientX: number) => {
    const x = clientX - svg.getBoundingClientRect().left;
    return Math.min(bins.length - 1, Math.max(0, Math.floor(x / barWidth())));
  };

  function draw(): void {
    svg.replaceChildren();
    const w = width();
    svg.setAttribute("viewBox", `0 0 ${w} ${HEIGHT}`);
    if (bins.length === 0) {
      const empty = svgEl("text", { x: w / 2, y: HEIGHT / 2, "text-anchor": "middle", class: "timeline-empty" });
      empty.textContent = "no dated events";
      svg.append(empty);
      return;
    }
    const max = Math.max(...bins.map((b) => b.count));
    const bw = barWidth();
    const lo = dragFrom !== null && dragTo !== null ? Math.min(dragFrom, dragTo) : -1;
    const hi = dragFrom !== null && dragTo !== null ? Math.max(dragFrom, dragTo) : -1;
    bins.forEach((bin, i) => {
      const h = bin.count === 0 ? 0 : Math.max(2, ((HEIGHT - AXIS - 4) * bin.count) / max);
      const inSelection = dragFrom !== null ? i >= lo && i <= hi : selected !== null && bin.end >= selected.since && bin.start <= selected.until;
      const bar = svgEl("rect", {
        x: i * bw + 0.5,
        y: HEIGHT - AXIS - h,
        width: Math.max(1, bw - 1),
        height: h,
        class: inSelection ? "bar selected" : "bar",
      });
      const tip = svgEl("title", {});
      tip.textContent = `${binLabel(bin, unit)}: ${bin.count} event${bin.count === 1 ? "" : "s"}`;
      bar.append(tip);
      svg.append(bar);
    });
    const ticks = bins.length === 1 ? [0] : [0, Math.floor((bins.length - 1) / 2), bins.length - 1];
    for (const i of new Set(ticks)) {
      const anchor = i === 0 ? "start" : i === bins.length - 1 ? "end" : "middle";
      const x = i === 0 ? 0 : i === bins.length - 1 ? w : (i + 0.5) * bw;
      const tick = svgEl("text", { x, y: HEIGHT - 3, "text-anchor": anchor, class: "tick" });
      tick.textContent = binLabel(bins[i]!, unit);
      svg.append(tick);
    }
  }

  svg.addEventListener("pointerdown", (ev) => {
    if (bins.length === 0) return;
    svg.setPointerCapture(ev.pointerId);
    dragFrom = dragTo = indexAt(ev.clientX);
    draw();
  });
  svg.addEventListener("pointermove", (ev) => {
    if (dragFrom === null) return;
    const i = indexAt(ev.clientX);
    if (i !== dragTo) {
      dragTo = i;
      draw();
    }
  });
  svg.addEventListener("pointerup", (ev) => {
    if (dragFrom === null) return;
    const to = indexAt(ev.clientX);
    const range = { since: bins[Math.min(dragFrom, to)]!.start, until: bins[Math.max(dragFrom, to)]!.end };
    dragFrom = dragTo = null;
    selected = range;
    draw();
    onBrush(range);
  });
  svg.addEventListener("pointercancel", () => {
    dragFrom = dragTo = null;
    draw();
  });
  new ResizeObserver(() => draw()).observe(svg);

  return {
    show(next, nextUnit, nextSelected) {
      bins = next;
      unit = nextUnit;
      selected = nextSelected;
      draw();
    },
  };
}
