import { Command } from "commander";
import { openQueue } from "../jobs/queue.js";
import { work } from "../jobs/worker.js";
import { openStore } from "../store/open.js";
import { redactedUrl } from "../store/postgres/url.js";
import { addDbOption, addExtractOptions, addRuleOption, addThreadsOption, extractorOf, positiveNumber, ruleFrom, wholeNumber, type ExtractFlags } from "./options.js";
import { progressBar } from "./progress.js";

interface WorkerFlags extends ExtractFlags {
  db: string;
  rule: string;
  concurrency: number;
  maintenance: number;
  threads: number;
}

export function workerCommand(): Command {
  const command = new Command("worker")
    .description("Take ingest jobs (sitrep ingest --queue) from a PostgreSQL store's queue and store them, until SIGTERM or SIGINT (the jobs in hand are finished first)")
    .option("--concurrency <n>", "jobs in hand at once", wholeNumber, 1)
    .option("--maintenance <seconds>", "how often jobs whose worker died are put back, once expired", positiveNumber, 30);
  addExtractOptions(command);
  addThreadsOption(command);
  addDbOption(command);
  addRuleOption(command);
  return command.action(async (flags: WorkerFlags) => {
    if (flags.concurrency < 1) throw new Error("--concurrency: expected at least 1");
    const extract = extractorOf(flags);
    const boss = await openQueue(flags.db, { maintenanceSeconds: flags.maintenance }).catch(async (err: Error) => {
      await extract.close();
      throw err;
    });
    const store = await openStore({ db: flags.db, rule: ruleFrom(flags) }).catch(async (err: Error) => {
      await boss.stop({ graceful: false, wait: true });
      await extract.close();
      throw err;
    });
    const bar = progressBar("documents");
    await work(boss, store, {
      concurrency: flags.concurrency,
      extract,
      onJob: (report) => {
        for (let n = report.new + report.versions + report.duplicates; n > 0; n--) bar.tick(true);
        for (const { origin, reason } of report.errors) {
          bar.tick(false);
          process.stderr.write(`${origin}: ${reason}\n`);
        }
      },
    });
    process.stderr.write(`sitrep: worker ${process.pid} taking jobs from ${redactedUrl(flags.db)}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        // Graceful: no new job is taken, the jobs in hand are finished and acknowledged.
        void boss
          .stop({ graceful: true, wait: true, timeout: 120_000 })
          .then(() => store.close())
          .then(() => extract.close())
          .then(() => bar.stop())
          .then(resolve);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    process.stderr.write(`sitrep: worker ${process.pid} stopped\n`);
  });
}
