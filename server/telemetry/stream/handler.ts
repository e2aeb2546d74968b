// Placeholder until the stream route lands.
import type { NodeHandler, RouteDeps } from "../../http/routes";

export function createStreamHandler(_deps: RouteDeps): { handle: NodeHandler; close(): Promise<void> } {
  return {
    handle: async (_req, res) => {
      res.writeHead(501, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "NOT_IMPLEMENTED" } }));
    },
    close: async () => {},
  };
}
