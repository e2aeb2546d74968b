// The public REST routes served on plain node:http next to /api/trpc (see server.ts for why not Next route handlers).
import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb, getSql } from "../../db/client";
import { createIngestHandler } from "../telemetry/ingest/handler";
import { createImportHandler, IMPORT_PATH } from "../telemetry/import/handler";
import { handleTelemetryExport } from "../export/telemetry";
import { handleOpenApi } from "../telemetry/openapi";
import { serveFetch } from "./fetch-adapter";
import { createStreamHandler } from "../telemetry/stream/handler";

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface RouteDeps {
  getDb: typeof getDb;
  getSql: typeof getSql;
}

export interface V1Routes {
  /** Answers the request and returns true when the path is one of these routes. */
  dispatch(req: IncomingMessage, res: ServerResponse): boolean;
  close(): Promise<void>;
}

export function createV1Routes(deps: RouteDeps = { getDb, getSql }): V1Routes {
  const ingest = createIngestHandler(deps);
  const stream = createStreamHandler(deps);
  const table: Record<string, NodeHandler> = {
    "/api/v1/telemetry": ingest,
    "/api/v1/telemetry/stream": stream.handle,
    [IMPORT_PATH]: createImportHandler(deps),
    "/api/v1/openapi.json": handleOpenApi,
    "/api/v1/export/telemetry": serveFetch((request) => handleTelemetryExport(request, deps.getDb())),
  };
  return {
    dispatch(req, res) {
      const pathname = (req.url ?? "/").split("?")[0] ?? "/";
      const handler = table[pathname];
      if (!handler) return false;
      void handler(req, res);
      return true;
    },
    // One after the other: both UNLISTEN on the process's single LISTEN connection.
    close: async () => {
      await ingest.close();
      await stream.close();
    },
  };
}
