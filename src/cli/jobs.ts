import { Command } from "commander";
import { INGEST_QUEUE, openQueue } from "../jobs/queue.js";
import { addDbOption } from "./options.js";

interface JobsFlags {
  db: string;
  retry?: boolean;
  format?: string;
}

/** What `sitrep jobs` reports: jobs by state, and the failed ones with the reason each failed. */
export interface JobsReport {
  states: Record<string, number>;
  failed: { id: string; retries: number; reason: string }[];
}

export function jobsCommand(): Command {
  return addDbOption(
    new Command("jobs")
      .description("Count the ingest queue's jobs by state and list the failed ones with their reasons")
      .option("--retry", "put every failed job back in the queue")
      .option("--json", "print the report as JSON"),
  ).action(async (flags: JobsFlags & { json?: boolean }) => {
    const boss = await openQueue(flags.db);
    try {
      const db = boss.getDb();
      const states = await db.executeSql("SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY state ORDER BY state", [INGEST_QUEUE]);
      const failed = await db.executeSql(
        "SELECT id, retry_count, output FROM pgboss.job WHERE name = $1 AND state = 'failed' ORDER BY completed_on, id",
        [INGEST_QUEUE],
      );
      const report: JobsReport = {
        states: Object.fromEntries((states.rows as { state: string; n: number }[]).map((r) => [r.state, r.n])),
        failed: (failed.rows as { id: string; retry_count: number; output: { message?: string } | null }[]).map((r) => ({
          id: r.id,
          retries: r.retry_count,
          reason: r.output?.message ?? JSON.stringify(r.output),
        })),
      };
      if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
      else {
        const counts = Object.entries(report.states).map(([state, n]) => `${state} ${n}`);
        process.stdout.write(`${counts.length > 0 ? counts.join(", ") : "no jobs"}\n`);
        for (const f of report.failed) process.stdout.write(`failed ${f.id} after ${f.retries} retries: ${f.reason}\n`);
      }
      if (flags.retry && report.failed.length > 0) {
        await boss.retry(INGEST_QUEUE, report.failed.map((f) => f.id));
        process.stderr.write(`sitrep: ${report.failed.length} failed jobs put back in the queue\n`);
      }
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
}
