import type { Command } from "commander";
import { listingCommand } from "./listing.js";

export function eventsCommand(): Command {
  return listingCommand("events", "List the events in the store, filtered, as a table, JSON, JSONL, GTD- or ACLED-like CSV, or GeoJSON");
}
