import { Command } from "commander";
import { startDeliveryLoop } from "../alerts/deliver.js";
import { createServer } from "../server/listen.js";
import { openStore } from "../store/open.js";
import { redactedUrl } from "../store/postgres/url.js";
import { addDeliveryOptions, deliveryOptions } from "./alerts.js";
import { addDbOption, addExtractOptions, addGuardOptions, extractOptionsOf, portNumber, requireDb, type ExtractFlags, type GuardFlags } from "./options.js";
import { addWatchOptions, runWatcher, stopSignal, type WatchFlags } from "./watching.js";

export function serveCommand(): Command {
  const command = addDbOption(new Command("serve").description("Serve the HTTP API and the map page over a store (ingest over HTTP needs SITREP_TOKEN)"))
    .option("--host <address>", "address to bind; anything but loopback makes every request need SITREP_TOKEN", "127.0.0.1")
    .option("--port <n>", "port to listen on (0: any free port)", portNumber, 8080)
    .option("--allowed-host <name>", "a host name clients reach the server by (repeatable), besides loopback names and the bound address", (name: string, names: string[]) => [...names, name], [])
    .option("--create", "serve a new, empty store when --db names no file (else a missing file is refused: a mistyped path)")
    .option("--tiles <url>", "a map tile URL template ({z}/{x}/{y}); without it the map draws offline country outlines")
    .option("--watch", "also poll the feeds of `sitrep sources`, as `sitrep watch` does (with its options)");
  addWatchOptions(addGuardOptions(command, "webhooks and, with --watch, feeds and their pages"));
  type ServeFlags = ExtractFlags & GuardFlags & Omit<WatchFlags, "threads"> & { db: string; host: string; port: number; tiles?: string; allowedHost: string[]; create?: boolean; webhookTimeout: number; watch?: boolean };
  return addDeliveryOptions(addExtractOptions(command)).action(async (opts: ServeFlags) => {
    const signal = stopSignal();
    const store = await openStore({ db: opts.create ? opts.db : requireDb(opts.db) });
    const server = await createServer(store, {
      host: opts.host,
      port: opts.port,
      token: process.env.SITREP_TOKEN || undefined,
      tileUrl: opts.tiles,
      allowedHosts: opts.allowedHost,
      extract: extractOptionsOf(opts),
    }).catch(async (err: Error) => {
      await store.close();
      throw err;
    });
    process.stderr.write(`sitrep: serving ${redactedUrl(opts.db)} at ${server.url}/ (API description: ${server.url}/api/openapi.json)\n`);
    // The watchlists' webhooks are sent from here as from `sitrep alerts deliver`; the watcher runs
    // until the signal, the server until the watcher is done.
    const delivery = startDeliveryLoop(store, deliveryOptions(opts, server.url, (line) => process.stderr.write(`sitrep serve: ${line}\n`)));
    const watching = opts.watch ? runWatcher(store, { ...opts, threads: 1 }, signal) : new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
    try {
      await watching;
    } finally {
      await delivery.stop();
      await server.close();
      await store.close();
    }
  });
}
