// Raw tRPC-over-HTTP calls (superjson envelope), as a browser would make them, on node:http with keep-alive sockets:
// the load generator shares the machine with the server, and node:http costs it about a third of what fetch does.
import http from "node:http";

export interface HttpAnswer {
  status: number;
  ok: boolean;
  body: string;
}

export function trpcClient(baseUrl: string, cookie: string) {
  // Idle sockets are dropped after 4 s, before the server's 5 s keep-alive timeout: reusing one the server is closing
  // at that moment fails the request with ECONNRESET (it happened once in a run).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 });
  const send = (method: "GET" | "POST", path: string, body?: string) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = { cookie, "content-type": "application/json" };
      if (body !== undefined) headers["content-length"] = Buffer.byteLength(body);
      const req = http.request(`${baseUrl}${path}`, { method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          resolve({ status, ok: status >= 200 && status < 300, body: Buffer.concat(chunks).toString("utf8") });
        });
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  return {
    query: (path: string, input: unknown) => send("GET", `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`),
    mutation: (path: string, input: unknown) => send("POST", `/api/trpc/${path}`, JSON.stringify({ json: input })),
  };
}

export async function statusOf(answer: Promise<HttpAnswer>): Promise<number> {
  return (await answer).status;
}

/** The procedure's result (the superjson envelope's `json`), or undefined for an error. */
export function resultOf<T>(answer: HttpAnswer): T | undefined {
  const parsed = JSON.parse(answer.body) as { result?: { data?: { json?: T } } };
  return parsed.result?.data?.json;
}
