import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { postWebhook } from "./send";

describe("postWebhook", () => {
  it("refuses a private IP literal and a name that resolves to loopback before connecting, unless allowed", async () => {
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const strict = { timeoutMs: 2000, allowPrivateTargets: false };
      expect(await postWebhook(`http://127.0.0.1:${port}/`, "{}", {}, strict)).toMatchObject({ status: null, error: expect.stringMatching(/private address/) });
      expect(await postWebhook(`http://localhost:${port}/`, "{}", {}, strict)).toMatchObject({ status: null, error: expect.stringMatching(/resolves to a private address.*WEBHOOK_ALLOW_PRIVATE_TARGETS/) });
      expect(hits).toBe(0);
      expect(await postWebhook(`http://localhost:${port}/`, "{}", {}, { ...strict, allowPrivateTargets: true })).toEqual({ status: 204, error: null });
      expect(hits).toBe(1);
    } finally {
      server.close();
    }
  });

  it("reports a timeout and a refused connection as errors, not throws", async () => {
    const silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const result = await postWebhook(`http://127.0.0.1:${port}/`, "{}", {}, { timeoutMs: 200, allowPrivateTargets: true });
      expect(result).toEqual({ status: null, error: "No answer within 200 ms." });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
    expect((await postWebhook(`http://127.0.0.1:${port}/`, "{}", {}, { timeoutMs: 500, allowPrivateTargets: true })).error).toMatch(/ECONNREFUSED/);
  });
});
