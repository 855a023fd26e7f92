import { Command } from "commander";
import { openStore } from "../store/open.js";
import { addDbOption, requireDb } from "./options.js";

export function backupCommand(): Command {
  const command = new Command("backup")
    .description("Write a consistent copy of a SQLite store to a new file, while it stays in use (restore: stop Sitrep and put the copy in the store's place)")
    .argument("<file>", "the new file");
  addDbOption(command);
  return command.action(async (file: string, flags: { db: string }) => {
    const store = await openStore({ db: requireDb(flags.db) });
    try {
      await store.backup(file);
    } finally {
      await store.close();
    }
    process.stderr.write(`sitrep: ${flags.db} backed up to ${file}\n`);
  });
}
