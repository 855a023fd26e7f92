import { alertTitle } from "../web/format.js";
import type { Watchlist } from "./watchlist.js";
import type { Alert } from "../store/watchlists.js";
import { eventLink } from "./deliver.js";
import { idempotencyKey } from "./version.js";

// A watchlist's alerts as an Atom 1.0 feed (RFC 4287), for any feed reader: one entry an alert,
// its id the alert's idempotency key, so a reader shows an event version once.

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

function entry(a: Alert, pageUrl: string): string {
  const e = a.event;
  const figures = [e.killed !== null ? `${e.killed} killed` : null, e.wounded !== null ? `${e.wounded} wounded` : null, `${e.sources.length} source${e.sources.length === 1 ? "" : "s"}`].filter(Boolean).join(", ");
  return `  <entry>
    <id>urn:sitrep:alert:${escape(encodeURIComponent(idempotencyKey(a.watchlistId, a.eventId, a.version)))}</id>
    <title>${escape(alertTitle(a))}</title>
    <updated>${a.createdAt}</updated>
    <link rel="alternate" type="text/html" href="${escape(eventLink(pageUrl, a.eventId))}"/>
    <summary>${escape(`${e.summary} (${figures})`)}</summary>
  </entry>`;
}

/** The feed of `alerts` (newest first) of `watchlist`, served at `selfUrl`, linking to the page at `pageUrl`. */
export function atomFeed(watchlist: Watchlist, alerts: Alert[], selfUrl: string, pageUrl: string): string {
  const updated = alerts[0]?.createdAt ?? watchlist.updatedAt;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:sitrep:watchlist:${escape(watchlist.id)}</id>
  <title>${escape(`Sitrep watchlist: ${watchlist.name}`)}</title>
  <updated>${updated}</updated>
  <author><name>Sitrep</name></author>
  <link rel="self" type="application/atom+xml" href="${escape(selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escape(`${pageUrl.replace(/\/+$/, "")}/#watchlist/${encodeURIComponent(watchlist.id)}`)}"/>
${alerts.map((a) => entry(a, pageUrl)).join("\n")}
</feed>
`;
}
