import assert from "node:assert/strict";
import { test } from "node:test";
import { AreaError, boxOf, containsPoint, parseArea } from "../../src/geo/area.js";

// Areas drawn for these tests: a square with a square hole, and two squares apart.

const square = (west: number, south: number, side: number) => [
  [west, south],
  [west + side, south],
  [west + side, south + side],
  [west, south + side],
  [west, south],
];

test("a point is inside an outline and outside its holes; a MultiPolygon is any of its polygons", () => {
  const holed = parseArea({ type: "Polygon", coordinates: [square(0, 0, 10), square(4, 4, 2)] }, "holed");
  assert.equal(containsPoint(holed, 1, 1), true);
  assert.equal(containsPoint(holed, 5, 5), false, "in the hole");
  assert.equal(containsPoint(holed, 11, 5), false);
  const two = parseArea({ type: "FeatureCollection", features: [{ type: "Feature", geometry: { type: "Polygon", coordinates: [square(0, 0, 1)] } }, { type: "Feature", geometry: { type: "MultiPolygon", coordinates: [[square(20, 20, 1)]] } }] }, "two");
  assert.equal(two.coordinates.length, 2);
  assert.equal(containsPoint(two, 20.5, 20.5), true, "latitude 20.5, longitude 20.5");
  assert.equal(containsPoint(two, 10, 10), false);
  assert.deepEqual(boxOf(two), { south: 0, west: 0, north: 21, east: 21 });
});

test("what is not an area is refused, naming the input and the member at fault", () => {
  const refused = (value: unknown, pattern: RegExp) => assert.throws(() => parseArea(value, "zone.geojson"), (err: Error) => err instanceof AreaError && pattern.test(err.message));
  refused("{", /^zone\.geojson: not JSON/);
  refused({ type: "Point", coordinates: [1, 2] }, /^zone\.geojson: type: expected Polygon, MultiPolygon, Feature or FeatureCollection, got "Point"/);
  refused({ type: "Polygon", coordinates: [square(0, 0, 1).slice(0, 4)] }, /coordinates\[0\]: a ring must end at the position it starts from/);
  refused({ type: "Polygon", coordinates: [[[0, 0], [1, 1], [0, 0]]] }, /coordinates\[0\]: a ring needs at least 4 positions/);
  refused({ type: "Polygon", coordinates: [[[0, 0], [1, "1"], [1, 0], [0, 0]]] }, /coordinates\[0\]\[1\]: a position's longitude and latitude are numbers/);
  refused({ type: "Polygon", coordinates: [[[0, 0], [0, 100], [1, 0], [0, 0]]] }, /\[0, 100\] is not a longitude -180\.\.180 and a latitude -90\.\.90/);
  refused({ type: "Feature", geometry: null }, /geometry: expected a GeoJSON object/);
  refused({ type: "FeatureCollection", features: [] }, /features: a FeatureCollection needs at least one feature/);
  refused({ type: "FeatureCollection", features: [{ type: "Feature", geometry: { type: "LineString", coordinates: [] } }] }, /features\[0\]\.geometry\.type: expected Polygon/);
});
