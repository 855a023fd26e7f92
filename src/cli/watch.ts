import { Command } from "commander";
import { openStore } from "../store/open.js";
import { redactedUrl } from "../store/postgres/url.js";
import { addDbOption, addExtractOptions, addRuleOption, addThreadsOption, ruleFrom } from "./options.js";
import { addWatchOptions, runWatcher, stopSignal, type WatchFlags } from "./watching.js";

export function watchCommand(): Command {
  const command = new Command("watch").description(
    "Poll the feeds of `sitrep sources` on their schedules and ingest their new items, until SIGINT or SIGTERM (on PostgreSQL, any number of watchers share them)",
  );
  addWatchOptions(command);
  addExtractOptions(command);
  addThreadsOption(command);
  addDbOption(command);
  addRuleOption(command);
  return command.action(async (flags: WatchFlags & { db: string; rule: string }) => {
    const signal = stopSignal();
    const store = await openStore({ db: flags.db, rule: ruleFrom(flags) });
    try {
      await runWatcher(store, flags, signal);
    } finally {
      await store.close();
    }
    process.stderr.write(`sitrep: stopped watching ${redactedUrl(flags.db)}\n`);
  });
}
