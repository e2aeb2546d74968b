// Placeholder until the ingest route lands.
import type { NodeHandler, RouteDeps } from "../../http/routes";

export function createIngestHandler(_deps: RouteDeps): NodeHandler {
  return async (_req, res) => {
    res.writeHead(501, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "NOT_IMPLEMENTED" } }));
  };
}
