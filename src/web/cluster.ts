/** A point on the screen (layer pixels) with what a cluster sums. */
export interface ScreenPoint<T> {
  x: number;
  y: number;
  item: T;
}

export interface Cluster<T> {
  x: number;
  y: number;
  items: T[];
}

/**
 * Groups points falling in the same `cell`-pixel square of the screen, placed at their mean.
 * A grid is enough at the scale of an event map (thousands of points) and keeps the grouping
 * stable while panning, since cells are anchored to the layer origin, not to the view.
 */
export function gridCluster<T>(points: readonly ScreenPoint<T>[], cell: number): Cluster<T>[] {
  const cells = new Map<string, { sx: number; sy: number; items: T[] }>();
  for (const p of points) {
    const key = `${Math.floor(p.x / cell)}:${Math.floor(p.y / cell)}`;
    const c = cells.get(key);
    if (c) {
      c.sx += p.x;
      c.sy += p.y;
      c.items.push(p.item);
    } else cells.set(key, { sx: p.x, sy: p.y, items: [p.item] });
  }
  return [...cells.values()].map((c) => ({ x: c.sx / c.items.length, y: c.sy / c.items.length, items: c.items }));
}

/** Marker radius in pixels: area grows with the toll; an unknown toll gets the smallest size. */
export function markerRadius(killed: number | null): number {
  return Math.min(28, 5 + 2.5 * Math.sqrt(Math.max(0, killed ?? 0)));
}
