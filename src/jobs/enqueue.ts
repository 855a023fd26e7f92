import type PgBoss from "pg-boss";
import type { ItemError } from "../ingest/service.js";
import type { SourceItem } from "../ingest/types.js";
import { INGEST_QUEUE, ITEMS_PER_JOB, type IngestJob } from "./queue.js";

/** Jobs written in one statement. */
const JOBS_PER_INSERT = 16;

export interface EnqueueOptions {
  /** A job a worker has held this long is taken to be lost with its worker, and is retried. */
  expireSeconds: number;
  /** How many times a failed or expired job is tried again. */
  retries: number;
  /** Called once per item, when it is queued or found unreadable. */
  onItem?: (queued: boolean) => void;
}

export interface EnqueueReport {
  jobs: number;
  documents: number;
  /** Items that could not be read, which no job carries. */
  errors: ItemError[];
}

/** Turns the readable items into jobs of up to ITEMS_PER_JOB documents each. */
export async function enqueueItems(boss: PgBoss, items: AsyncIterable<SourceItem> | Iterable<SourceItem>, options: EnqueueOptions): Promise<EnqueueReport> {
  const report: EnqueueReport = { jobs: 0, documents: 0, errors: [] };
  let pending: PgBoss.JobInsert<IngestJob>[] = [];
  let batch: SourceItem[] = [];
  const flushJobs = async () => {
    if (pending.length === 0) return;
    await boss.insert(pending);
    report.jobs += pending.length;
    pending = [];
  };
  const closeBatch = async () => {
    if (batch.length === 0) return;
    pending.push({ name: INGEST_QUEUE, data: { items: batch }, expireInSeconds: options.expireSeconds, retryLimit: options.retries });
    report.documents += batch.length;
    batch = [];
    if (pending.length >= JOBS_PER_INSERT) await flushJobs();
  };
  for await (const item of items) {
    if (item.doc) {
      batch.push(item);
      if (batch.length >= ITEMS_PER_JOB) await closeBatch();
    } else report.errors.push({ origin: item.origin, reason: item.error ?? "nothing to read", storeFailed: false });
    options.onItem?.(item.doc !== undefined);
  }
  await closeBatch();
  await flushJobs();
  return report;
}
