import type { LookupAddress } from "node:dns";
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

// IPv6 ranges that carry an IPv4 address, and where in the 16 bytes it sits: NAT64 (64:ff9b::/96),
// SIIT (::ffff:0:0:0/96) and 6to4 (2002::/16) reach the IPv4 host they embed.
const CARRIERS: Record<string, number> = { rfc6052: 12, rfc6145: 12, "6to4": 2 };

/** The address a connection to `address` reaches: an IPv4 one for every IPv6 form that embeds it. */
function reached(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed;
  const v6 = parsed as ipaddr.IPv6;
  const bytes = v6.toByteArray();
  // The deprecated IPv4-compatible form (::127.0.0.1, written ::7f00:1), which ipaddr.js calls unicast.
  const compatible = bytes.slice(0, 12).every((b) => b === 0) && v6.range() === "unicast";
  const at = compatible ? 12 : CARRIERS[v6.range()];
  return at === undefined ? v6 : new ipaddr.IPv4(bytes.slice(at, at + 4));
}

/** Why `address` is not on the public internet, or undefined when it is. */
function nonPublic(address: string): string | undefined {
  const target = reached(address);
  const range = target.range();
  if (range === "unicast") return undefined;
  const words = rangeWords[range] ?? `a non-public address (${range})`;
  return target.toString() === ipaddr.process(address).toString() ? words : `${words} (${target.toString()})`;
}

export interface GuardOptions {
  /** Loopback and private addresses, on any port (a test server, a local mirror). */
  allowPrivate?: boolean;
  /** Host names or addresses let through although they are not public (an intranet mirror), on any port. */
  allowHosts?: string[];
  /** Ports fetched besides 80 and 443. */
  allowPorts?: number[];
}

const WEB_PORTS = [80, 443];

/** True when the guard lets `host` reach any address. */
function trusted(host: string, opts: GuardOptions): boolean {
  return opts.allowPrivate === true || (opts.allowHosts?.includes(host) ?? false);
}

/**
 * Refuses a URL that is not http(s), names a port other than the web's (80, 443) or one allowed,
 * or names a non-public address, so a URL from a feed or a redirect cannot make the fetcher reach
 * the machine's own services or the local network. A host name is judged when the connection
 * resolves it (guardedLookup): judged here and resolved again there, it could change in between.
 */
export function checkUrl(url: URL, opts: GuardOptions): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchRefused(`refused: only http and https URLs are fetched, not ${url.protocol}`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (trusted(host, opts)) return;
  if (ipaddr.isValid(host)) refuseNonPublic(host);
  const port = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
  if (!WEB_PORTS.includes(port) && !opts.allowPorts?.includes(port)) {
    throw new FetchRefused(`refused: port ${port} (only 80 and 443 are fetched); pass --allow-port ${port} to allow it`);
  }
}

function refuseNonPublic(address: string): void {
  const why = nonPublic(address);
  if (why) throw new FetchRefused(`refused: ${address} is ${why}; pass --allow-private to allow it`);
}

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for the fetcher's connections: resolves the host once, refuses it when any of its
 * addresses is not public, and hands the connection the addresses it checked, so that what is
 * reached is what was judged.
 */
export function guardedLookup(opts: GuardOptions) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    lookup(hostname, { all: true, verbatim: true }).then(
      (addresses) => {
        if (!trusted(hostname, opts)) for (const { address } of addresses) refuseNonPublic(address);
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(new FetchRefused(`cannot resolve ${hostname} (${err.code ?? err.message})`), ""),
    ).catch((err: Error) => callback(err, ""));
  };
}
