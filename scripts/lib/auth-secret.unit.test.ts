import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveAuthSecret } from "./auth-secret";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "etp-secret-"));

describe("resolveAuthSecret", () => {
  it("prefers the environment", () => {
    expect(resolveAuthSecret({ env: { AUTH_SECRET: "from-env" }, stateDir: tmp(), production: true })).toBe("from-env");
  });

  it("generates a secret once and keeps it", () => {
    const dir = tmp();
    const first = resolveAuthSecret({ env: {}, stateDir: dir, production: false });
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(resolveAuthSecret({ env: {}, stateDir: dir, production: false })).toBe(first);
    expect(fs.statSync(path.join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
  });

  it("refuses to invent a secret in production", () => {
    expect(() => resolveAuthSecret({ env: {}, stateDir: tmp(), production: true })).toThrow(/AUTH_SECRET is not set/);
  });
});
