import type PgBoss from "pg-boss";
import type { Extractor } from "../extract/pool.js";
import { ingestItems, type IngestReport } from "../ingest/service.js";
import type { Store } from "../store/store.js";
import { INGEST_QUEUE, type IngestJob } from "./queue.js";

export interface WorkerOptions {
  /** Jobs in hand at once. Extraction holds the thread, so more than one helps only while another waits on the database. */
  concurrency: number;
  extract: Extractor;
  /** Called when a job is done, with what it stored. */
  onJob?: (report: IngestReport) => void;
}

/** The job's result pg-boss keeps: what was stored and the documents that could not be. */
export type JobOutput = Omit<IngestReport, "errors"> & { errors: { origin: string; reason: string }[] };

/**
 * Takes ingest jobs until the queue is stopped. A job is acknowledged only once its documents
 * are committed; one whose store failed as a whole fails, keeping the reason, and is retried
 * (its stored documents are then duplicates, stored once). A document that cannot be stored is
 * reported in the job's output and does not fail the job: trying again would fail again.
 */
export async function work(boss: PgBoss, store: Store, options: WorkerOptions): Promise<void> {
  for (let i = 0; i < options.concurrency; i++) {
    let loop: string | undefined;
    loop = await boss.work<IngestJob>(INGEST_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
      // Once this job is done the loop asks for the next at once: left alone, pg-boss waits until
      // the polling interval has passed since its last fetch began, which held a loop to one job
      // (ITEMS_PER_JOB documents) a half second whatever the machine's speed.
      if (loop) boss.notifyWorker(loop);
      const report = await ingestItems(store, job!.data.items, { extract: options.extract });
      const failed = report.errors.find((e) => e.storeFailed);
      if (failed) throw new Error(`${failed.origin}: ${failed.reason}`);
      options.onJob?.(report);
      const output: JobOutput = { ...report, errors: report.errors.map(({ origin, reason }) => ({ origin, reason })) };
      return output;
    });
  }
}
