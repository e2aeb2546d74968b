import { describe, expect, it } from "vitest";
import { isPrivateAddress, isPrivateHost } from "./address";

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
