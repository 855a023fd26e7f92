import { pathToFileURL } from "node:url";
import { alertsMatching } from "./alerts-matching.js";

// `npm run bench -- watch`: live monitoring. Watchlist matching (bench/alerts-matching.ts); the
// feed-polling figures join it from their own module.

export async function run(): Promise<Record<string, number>> {
  return alertsMatching();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) console.table(await run());
