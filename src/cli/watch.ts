import { Command } from "commander";
import { openStore } from "../store/open.js";
import { redactedUrl } from "../store/postgres/url.js";
import { deliverAlerts } from "../alerts/deliver.js";
import { addDeliveryOptions, DEFAULT_PAGE_URL, deliveryOptions } from "./alerts.js";
import { addDbOption, addExtractOptions, addGuardOptions, addRuleOption, addThreadsOption, ruleFrom } from "./options.js";
import { addWatchOptions, runWatcher, stopSignal, type WatchFlags } from "./watching.js";

export function watchCommand(): Command {
  const command = new Command("watch").description(
    "Poll the feeds of `sitrep sources` on their schedules and ingest their new items, until SIGINT or SIGTERM (on PostgreSQL, any number of watchers share them)",
  );
  addWatchOptions(addGuardOptions(command, "feeds, the pages they link to and the watchlists' webhooks"));
  addDeliveryOptions(command).option("--page-url <url>", "the page's address, for the link in each alert", DEFAULT_PAGE_URL);
  addExtractOptions(command);
  addThreadsOption(command);
  addDbOption(command);
  addRuleOption(command);
  return command.action(async (flags: WatchFlags & { db: string; rule: string; webhookTimeout: number; pageUrl: string }) => {
    const signal = stopSignal();
    const store = await openStore({ db: flags.db, rule: ruleFrom(flags) });
    // The alerts that the stored documents fire go out from here, as from `sitrep alerts deliver`.
    const alerts = deliveryOptions(flags, flags.pageUrl, (line) => process.stderr.write(`sitrep watch: ${line}\n`));
    try {
      await runWatcher(store, flags, signal, [{ name: "alerts", everyMs: 5000, run: async () => void (await deliverAlerts(store, alerts)) }]);
    } finally {
      await store.close();
    }
    process.stderr.write(`sitrep: stopped watching ${redactedUrl(flags.db)}\n`);
  });
}
