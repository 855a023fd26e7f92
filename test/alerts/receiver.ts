import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

// A webhook receiver on loopback for the delivery tests: it records every request and answers as
// the test says (a status, or no answer at all).

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** `answer(n)` is the status for the nth request (0-based), or null to never answer. */
export async function receiver(t: { after(fn: () => unknown): void }, answer: (n: number) => number | null = () => 200): Promise<Receiver> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8").on("data", (d: string) => (body += d));
    req.on("end", () => {
      const status = answer(received.length);
      received.push({ headers: req.headers, body, status: status ?? 0 });
      if (status !== null) res.writeHead(status).end(status < 300 ? "ok" : "no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  t.after(close);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, close };
}
