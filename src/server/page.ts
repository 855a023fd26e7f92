import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { serveStatic } from "@hono/node-server/serve-static";
import { projectRoot } from "../paths.js";

// The page is plain ES modules: its TypeScript compiles beside the server (dist/src/web/), its
// HTML and CSS stay in src/web/, and Leaflet, topojson-client and the world outlines are served
// straight from node_modules, so nothing comes from the network.
const pageDir = join(projectRoot, "src/web");
const clientDir = fileURLToPath(new URL("../web/", import.meta.url));
const modules = join(projectRoot, "node_modules");

const mounts: [prefix: string, root: string][] = [
  ["/assets/", pageDir],
  ["/app/", clientDir],
  ["/vendor/leaflet/", join(modules, "leaflet/dist")],
  ["/vendor/topojson-client/", join(modules, "topojson-client/src")],
  ["/vendor/world-atlas/", join(modules, "world-atlas")],
];

/** The scheme tiles load over, for the image policy; a template that is no web address is refused at start. */
function tileScheme(tileUrl: string): string {
  let url: URL;
  try {
    url = new URL(tileUrl.replace(/\{s\}/g, "a"));
  } catch {
    throw new Error(`tile URL "${tileUrl}" is not a URL template such as https://tile.example.org/{z}/{x}/{y}.png`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`tile URL "${tileUrl}" must be http or https`);
  return url.protocol;
}

/** The inline import map is the only inline script; its hash is all the policy lets run inline. */
function contentSecurityPolicy(html: string, tileUrl: string | undefined): string {
  const inline = [...html.matchAll(/<script type="importmap">([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash("sha256").update(m[1]!).digest("base64")}'`,
  );
  const tiles = tileUrl ? ` ${tileScheme(tileUrl)}` : "";
  return [
    "default-src 'self'",
    `script-src 'self' ${inline.join(" ")}`,
    `img-src 'self' data:${tiles}`,
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function pageRoutes(opts: { tileUrl?: string }): Hono {
  const html = readFileSync(join(pageDir, "index.html"), "utf8");
  const csp = contentSecurityPolicy(html, opts.tileUrl);
  const app = new Hono();
  app.get("/", (c) => {
    c.header("Content-Security-Policy", csp);
    return c.html(html);
  });
  for (const [prefix, root] of mounts) {
    app.use(`${prefix}*`, serveStatic({ root, rewriteRequestPath: (path) => path.slice(prefix.length - 1) }));
  }
  return app;
}
