// Serves a fetch-style handler (Request → Response) on node:http, streaming the response body with backpressure.
// Used for streamed downloads on the front server, where Next's route pipeline made large exports crawl.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import type { NodeHandler } from "./routes";

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, { method: req.method, headers });
}

export function serveFetch(handler: (request: Request) => Promise<Response>): NodeHandler {
  return async (req, res: ServerResponse) => {
    const response = await handler(toRequest(req));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body || req.method === "HEAD") return void res.end();
    await pipeline(Readable.fromWeb(response.body as NodeWebReadableStream<Uint8Array>), res).catch(() => res.destroy());
  };
}
