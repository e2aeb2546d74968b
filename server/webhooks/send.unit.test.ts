import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { isPrivateAddress, isPrivateHost, postWebhook } from "./send";

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
  ])("refuses %s", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(["8.8.8.8", "172.32.0.1", "192.169.0.1", "100.128.0.1", "1.1.1.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"])("allows %s", (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe("isPrivateHost", () => {
  it.each([
    ["http://localhost:3000/x", true],
    ["http://api.localhost/x", true],
    ["http://127.0.0.1/x", true],
    ["http://[::1]:8080/x", true],
    ["https://10.20.30.40/x", true],
    ["https://lab.example.org/x", false],
    ["https://8.8.8.8/x", false],
    ["https://[2001:db8::1]/x", false],
  ])("%s → %s", (url, expected) => {
    expect(isPrivateHost(url)).toBe(expected);
  });
});

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
