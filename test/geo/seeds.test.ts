import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../src/paths.js";
import { distanceKm } from "../../src/geo/candidates.js";
import { findPlaces } from "../../src/geo/index.js";
import { sentencesOf } from "./helpers.js";

// The gold locations of the seed articles must be among the places found in them.
const seeds = join(projectRoot, "../shared/dev/seeds");

test("every gold location of the seed articles is found in its article", { skip: !existsSync(seeds) }, () => {
  const gold = readFileSync(join(seeds, "gold.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
  for (const g of gold) {
    if (!g.location) continue;
    const text = readFileSync(join(seeds, "raw", `${g.documentId}.txt`), "utf8");
    // As the document stage does: "#Ras_lanuf" becomes " Ras lanuf", offsets unchanged.
    const clean = text.replace(/#([\p{L}\p{N}_]+)/gu, (_, w: string) => ` ${w.replace(/_/g, " ")}`);
    const spans = findPlaces({ id: g.documentId, text, clean }, sentencesOf(clean));
    const radius = g.location.radiusKm ?? 25;
    const hit = spans.find(
      (s) => s.place.country === g.location.country && s.place.precision !== "country" &&
        distanceKm(s.place.lat!, s.place.lon!, g.location.lat, g.location.lon) <= radius,
    );
    assert.ok(hit, `${g.documentId} ${g.id}: ${g.location.names[0]} not found`);
  }
});
