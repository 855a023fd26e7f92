import { Command, CommanderError } from "commander";

// Each command lives in its own module under src/cli/ and is imported only when it runs: a
// command's modules (the server's, the queue's, the store's) cost the others nothing at start-up.
const COMMANDS: Record<string, () => Promise<Command>> = {
  extract: async () => (await import("./extract.js")).extractCommand(),
  serve: async () => (await import("./serve.js")).serveCommand(),
  ingest: async () => (await import("./ingest.js")).ingestCommand(),
  worker: async () => (await import("./worker.js")).workerCommand(),
  jobs: async () => (await import("./jobs.js")).jobsCommand(),
  sources: async () => (await import("./sources.js")).sourcesCommand(),
  watch: async () => (await import("./watch.js")).watchCommand(),
  copy: async () => (await import("./copy.js")).copyCommand(),
  backup: async () => (await import("./backup.js")).backupCommand(),
  events: async () => (await import("./events.js")).eventsCommand(),
  event: async () => (await import("./event.js")).eventCommand(),
  mentions: async () => (await import("./mentions.js")).mentionsCommand(),
  stats: async () => (await import("./stats.js")).statsCommand(),
  evaluate: async () => (await import("./evaluate.js")).evaluateCommand(),
  codebook: async () => (await import("./codebook.js")).codebookCommand(),
  watchlists: async () => (await import("./watchlists.js")).watchlistsCommand(),
  alerts: async () => (await import("./alerts.js")).alertsCommand(),
};

/** Builds the `sitrep` program: with `only`, a command's name, that command alone, else all of them (for help and unknown names). */
export async function program(only?: string): Promise<Command> {
  const cli = new Command("sitrep")
    .description("Turn news reports of political violence into a geocoded, source-attributed event database.")
    .exitOverride()
    // A command's options stop at its subcommand, so that `alerts deliver --db X` is deliver's --db
    // (commander asks this of the program as well as of the command).
    .enablePositionalOptions();
  const names = only !== undefined && Object.hasOwn(COMMANDS, only) ? [only] : Object.keys(COMMANDS);
  for (const name of names) cli.addCommand(await COMMANDS[name]!());
  return cli;
}

/** Runs the CLI and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  try {
    await (await program(argv[0])).parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    process.stderr.write(`sitrep: ${(err as Error).message}\n`);
    return 2;
  }
}
