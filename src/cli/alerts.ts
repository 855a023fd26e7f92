import { Command } from "commander";
import { deliverAlerts, startDeliveryLoop, type DeliverOptions } from "../alerts/deliver.js";
import { openStore } from "../store/open.js";
import type { Alert } from "../store/watchlists.js";
import { addDbOption, addGuardOptions, guardOf, positiveNumber, requireDb, wholeNumber, type GuardFlags } from "./options.js";

// `sitrep alerts`: the log of what the watchlists fired and how each delivery went;
// `sitrep alerts deliver`: the deliverer on its own (serve runs the same loop).

export const DEFAULT_PAGE_URL = "http://127.0.0.1:8080";

function line(a: Alert & { watchlistName: string }): string {
  const what = a.change.kind === "new" ? "new" : `changed ${a.change.fields.join(", ")}`;
  const state = a.state === "pending" ? `pending, next try ${a.nextAt}` : a.state === "delivered" ? `delivered ${a.deliveredAt}` : a.state;
  return `${a.seq}\t${a.createdAt}\t${a.watchlistName}\t${a.eventId} version ${a.version}\t${what}\t${state}\t${a.attempts} attempt${a.attempts === 1 ? "" : "s"}${a.lastError ? `\t${a.lastError}` : ""}`;
}

/** The delivery options of `alerts deliver`, `serve` and `watch`, beside the guard's (addGuardOptions), which each words for what it reaches. */
export function addDeliveryOptions(command: Command): Command {
  return command.option("--webhook-timeout <seconds>", "how long a webhook has to answer", positiveNumber, 10);
}

export function deliveryOptions(flags: GuardFlags & { webhookTimeout: number }, pageUrl: string, log: (line: string) => void): DeliverOptions {
  return { pageUrl, ...guardOf(flags), timeoutMs: flags.webhookTimeout * 1000, log };
}

const log = (text: string) => process.stderr.write(`sitrep alerts: ${text}\n`);

export function alertsCommand(): Command {
  const deliver = addDeliveryOptions(addGuardOptions(addDbOption(new Command("deliver").description("Send the alerts due to their webhooks, retrying failures with backoff for a day")), "webhooks"))
    .option("--page-url <url>", "the page's address, for the link in each alert", DEFAULT_PAGE_URL)
    .option("--once", "one pass over the alerts due, then exit")
    .option("--interval <seconds>", "time between passes", positiveNumber, 5)
    .action(async (flags: GuardFlags & { db: string; webhookTimeout: number; pageUrl: string; once?: boolean; interval: number }) => {
      const store = await openStore({ db: requireDb(flags.db) });
      const opts = deliveryOptions(flags, flags.pageUrl, log);
      try {
        if (flags.once) {
          const r = await deliverAlerts(store, opts);
          process.stdout.write(`delivered ${r.delivered}, to retry ${r.retrying}, failed ${r.failed}\n`);
          return;
        }
        const loop = startDeliveryLoop(store, { ...opts, intervalMs: flags.interval * 1000 });
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off("SIGINT", stop);
            process.off("SIGTERM", stop);
            resolve();
          };
          process.on("SIGINT", stop);
          process.on("SIGTERM", stop);
        });
        await loop.stop();
      } finally {
        await store.close();
      }
    });

  const command = addDbOption(new Command("alerts").description("The alerts watchlists fired, newest first, with how their delivery went"))
    .option("--failed", "only alerts whose webhook failed for a day and was given up")
    .option("--watchlist <id|name>", "only this watchlist's")
    .option("--limit <n>", "at most N alerts", wholeNumber, 100)
    .action(async (flags: { db: string; failed?: boolean; watchlist?: string; limit: number }) => {
      const store = await openStore({ db: requireDb(flags.db) });
      try {
        let watchlistId: string | undefined;
        if (flags.watchlist !== undefined) {
          const w = await store.watchlists.get(flags.watchlist);
          if (!w) throw new Error(`--watchlist: no watchlist "${flags.watchlist}"`);
          watchlistId = w.id;
        }
        for (const a of await store.watchlists.alerts({ failed: flags.failed, watchlistId, limit: flags.limit })) {
          process.stdout.write(`${line(a)}\n`);
          if (a.state !== "failed") continue;
          for (const t of await store.watchlists.attempts(a.seq)) process.stdout.write(`\t${t.at}\t${t.ok ? "ok" : "failed"}\t${t.status ?? ""}\t${t.error ?? ""}\n`);
        }
      } finally {
        await store.close();
      }
    });
  return command.enablePositionalOptions().addCommand(deliver);
}
