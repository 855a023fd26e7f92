import PgBoss from "pg-boss";
import type { SourceItem } from "../ingest/types.js";
import { isPostgresUrl, redactedUrl } from "../store/postgres/url.js";

// The ingest queue: pg-boss over the store's own PostgreSQL database (its tables in the schema
// `pgboss`), so that a worker needs nothing but the store's URL.

export const INGEST_QUEUE = "sitrep-ingest";

/** Documents a job carries: small enough that a retry redoes little, large enough that a JSONL of 100,000 lines is a few thousand jobs. */
export const ITEMS_PER_JOB = 32;

export interface IngestJob {
  items: SourceItem[];
}

export interface QueueOptions {
  /** How often expired jobs (their worker gone) are failed and so retried, in seconds. */
  maintenanceSeconds?: number;
}

/** Connects to the queue in the database at `url`, creating pg-boss's tables and the ingest queue when missing. */
export async function openQueue(url: string, options: QueueOptions = {}): Promise<PgBoss> {
  if (!isPostgresUrl(url)) throw new Error(`the queue needs a postgres:// store, not ${url}`);
  const boss = new PgBoss({ connectionString: url, max: 4, maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30 });
  boss.on("error", (err) => process.stderr.write(`sitrep: queue at ${redactedUrl(url)}: ${err.message}\n`));
  try {
    await boss.start();
    if (!(await boss.getQueue(INGEST_QUEUE))) await boss.createQueue(INGEST_QUEUE).catch(async (err) => {
      // Another process created it first.
      if (!(await boss.getQueue(INGEST_QUEUE))) throw err;
    });
  } catch (err) {
    await boss.stop({ graceful: false, wait: false }).catch(() => {});
    throw new Error(`${redactedUrl(url)}: cannot open the queue: ${(err as Error).message}`);
  }
  return boss;
}
