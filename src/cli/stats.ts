import { Command, Option } from "commander";
import { openStore } from "../store/open.js";
import type { Stats } from "../store/store.js";
import { addDbOption, requireDb } from "./options.js";

function counts(title: string, rows: { label: string; events: number }[]): string[] {
  if (rows.length === 0) return [];
  const width = Math.max(...rows.map((r) => r.label.length));
  return [`${title}:`, ...rows.map((r) => `  ${r.label.padEnd(width)}  ${r.events}`)];
}

/** The store's figures as a person reads them. */
export function statsText(stats: Stats): string {
  return [
    `documents  ${stats.documents}`,
    `mentions   ${stats.mentions}`,
    `events     ${stats.events}`,
    `disputed   ${stats.conflicts} (events whose sources disagree on a field)`,
    ...counts("events by country", stats.byCountry.map((r) => ({ label: r.country || "(unknown)", events: r.events }))),
    ...counts("events by attack type", stats.byType.map((r) => ({ label: r.type, events: r.events }))),
    ...counts("events by year", stats.byYear.map((r) => ({ label: String(r.year), events: r.events }))),
  ].join("\n") + "\n";
}

export function statsCommand(): Command {
  const command = new Command("stats").description("Count the documents, mentions and events in the store, by country, type and year");
  addDbOption(command);
  return command
    .addOption(new Option("--format <format>", "text for reading, json for scripts").choices(["text", "json"]).default("text"))
    .action(async (flags: { db: string; format: "text" | "json" }) => {
      const store = await openStore({ db: requireDb(flags.db) });
      try {
        const stats = await store.stats();
        process.stdout.write(flags.format === "json" ? `${JSON.stringify(stats, null, 2)}\n` : statsText(stats));
      } finally {
        await store.close();
      }
    });
}
