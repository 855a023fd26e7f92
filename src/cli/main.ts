import { Command, CommanderError } from "commander";
import { extractCommand } from "./extract.js";

/** Builds the `sitrep` program; each command lives in its own module under src/cli/. */
export function program(): Command {
  const cli = new Command("sitrep")
    .description("Turn news reports of political violence into a geocoded, source-attributed event database.")
    .exitOverride();
  cli.addCommand(extractCommand());
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
