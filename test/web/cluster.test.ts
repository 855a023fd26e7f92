import { test } from "node:test";
import assert from "node:assert/strict";
import { gridCluster, markerRadius } from "../../src/web/cluster.js";

test("points in one grid cell group at their mean; others stay alone", () => {
  const clusters = gridCluster(
    [
      { x: 10, y: 10, item: "a" },
      { x: 30, y: 20, item: "b" },
      { x: 200, y: 10, item: "c" },
    ],
    40,
  );
  assert.equal(clusters.length, 2);
  const pair = clusters.find((c) => c.items.length === 2)!;
  assert.deepEqual(pair.items, ["a", "b"]);
  assert.deepEqual([pair.x, pair.y], [20, 15]);
  assert.deepEqual(clusters.find((c) => c.items.length === 1)!.items, ["c"]);
});

test("every point lands in exactly one cluster, negative coordinates included", () => {
  const points = Array.from({ length: 500 }, (_, i) => ({ x: ((i * 37) % 1000) - 500, y: ((i * 91) % 700) - 350, item: i }));
  const seen = gridCluster(points, 25).flatMap((c) => c.items).sort((a, b) => a - b);
  assert.deepEqual(seen, points.map((p) => p.item));
});

test("marker size grows with the toll, is smallest for an unknown toll, and is capped", () => {
  assert.equal(markerRadius(null), markerRadius(0));
  assert.ok(markerRadius(10) > markerRadius(2));
  assert.ok(markerRadius(100000) <= 28);
});
