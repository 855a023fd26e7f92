import { hostname, networkInterfaces } from "node:os";
import type { MiddlewareHandler } from "hono";
import { isLoopbackHost } from "./auth.js";

/** The host name of a Host header, without its port, lower case: `[::1]:8080` is `::1`. */
export function hostOf(header: string): string {
  const value = header.trim().toLowerCase();
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(value);
  if (bracketed) return bracketed[1]!;
  // A bare IPv6 address has several colons and no port.
  const name = value.split(":").length === 2 ? value.slice(0, value.lastIndexOf(":")) : value;
  return name.replace(/\.$/, "");
}

/** Addresses that mean "every interface": a client names the machine by one of its own. */
function isWildcard(host: string): boolean {
  return host === "0.0.0.0" || host === "::" || host === "[::]";
}

/**
 * The names a request may address the server by: loopback names, the bound address (every
 * interface's address and the machine's name when bound to all of them), and those the operator
 * allows.
 */
export function servedNames(boundHost: string, allowed: readonly string[]): Set<string> {
  const names = new Set(["localhost", ...allowed.map(hostOf)]);
  if (isWildcard(boundHost)) {
    names.add(hostname().toLowerCase());
    for (const addresses of Object.values(networkInterfaces())) for (const a of addresses ?? []) names.add(a.address.toLowerCase());
  } else {
    names.add(hostOf(boundHost));
  }
  return names;
}

/**
 * Refuses (421) a request whose Host the server does not go by. A page on another site can point
 * its own name at 127.0.0.1 (DNS rebinding) and then read this server as if it were its own origin;
 * its requests still carry that site's name.
 */
export function requireServedHost(names: Set<string>): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header("Host") ?? new URL(c.req.url).host;
    const host = hostOf(header);
    if (!names.has(host) && !isLoopbackHost(host)) {
      return c.json({ error: `host "${header}" is not one this server answers to; start it with --allowed-host ${host} to allow it` }, 421);
    }
    await next();
  };
}

/**
 * Headers on every answer: no content sniffing (a JSON answer holding markup is never run as a
 * page), no referrer sent on, and, for whatever sets no policy of its own (the API), a policy
 * that loads nothing and may not be framed.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Referrer-Policy", "no-referrer");
  if (!c.res.headers.has("Content-Security-Policy")) c.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
};
