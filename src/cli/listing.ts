import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { Command } from "commander";
import { exportChunks, type Exportable } from "../export/formats.js";
import { openStore } from "../store/open.js";
import type { Store } from "../store/store.js";
import { addDbOption, addFilterOptions, addOutputOptions, filterFrom, formatFrom, requireDb, type FilterFlags, type OutputFlags } from "./options.js";

type Kind = Exportable["kind"];

const SORTS: Record<Kind, string[]> = {
  events: ["-date", "date", "-killed", "killed", "-sources", "sources"],
  mentions: ["-date", "date", "-killed", "killed"],
};

async function list(store: Store, kind: Kind, flags: FilterFlags): Promise<Exportable> {
  const filter = filterFrom(flags);
  return kind === "events" ? { kind, items: (await store.listEvents(filter)).items } : { kind, items: (await store.listMentions(filter)).items };
}

async function writeAll(out: Writable, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, "drain");
}

/** `sitrep events` and `sitrep mentions`: the store's records, filtered, in an export format. */
export function listingCommand(kind: Kind, description: string): Command {
  const command = new Command(kind).description(description);
  addDbOption(command);
  addFilterOptions(command, SORTS[kind]);
  addOutputOptions(command);
  return command.action(async (flags: FilterFlags & OutputFlags & { db: string }) => {
    const format = formatFrom(flags);
    const store = await openStore({ db: requireDb(flags.db) });
    let data: Exportable;
    try {
      data = await list(store, kind, flags);
    } finally {
      await store.close();
    }
    if (flags.output === undefined) {
      await writeAll(process.stdout, exportChunks(data, format));
      return;
    }
    const out = createWriteStream(flags.output);
    await once(out, "open"); // an unwritable path fails here, named, before anything is written
    await writeAll(out, exportChunks(data, format));
    out.end();
    await once(out, "finish");
  });
}
