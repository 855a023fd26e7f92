import { fetch } from "undici";
import { checkUrl, FetchRefused, type GuardOptions } from "../ingest/guard.js";
import { guardedAgent } from "../ingest/http.js";
import type { ClaimedAlert, RetryPolicy } from "../store/watchlists.js";
import type { Store } from "../store/store.js";
import { SIGNATURE_HEADER, signatureHeader } from "./signature.js";
import { idempotencyKey } from "./version.js";

// Webhook delivery, at least once: alerts are claimed from the outbox for a lease, sent, and
// settled (delivered, retried after a backoff, or failed after a day). A deliverer that dies
// between sending and settling leaves the lease to run out and the alert is sent again, with the
// same idempotency key, which is how a receiver drops the repeat.

export const IDEMPOTENCY_HEADER = "Idempotency-Key";

export interface DeliverOptions extends GuardOptions {
  /** The page's address, for the link in each payload (`http://127.0.0.1:8080`). */
  pageUrl: string;
  /** How long a webhook has to answer. Default 10 s. */
  timeoutMs?: number;
  /**
   * How long a claimed alert is held before another deliverer may take it. Default twice the
   * timeout: a send ends by then, so only a deliverer that died leaves its alerts to be taken.
   */
  leaseMs?: number;
  /** Alerts claimed at a time, sent at once. Default 20. */
  batch?: number;
  retry?: Partial<RetryPolicy>;
  log?: (line: string) => void;
}

export const DEFAULT_RETRY: RetryPolicy = { baseBackoffMs: 30_000, maxBackoffMs: 3_600_000, retryForMs: 24 * 3_600_000 };
const DEFAULT_TIMEOUT_MS = 10_000;

export interface DeliveryReport {
  delivered: number;
  retrying: number;
  failed: number;
}

/** The link to an event on the page. */
export function eventLink(pageUrl: string, eventId: string): string {
  return `${pageUrl.replace(/\/+$/, "")}/#event/${encodeURIComponent(eventId)}`;
}

/** What a webhook receives: the event as it fired, what changed, a link, and the key to drop repeats by. */
export function webhookPayload(alert: ClaimedAlert, pageUrl: string): { key: string; body: string } {
  const key = idempotencyKey(alert.watchlistId, alert.eventId, alert.version);
  const body = JSON.stringify({
    idempotencyKey: key,
    type: alert.change.kind === "new" ? "event.matched" : "event.changed",
    watchlist: { id: alert.watchlistId, name: alert.watchlistName },
    version: alert.version,
    change: alert.change,
    url: eventLink(pageUrl, alert.eventId),
    firedAt: alert.createdAt,
    event: alert.event,
  });
  return { key, body };
}

async function send(alert: ClaimedAlert, opts: DeliverOptions): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const target = alert.webhook;
  try {
    checkUrl(new URL(target), opts);
  } catch (err) {
    return { ok: false, status: null, error: `${target}: ${(err as Error).message}` };
  }
  const { key, body } = webhookPayload(alert, opts.pageUrl);
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "sitrep/0.1 (alerts)", [IDEMPOTENCY_HEADER]: key };
  if (alert.secret) headers[SIGNATURE_HEADER] = signatureHeader(alert.secret, Math.floor(Date.now() / 1000), body);
  try {
    // Redirects are not followed: a receiver that moved says so in the log rather than sending a
    // signed body somewhere else.
    const res = await fetch(target, { method: "POST", body, headers, redirect: "manual", signal: AbortSignal.timeout(timeoutMs), dispatcher: guardedAgent(opts) });
    await res.body?.cancel();
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, error: null };
    return { ok: false, status: res.status, error: `${target}: answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}` };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === "TimeoutError") return { ok: false, status: null, error: `${target}: no answer within ${timeoutMs / 1000} s` };
    // The connection's lookup found the name at an address the guard refuses.
    if (e.cause instanceof FetchRefused) return { ok: false, status: null, error: `${target}: ${e.cause.message}` };
    return { ok: false, status: null, error: `${target}: cannot deliver: ${e.cause?.code ?? e.cause?.message ?? e.message}` };
  }
}

/**
 * One pass over the alerts due now: each claimed, sent and settled, every attempt logged in the
 * store. One webhook failing or hanging costs only its own alerts a retry.
 */
export async function deliverAlerts(store: Store, opts: DeliverOptions): Promise<DeliveryReport> {
  const retry = { ...DEFAULT_RETRY, ...opts.retry };
  const leaseMs = opts.leaseMs ?? 2 * (opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const report: DeliveryReport = { delivered: 0, retrying: 0, failed: 0 };
  // Due as of the pass's start: an alert that fails now is not tried again in the same pass.
  const start = new Date();
  for (;;) {
    const claimed = await store.watchlists.claim(start, opts.batch ?? 20, leaseMs);
    if (claimed.length === 0) return report;
    await Promise.all(
      claimed.map(async (alert) => {
        const outcome = await send(alert, opts);
        const state = await store.watchlists.settle(alert, outcome, new Date(), retry);
        if (state === "delivered") report.delivered++;
        else if (state === "failed") report.failed++;
        else report.retrying++;
        if (outcome.error) opts.log?.(`alert ${alert.seq} (${alert.watchlistName}, ${alert.eventId}) attempt ${alert.attempts}: ${outcome.error}${state === "failed" ? "; given up" : "; will retry"}`);
      }),
    );
  }
}

export interface DeliveryLoop {
  /** Waits for the pass under way, then stops. */
  stop(): Promise<void>;
}

/** Runs `deliverAlerts` every `intervalMs` (default 5 s) until stopped; a pass that throws is logged and the next one runs. */
export function startDeliveryLoop(store: Store, opts: DeliverOptions & { intervalMs?: number }): DeliveryLoop {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = deliverAlerts(store, opts)
      .then(
        () => {},
        (err: Error) => opts.log?.(`alerts: delivery pass failed: ${err.message}`),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, opts.intervalMs ?? 5000);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
