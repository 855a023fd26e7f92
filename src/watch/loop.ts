import { randomUUID } from "node:crypto";
import type { Source, SourceStore } from "../store/sources.js";
import { formatDuration } from "./duration.js";
import { retryDelay } from "./backoff.js";
import type { PollReport } from "./poll.js";

// The watcher: claims the sources that are due, polls them a few at a time, records what each
// poll found, and sleeps until the next is due. No scheduler library: "the next due source, sleep
// until then" is all it needs, and the schedule lives in the store, shared by every watcher.

/** Work the watcher does besides polling: at its interval, and soon after a poll stored documents. */
export interface PeriodicTask {
  name: string;
  everyMs: number;
  run(): Promise<void>;
}

export interface WatchOptions {
  sources: SourceStore;
  poll(source: Source): Promise<PollReport>;
  tasks: PeriodicTask[];
  signal: AbortSignal;
  log(line: string): void;
  /** Sources polled at once. */
  concurrency: number;
  /**
   * How long a claimed source stays this watcher's without being renewed: a watcher that dies
   * mid-poll holds it no longer than this, and another (or the same, restarted) polls it.
   */
  leaseMs: number;
  /** The longest sleep between looks at the store, where other processes add and resume sources. */
  idleMs: number;
  random?: () => number;
}

/** A sleep that ends early when woken or when the watcher is stopped. */
class Alarm {
  private ring: (() => void) | undefined;

  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener("abort", () => this.wake(), { once: true });
  }

  wake(): void {
    this.ring?.();
  }

  sleep(ms: number): Promise<void> {
    if (this.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.ring?.(), ms);
      this.ring = () => {
        clearTimeout(timer);
        this.ring = undefined;
        resolve();
      };
    });
  }
}

const stamp = () => new Date().toISOString().slice(0, 19) + "Z";
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Runs until `signal` aborts, then lets the polls under way finish and record what they found. */
export async function watch(opts: WatchOptions): Promise<void> {
  const { sources, signal, log } = opts;
  const alarm = new Alarm(signal);
  const polling = new Set<Promise<void>>();
  const taskDue = opts.tasks.map(() => 0);

  const pollOne = async (source: Source, token: string) => {
    const lease = () => new Date(Date.now() + opts.leaseMs);
    const renewal = setInterval(() => void sources.extendClaim(source.id, token, lease()).catch(() => {}), opts.leaseMs / 3);
    try {
      const report = await opts.poll(source);
      const at = new Date();
      await sources.finish(source.id, token, { at, nextDue: new Date(at.getTime() + source.everyMs), read: report.read });
      const stored = report.new + report.versions;
      if (stored > 0 || report.errors.length > 0) {
        log(`${stamp()} ${source.url}: ${report.new} new, ${plural(report.versions, "version")}, ${plural(report.errors.length, "error")}`);
        for (const { origin, reason } of report.errors) log(`  ${origin}: ${reason}`);
      }
      if (stored > 0) taskDue.fill(0);
    } catch (err) {
      const at = new Date();
      const failures = source.failures + 1;
      const delay = retryDelay(failures, source.everyMs, opts.random);
      const error = (err as Error).message;
      await sources.finish(source.id, token, { at, nextDue: new Date(at.getTime() + delay), error }).catch(() => {});
      log(`${stamp()} ${source.url}: ${error} (${plural(failures, "failure")} in a row; next try in ${formatDuration(delay)})`);
    } finally {
      clearInterval(renewal);
    }
  };

  const runDueTasks = async () => {
    for (const [i, task] of opts.tasks.entries()) {
      if (Date.now() < taskDue[i]!) continue;
      try {
        await task.run();
      } catch (err) {
        log(`${stamp()} ${task.name}: ${(err as Error).message}`);
      }
      taskDue[i] = Date.now() + task.everyMs;
    }
  };

  while (!signal.aborted) {
    try {
      const free = opts.concurrency - polling.size;
      if (free > 0) {
        const now = new Date();
        const token = randomUUID();
        for (const source of await sources.claimDue(now, free, token, new Date(now.getTime() + opts.leaseMs))) {
          const running: Promise<void> = pollOne(source, token).finally(() => {
            polling.delete(running);
            alarm.wake();
          });
          polling.add(running);
        }
      }
      await runDueTasks();
      if (signal.aborted) break;
      if (polling.size >= opts.concurrency) {
        await alarm.sleep(opts.idleMs);
        continue;
      }
      const next = Math.min((await sources.nextDue())?.getTime() ?? Infinity, ...taskDue);
      // A source due but not claimed is one another watcher is claiming this instant.
      await alarm.sleep(Math.min(opts.idleMs, Math.max(10, next - Date.now())));
    } catch (err) {
      log(`${stamp()} the store: ${(err as Error).message}`);
      await alarm.sleep(opts.idleMs);
    }
  }
  await Promise.all(polling);
}
