import { Command } from "commander";

export function extractCommand(): Command {
  return new Command("extract")
    .description("Read documents (JSONL, .txt, .html) and write event mentions as JSONL (shared/contract)")
    .option("--input <file>", "documents: a JSONL file, a .txt/.html file, or - for standard input", "-")
    .option("--output <file>", "where the mentions go, or - for standard output", "-")
    .option("--region <cc>", "ISO alpha-2 country that ambiguous place names should prefer")
    .action(async () => {
      throw new Error("not yet");
    });
}
