import { Command } from "commander";
import type { EventRecord } from "../model.js";
import { describeEvent } from "../resolve/describe.js";
import { openStore } from "../store/open.js";
import type { Store } from "../store/store.js";
import { addDbOption, requireDb } from "./options.js";

interface EventFlags {
  db: string;
  json?: boolean;
}

/**
 * `sitrep event merge A B...` and `sitrep event split EVENT MENTION...`: an analyst's correction
 * of the resolver. The store keeps the decision, so it holds through re-ingest and re-resolution;
 * the resulting events are printed.
 */
export function eventCommand(): Command {
  const event = new Command("event").description("Correct the resolver by hand: merge events, or split mentions off an event");
  const merge = new Command("merge")
    .description("Merge two or more events into one (every source kept)")
    .argument("<events...>", "ids of the events to merge (at least two)");
  const split = new Command("split")
    .description("Split mentions off an event into an event of their own")
    .argument("<event>", "id of the event")
    .argument("<mentions...>", "ids of the mentions to set apart");
  for (const sub of [merge, split]) {
    addDbOption(sub);
    sub.option("--json", "print the events as JSON lines instead of text");
    event.addCommand(sub);
  }
  merge.action(async (ids: string[], flags: EventFlags) => {
    if (new Set(ids).size < 2) throw new Error("event merge needs two different event ids");
    print(await withStore(flags, (store) => store.mergeEvents(ids).then((e) => [e])), flags);
  });
  split.action(async (id: string, mentionIds: string[], flags: EventFlags) => {
    print(await withStore(flags, (store) => store.splitEvent(id, mentionIds)), flags);
  });
  return event;
}

async function withStore<T>(flags: EventFlags, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ db: requireDb(flags.db) });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function print(events: EventRecord[], flags: EventFlags): void {
  const text = flags.json ? events.map((e) => JSON.stringify(e)).join("\n") : events.map(describeEvent).join("\n\n");
  process.stdout.write(`${text}\n`);
}
