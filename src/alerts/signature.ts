import { createHmac, timingSafeEqual } from "node:crypto";

// Webhook signatures as Stripe signs them: HMAC-SHA256, keyed by the watchlist's secret, over
// "TIMESTAMP.BODY", sent as `Sitrep-Signature: t=TIMESTAMP,v1=HEX`. The timestamp inside what is
// signed lets a receiver refuse an old delivery replayed to it.

export const SIGNATURE_HEADER = "Sitrep-Signature";

function mac(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** The header value for `body` sent at `timestamp` (seconds since the epoch). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${mac(secret, timestamp, body)}`;
}

/**
 * What a receiver runs: true when `header` signs `body` with `secret` and its timestamp is within
 * `toleranceSeconds` of `now` (seconds). The comparison takes the same time whatever differs.
 */
export function verifySignature(secret: string, header: string, body: string, now: number, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1") ?? "";
  if (!Number.isSafeInteger(timestamp) || Math.abs(now - timestamp) > toleranceSeconds || !/^[0-9a-f]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(given, "hex"), Buffer.from(mac(secret, timestamp, body), "hex"));
}
