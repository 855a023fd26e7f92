import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A feed server on loopback for the watcher's tests: feeds that gain items while they are watched,
// ETag and Last-Modified on every answer, 304 when the request names the current version, and
// every request remembered with the headers it came with. Items are invented reports.

export interface FeedRequest {
  path: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  status?: number;
}

interface Feed {
  title: string;
  items: { id: string; title: string; text: string }[];
  /** Answers 500 to this many requests before answering again. */
  failures: number;
  /** Answers with a body that is not XML. */
  broken: boolean;
  changedAt: Date;
}

/** A report of a made-up attack, different for each `n`. */
export function report(n: number): string {
  const places = ["Gao", "Kidal", "Mopti", "Diffa", "Djibo"];
  return `Gunmen attacked a police checkpoint in ${places[n % places.length]} on Sunday, killing ${(n % 9) + 2} officers, a police spokesman said. Dispatch ${n}.`;
}

const escaped = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export class FeedServer {
  readonly requests: FeedRequest[] = [];
  private readonly feeds = new Map<string, Feed>();
  private readonly pages = new Map<string, string>();
  private server: Server | undefined;
  /** Items added to any feed: each item's report is a different one. */
  private added = 0;
  base = "";

  async start(host = "127.0.0.1"): Promise<this> {
    this.server = createServer((req, res) => this.answer(req.url ?? "/", req.headers, res));
    await new Promise<void>((resolve) => this.server!.listen(0, host, resolve));
    this.base = `http://${host}:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** A feed at `path` with `count` items; its URL. */
  feed(path: string, count = 0): string {
    this.feeds.set(path, { title: `Feed ${path}`, items: [], failures: 0, broken: false, changedAt: new Date(Date.now() - 60_000) });
    for (let i = 0; i < count; i++) this.add(path);
    return this.base + path;
  }

  /** Adds an item at the top of the feed at `path`; its id. With `page`, the item links to an article page of its own. */
  add(path: string, opts: { text?: string; page?: string } = {}): string {
    const feed = this.feeds.get(path)!;
    const n = feed.items.length + 1;
    const id = `${path.slice(1)}-item-${n}`;
    feed.items.unshift({ id, title: `Attack ${n} on ${path}`, text: opts.text ?? report(++this.added) });
    if (opts.page !== undefined) this.pages.set(`/pages/${id}`, opts.page);
    // HTTP dates have whole seconds: each change a second later than the last keeps them apart.
    feed.changedAt = new Date(Math.max(Date.now(), feed.changedAt.getTime() + 1000));
    return id;
  }

  fail(path: string, times: number): void {
    this.feeds.get(path)!.failures = times;
  }

  breakFeed(path: string): void {
    this.feeds.get(path)!.broken = true;
  }

  requestsTo(path: string): FeedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  private body(feed: Feed): string {
    const items = feed.items
      .map((i) => {
        const link = this.pages.has(`/pages/${i.id}`) ? `${this.base}/pages/${i.id}` : `https://news.example/${i.id}`;
        return `<item><title>${i.title}</title><link>${link}</link><guid isPermaLink="false">${i.id}</guid><description>${escaped(`<p>${escaped(i.text)}</p>`)}</description></item>`;
      })
      .join("");
    return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${feed.title}</title><link>https://news.example/</link>${items}</channel></rss>`;
  }

  private answer(path: string, headers: IncomingHttpHeaders, res: ServerResponse): void {
    const request: FeedRequest = { path };
    res.on("finish", () => (request.status = res.statusCode));
    if (typeof headers["if-none-match"] === "string") request.ifNoneMatch = headers["if-none-match"];
    if (typeof headers["if-modified-since"] === "string") request.ifModifiedSince = headers["if-modified-since"];
    this.requests.push(request);
    const page = this.pages.get(path);
    if (page !== undefined) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return void res.end(page);
    }
    const feed = this.feeds.get(path);
    if (!feed) {
      res.writeHead(404);
      return void res.end();
    }
    if (feed.failures > 0) {
      feed.failures--;
      res.writeHead(500, { "content-type": "text/plain" });
      return void res.end("server error");
    }
    if (feed.broken) {
      res.writeHead(200, { "content-type": "application/xml" });
      return void res.end("this is no feed at all, just words");
    }
    const body = this.body(feed);
    const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 12)}"`;
    const lastModified = feed.changedAt.toUTCString();
    const unchanged = request.ifNoneMatch !== undefined ? request.ifNoneMatch === etag : request.ifModifiedSince !== undefined && new Date(request.ifModifiedSince) >= new Date(lastModified);
    if (unchanged) {
      res.writeHead(304, { etag, "last-modified": lastModified });
      return void res.end();
    }
    res.writeHead(200, { "content-type": "application/rss+xml", etag, "last-modified": lastModified });
    res.end(body);
  }
}

/** A feed server on loopback, stopped when the test ends. */
export async function feedServer(t: { after(fn: () => unknown): void }): Promise<FeedServer> {
  const server = await new FeedServer().start();
  t.after(() => server.stop());
  return server;
}
