// /api/trpc/* on plain node:http: the request id and proxy.ts's refusals, then tRPC's own Node adapter.
import type { IncomingMessage, ServerResponse } from "node:http";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import type { Db } from "../../db/client";
import { MAX_JSON_BODY_BYTES, type HeaderSource } from "../http";
import { logger } from "../logger";
import { REQUEST_ID_HEADER, resolveRequestId } from "../request-id";
import { refusalBody, refusalFor } from "../request-gate";
import { appRouter } from "../trpc/app-router";
import { createTrpcContext } from "../trpc/context";
import { responseMetaFor } from "../trpc/response-meta";

export const TRPC_PREFIX = "/api/trpc/";

export interface TrpcNodeDeps {
  getDb: () => Db;
}

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function headerSource(req: IncomingMessage): HeaderSource {
  return {
    get(name) {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

export function createTrpcNodeHandler(deps: TrpcNodeDeps): NodeHandler {
  return async (req, res) => {
    const headers = headerSource(req);
    const requestId = resolveRequestId(headers.get(REQUEST_ID_HEADER));
    res.setHeader(REQUEST_ID_HEADER, requestId);
    try {
      const pathname = (req.url ?? "/").split("?")[0] ?? "/";
      const refusal = refusalFor({ method: req.method ?? "GET", pathname, headers });
      if (refusal) return sendJson(res, refusal.status, refusalBody(refusal, requestId));

      await nodeHTTPRequestHandler({
        req,
        res,
        router: appRouter,
        path: pathname.slice(TRPC_PREFIX.length),
        maxBodySize: MAX_JSON_BODY_BYTES,
        createContext: () => createTrpcContext({ db: deps.getDb(), requestId, headers, socketAddress: req.socket.remoteAddress }),
        responseMeta: responseMetaFor(requestId),
      });
    } catch (error) {
      logger.error({ err: error, requestId }, "trpc node handler failed");
      if (!res.headersSent) sendJson(res, 500, { error: { code: "INTERNAL", message: `Something went wrong on our side. Quote request id ${requestId}.`, requestId } });
      else res.destroy();
    }
  };
}
