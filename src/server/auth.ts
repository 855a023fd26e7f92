import { createHash, timingSafeEqual } from "node:crypto";
import ipaddr from "ipaddr.js";
import type { MiddlewareHandler } from "hono";
import { HttpError } from "./errors.js";

/** True when `host` can only be reached from this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  if (host === "localhost") return true;
  const bare = host.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(bare)) return false;
  const addr = ipaddr.process(bare);
  return addr.range() === "loopback";
}

/**
 * Compares in constant time. Hashing first gives both sides the same length, so neither the
 * content nor the length of the token leaks through timing.
 */
export function tokenMatches(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

function bearer(header: string | undefined): string | null {
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m ? m[1]! : null;
}

/**
 * Requires `Authorization: Bearer TOKEN`. With no token configured the guarded routes are closed
 * (403) rather than open: an unset variable must never mean "anyone may write".
 */
export function requireToken(token: string | undefined, what: string): MiddlewareHandler {
  return async (c, next) => {
    if (!token) throw new HttpError(403, `${what} is disabled: set SITREP_TOKEN on the server to enable it`);
    const given = bearer(c.req.header("Authorization"));
    if (given === null) {
      c.header("WWW-Authenticate", 'Bearer realm="sitrep"');
      throw new HttpError(401, `${what} needs the header "Authorization: Bearer <SITREP_TOKEN>"`);
    }
    if (!tokenMatches(given, token)) throw new HttpError(403, `${what}: the token does not match`);
    await next();
  };
}
