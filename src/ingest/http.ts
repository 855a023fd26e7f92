import { Agent, fetch, type Response } from "undici";
import { checkUrl, FetchRefused, guardedLookup, type GuardOptions } from "./guard.js";
import { formatBytes, formatSeconds } from "./units.js";

export interface FetchOptions extends GuardOptions {
  /** For the whole exchange, redirects and body included. Default 10 s. */
  timeoutMs?: number;
  /** Bodies larger than this are refused, and streaming stops there. Default 5 MB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  userAgent?: string;
}

/** What a server said identifies the version of a body it sent: sent back, it can answer 304. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface Fetched {
  /** The URL the body came from, after redirects. */
  url: string;
  body: string;
  validators: Validators;
}

/** The body is the one the validators name: the server answered 304 Not Modified. */
export interface NotModified {
  url: string;
  notModified: true;
}

/** Decides from the content type whether the body is wanted; returns the refusal, or undefined. */
export type ContentCheck = (contentType: string) => string | undefined;

const defaults = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5, userAgent: "sitrep/0.1 (news event coder)" };

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new FetchRefused(`larger than ${formatBytes(maxBytes)}`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      total += part.value.length;
      if (total > maxBytes) {
        await reader.cancel();
        throw new FetchRefused(`larger than ${formatBytes(maxBytes)}`);
      }
      chunks.push(part.value);
    }
  }
  return Buffer.concat(chunks, total);
}

function decode(bytes: Uint8Array, contentType: string): string {
  const charset = /charset="?([\w-]+)/i.exec(contentType)?.[1] ?? "utf-8";
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

// One connection pool per set of guard options (a run's fetches share theirs), each connection
// made to the addresses its lookup judged.
const agents = new WeakMap<GuardOptions, Agent>();

/** The connection pool whose every connection goes to addresses the guard judged (guardedLookup): what any fetch of a URL from outside uses. */
export function guardedAgent(opts: GuardOptions): Agent {
  let agent = agents.get(opts);
  if (!agent) agents.set(opts, (agent = new Agent({ connect: { lookup: guardedLookup(opts) } })));
  return agent;
}

/**
 * GETs `url` with undici's fetch, following redirects by hand so that every hop passes the address
 * guard, within a time and a size limit. Throws FetchRefused with a reason a user can act on.
 */
export async function fetchLimited(url: string, check: ContentCheck, opts: FetchOptions = {}): Promise<Fetched> {
  const fetched = await fetchIfChanged(url, check, {}, opts);
  if ("notModified" in fetched) throw new FetchRefused("HTTP 304 to a request that was not conditional");
  return fetched;
}

function conditionalHeaders({ etag, lastModified }: Validators): Record<string, string> {
  return { ...(etag ? { "if-none-match": etag } : {}), ...(lastModified ? { "if-modified-since": lastModified } : {}) };
}

function validatorsOf(response: Response): Validators {
  const etag = response.headers.get("etag");
  const lastModified = response.headers.get("last-modified");
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

/**
 * As fetchLimited, asking only for a body other than the one `known` names (If-None-Match,
 * If-Modified-Since): a server that has nothing new answers 304 and sends nothing.
 */
export async function fetchIfChanged(url: string, check: ContentCheck, known: Validators, opts: FetchOptions = {}): Promise<Fetched | NotModified> {
  const { timeoutMs, maxBytes, maxRedirects, userAgent } = { ...defaults, ...opts };
  const signal = AbortSignal.timeout(timeoutMs);
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new FetchRefused("not a valid URL");
  }
  try {
    for (let hops = 0; ; hops++) {
      const hop = current;
      const refused = (err: Error) => new FetchRefused(hop.href === url ? err.message : `redirected to ${hop.href}, ${err.message}`);
      try {
        checkUrl(hop, opts);
      } catch (err) {
        throw refused(err as Error);
      }
      const response = await fetch(hop, { redirect: "manual", signal, headers: { "user-agent": userAgent, ...conditionalHeaders(known) }, dispatcher: guardedAgent(opts) }).catch((err: Error) => {
        // The connection's lookup refused the address the name resolved to.
        if (err.cause instanceof FetchRefused) throw refused(err.cause);
        throw err;
      });
      if (response.status === 304) {
        await response.body?.cancel();
        return { url: hop.href, notModified: true };
      }
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        const location = response.headers.get("location");
        if (!location) throw new FetchRefused(`HTTP ${response.status} without a Location header`);
        if (hops >= maxRedirects) throw new FetchRefused(`more than ${maxRedirects} redirects`);
        current = new URL(location, current);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new FetchRefused(`HTTP ${response.status}`);
      }
      const contentType = response.headers.get("content-type") ?? "";
      const refusal = check(contentType);
      if (refusal) {
        await response.body?.cancel();
        throw new FetchRefused(refusal);
      }
      const bytes = await readLimited(response, maxBytes);
      return { url: current.href, body: decode(bytes, contentType), validators: validatorsOf(response) };
    }
  } catch (err) {
    if (err instanceof FetchRefused) throw err;
    if ((err as Error).name === "TimeoutError" || signal.aborted) throw new FetchRefused(`timed out after ${formatSeconds(timeoutMs)}`);
    const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
    throw new FetchRefused(`cannot fetch: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
}
