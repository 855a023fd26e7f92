import { Command } from "commander";
import { describeFilter, watchlistInput, type Watchlist } from "../alerts/watchlist.js";
import { addDbOption, addMatchOptions, filterFrom, requireDb, type FilterFlags } from "./options.js";
import { withStore } from "./with-store.js";

// `sitrep watchlists add|edit|list|remove`: saved queries that fire alerts (src/alerts).

function line(w: Watchlist): string {
  return `${w.id}\t${w.name}\t${describeFilter(w.filter)}${w.webhook ? `\twebhook ${w.webhook}${w.signed ? " (signed)" : ""}` : ""}`;
}

export function watchlistsCommand(): Command {
  const command = new Command("watchlists").description("Saved queries that fire an alert when an event starts to match or changes (webhook, Atom feed, the page)");

  const add = addDbOption(new Command("add").description("Save a watchlist: at least one filter, the same as `sitrep events`'").argument("<name>", "a name of your choosing"));
  addMatchOptions(add)
    .option("--webhook <url>", "POST each alert here as signed JSON (see README: verifying a webhook)")
    .option("--secret <secret>", "the key webhook deliveries are signed with (one is made when omitted)")
    .action(async (name: string, flags: FilterFlags & { db: string; webhook?: string; secret?: string }) => {
      const input = watchlistInput({ name, filter: filterFrom(flags), webhook: flags.webhook ?? null, secret: flags.secret ?? null });
      const { watchlist, secret } = await withStore(flags.db, (store) => store.watchlists.add(input));
      process.stdout.write(`${line(watchlist)}\n`);
      if (secret && !flags.secret) process.stderr.write(`sitrep: webhook deliveries are signed with the secret ${secret} (shown this once)\n`);
    });

  const list = addDbOption(new Command("list").description("List the watchlists")).option("--json", "one JSON object a line").action(async (flags: { db: string; json?: boolean }) => {
    const all = await withStore(requireDb(flags.db), (store) => store.watchlists.list());
    for (const w of all) process.stdout.write(`${flags.json ? JSON.stringify(w) : line(w)}\n`);
  });

  const edit = addDbOption(
    new Command("edit")
      .description("Change a watchlist: the filter options given replace its filter (none keep it), --name renames it, and its webhook stays unless --webhook or --no-webhook")
      .argument("<id|name>"),
  );
  addMatchOptions(edit)
    .option("--name <name>", "a new name")
    .option("--webhook <url>", "POST its alerts here from now on")
    .option("--no-webhook", "stop posting its alerts (they are still listed and in its feed)")
    .option("--secret <secret>", "a new key for signing its webhook deliveries")
    .action(async (key: string, flags: FilterFlags & { db: string; name?: string; webhook?: string | false; secret?: string }) => {
      await withStore(requireDb(flags.db), async (store) => {
        const old = await store.watchlists.get(key);
        if (!old) throw new Error(`no watchlist "${key}" (sitrep watchlists list shows them)`);
        const given = filterFrom(flags);
        const webhook = flags.webhook === false ? null : (flags.webhook ?? old.webhook);
        const input = watchlistInput({ name: flags.name ?? old.name, filter: Object.keys(given).length > 0 ? given : old.filter, webhook, secret: flags.secret ?? null });
        const { watchlist, secret } = await store.watchlists.update(old.id, input);
        process.stdout.write(`${line(watchlist)}\n`);
        if (secret && !flags.secret) process.stderr.write(`sitrep: webhook deliveries are signed with the secret ${secret} (shown this once)\n`);
      });
    });

  const remove = addDbOption(new Command("remove").description("Remove a watchlist (its alerts stay in the log)").argument("<id|name>")).action(async (key: string, flags: { db: string }) => {
    await withStore(requireDb(flags.db), async (store) => {
      const w = await store.watchlists.get(key);
      if (!w) throw new Error(`no watchlist "${key}" (sitrep watchlists list shows them)`);
      await store.watchlists.remove(w.id);
      process.stdout.write(`removed ${w.id}\t${w.name}\n`);
    });
  });

  return command.addCommand(add).addCommand(edit).addCommand(list).addCommand(remove);
}
