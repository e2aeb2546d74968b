// Raw tRPC-over-HTTP calls (superjson envelope), as a browser would make them.
export function trpcClient(baseUrl: string, cookie: string) {
  const headers = { cookie, "content-type": "application/json" };
  return {
    async query(path: string, input: unknown): Promise<Response> {
      const q = encodeURIComponent(JSON.stringify({ json: input }));
      return fetch(`${baseUrl}/api/trpc/${path}?input=${q}`, { headers });
    },
    async mutation(path: string, input: unknown): Promise<Response> {
      return fetch(`${baseUrl}/api/trpc/${path}`, { method: "POST", headers, body: JSON.stringify({ json: input }) });
    },
  };
}

export async function statusOf(response: Promise<Response>): Promise<number> {
  const res = await response;
  await res.arrayBuffer();
  return res.status;
}
