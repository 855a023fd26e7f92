import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

/** A URL the fetcher will not fetch; the message says why. */
export class FetchRefused extends Error {}

const rangeWords: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private address",
  linkLocal: "a link-local address",
  uniqueLocal: "a unique-local address",
  multicast: "a multicast address",
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  carrierGradeNat: "a carrier-grade NAT address",
  reserved: "a reserved address",
};

/** Why `address` is not on the public internet, or undefined when it is. */
function nonPublic(address: string): string | undefined {
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it carries.
  const range = ipaddr.process(address).range();
  if (range === "unicast") return undefined;
  return rangeWords[range] ?? `a non-public address (${range})`;
}

export interface GuardOptions {
  allowPrivate?: boolean;
  /** Host names or addresses let through although they are not public (an intranet mirror). */
  allowHosts?: string[];
}

/**
 * Refuses a URL that is not http(s) or whose host resolves (any of its addresses) to a loopback,
 * private, link-local or other non-public address, so a URL from a feed or a redirect cannot make
 * the fetcher reach the machine's own services or the local network.
 */
export async function checkUrl(url: URL, opts: GuardOptions): Promise<void> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchRefused(`refused: only http and https URLs are fetched, not ${url.protocol}`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (opts.allowPrivate || opts.allowHosts?.includes(host)) return;
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch (err) {
      throw new FetchRefused(`cannot resolve ${host} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }
  for (const address of addresses) {
    const why = nonPublic(address);
    if (why) throw new FetchRefused(`refused: ${address} is ${why}; pass --allow-private to allow it`);
  }
}
