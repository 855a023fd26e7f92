import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import type { Store } from "../store/store.js";
import { createApp, type ServerOptions } from "./app.js";

export interface RunningServer {
  /** `http://HOST:PORT`, the port being the one actually bound (tests pass 0). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the API and the page on `host:port`; resolves once the socket listens. */
export function createServer(store: Store, options: ServerOptions & { port: number }): Promise<RunningServer> {
  const app = createApp(store, options);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            (server as Server).closeAllConnections();
            server.close((err) => (err ? fail(err) : done()));
          }),
      });
    }) as Server;
    server.once("error", (err) => reject(new Error(`cannot listen on ${options.host}:${options.port}: ${err.message}`)));
  });
}
