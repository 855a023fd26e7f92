import { Command, CommanderError } from "commander";
import { codebookCommand } from "./codebook.js";
import { eventCommand } from "./event.js";
import { evaluateCommand } from "./evaluate.js";
import { eventsCommand } from "./events.js";
import { extractCommand } from "./extract.js";
import { ingestCommand } from "./ingest.js";
import { copyCommand } from "./copy.js";
import { jobsCommand } from "./jobs.js";
import { workerCommand } from "./worker.js";
import { mentionsCommand } from "./mentions.js";
import { serveCommand } from "./serve.js";
import { statsCommand } from "./stats.js";

/** Builds the `sitrep` program; each command lives in its own module under src/cli/. */
export function program(): Command {
  const cli = new Command("sitrep")
    .description("Turn news reports of political violence into a geocoded, source-attributed event database.")
    .exitOverride();
  cli.addCommand(extractCommand());
  cli.addCommand(serveCommand());
  cli.addCommand(ingestCommand());
  cli.addCommand(workerCommand());
  cli.addCommand(jobsCommand());
  cli.addCommand(copyCommand());
  cli.addCommand(eventsCommand());
  cli.addCommand(eventCommand());
  cli.addCommand(mentionsCommand());
  cli.addCommand(statsCommand());
  cli.addCommand(evaluateCommand());
  cli.addCommand(codebookCommand());
  return cli;
}

/** Runs the CLI and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    process.stderr.write(`sitrep: ${(err as Error).message}\n`);
    return 2;
  }
}
