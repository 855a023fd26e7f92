import { SingleBar } from "cli-progress";

export interface Progress {
  /** Counts one item done, well or with an error. */
  tick(ok: boolean): void;
  /** Sets the expected total, when it becomes known. */
  total(n: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr (items/s, errors, ETA) when stderr is a terminal; nothing when piped,
 * so logs and CI output stay clean.
 */
export function progressBar(unit: string): Progress {
  if (!process.stderr.isTTY) return { tick() {}, total() {}, stop() {} };
  const bar = new SingleBar({
    stream: process.stderr,
    format: `{bar} {value}/{total} ${unit} | {rate}/s | {errors} errors | ETA {eta_formatted}`,
    hideCursor: true,
    etaBuffer: 200,
  });
  const started = Date.now();
  let done = 0;
  let errors = 0;
  bar.start(0, 0, { rate: "0", errors: 0 });
  return {
    tick(ok) {
      done++;
      if (!ok) errors++;
      if (bar.getTotal() < done) bar.setTotal(done);
      const secs = (Date.now() - started) / 1000;
      bar.update(done, { rate: secs > 0 ? (done / secs).toFixed(0) : "0", errors });
    },
    total(n) {
      bar.setTotal(n);
    },
    stop() {
      bar.stop();
    },
  };
}
