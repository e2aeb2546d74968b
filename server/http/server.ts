// The platform's HTTP server: /api/trpc/* is answered on plain node:http, everything else by Next.js in the same process.
// Next's routing, proxy and request/response adapters cost ≈ 20 ms of CPU per API call on a 2-core host, which capped
// signed-in tRPC calls near 50–100 per second (docs/benchmarks.md); the tRPC handler applies proxy.ts's rules itself.
import http from "node:http";
import next from "next";
import { getDb } from "../../db/client";
import { startHousekeeping } from "../jobs/housekeeping";
import { startJobWorker } from "../jobs/worker";
import { startWebhookDispatcher } from "../webhooks/dispatcher";
import { logger } from "../logger";
import { createV1Routes } from "./routes";
import { createTrpcNodeHandler, TRPC_PREFIX } from "./trpc-node";

export interface AppServerOptions {
  dev: boolean;
  port: number;
  /** The interface to listen on; all of them when omitted, like `next start`. */
  hostname?: string;
}

export async function createAppServer({ dev, port, hostname }: AppServerOptions): Promise<http.Server> {
  const server = http.createServer();
  const app = next({ dev, dir: process.cwd(), hostname: hostname ?? "localhost", port, httpServer: server });
  await app.prepare();
  const handleNext = app.getRequestHandler();
  const handleTrpc = createTrpcNodeHandler({ getDb });
  const v1 = createV1Routes();

  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.url?.startsWith(TRPC_PREFIX)) return void handleTrpc(req, res);
    if (v1.dispatch(req, res)) return;
    handleNext(req, res).catch((error: unknown) => {
      logger.error({ err: error, url: req.url }, "next request handler failed");
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const worker = startJobWorker({ getDb });
  const housekeeping = startHousekeeping({ getDb });
  const webhooks = startWebhookDispatcher({ getDb });
  // Awaited by closeAppServer, so a job chunk in flight finishes before the caller closes the database pool.
  cleanups.set(server, async () => {
    await Promise.all([worker.stop(), housekeeping.stop(), webhooks.stop(), v1.close()]);
    await app.close();
  });
  return server;
}

const cleanups = new WeakMap<http.Server, () => Promise<void>>();

/** Stops accepting connections, ends open ones (keep-alive, streams), then stops the background loops, the stream hub and Next. */
export async function closeAppServer(server: http.Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await cleanups.get(server)?.();
}
