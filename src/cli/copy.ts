import { Command } from "commander";
import { copyStore } from "../store/copy.js";
import { redactedUrl } from "../store/postgres/url.js";
import { requireDb } from "./options.js";

export function copyCommand(): Command {
  return new Command("copy")
    .description("Copy a SQLite store (documents, versions, mentions, events, analysts' decisions) into PostgreSQL; run again to resume one that stopped")
    .requiredOption("--from <path>", "the SQLite store")
    .requiredOption("--to <url>", "the PostgreSQL store (postgres://...), created when new")
    .action(async (flags: { from: string; to: string }) => {
      let last = "";
      const report = await copyStore(requireDb(flags.from), flags.to, (table) => {
        if (table !== last && process.stderr.isTTY) process.stderr.write(`sitrep: copying ${table}\n`);
        last = table;
      });
      const counts = Object.entries(report.rows).map(([table, n]) => `${n} ${table}`).join(", ");
      process.stderr.write(`sitrep: ${redactedUrl(flags.to)} holds what ${flags.from} holds (${counts}); ${report.copied} rows copied now\n`);
    });
}
