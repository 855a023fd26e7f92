import type { Command } from "commander";
import { listingCommand } from "./listing.js";

export function mentionsCommand(): Command {
  return listingCommand("mentions", "List what each stored document reports (one record per report), filtered, in the same formats as events");
}
