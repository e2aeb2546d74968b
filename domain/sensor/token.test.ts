import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import {
  DEFAULT_ROTATION_GRACE_MINUTES,
  generateSensorToken,
  hashSensorToken,
  isCredentialActive,
  looksLikeSensorToken,
  MAX_ROTATION_GRACE_MINUTES,
  rotationExpiry,
  SENSOR_TOKEN_PREFIX,
  tokenHashesEqual,
} from "./token";

describe("generateSensorToken", () => {
  it("has the prefix and 43 base64url characters (32 random bytes)", () => {
    const { token } = generateSensorToken();
    expect(SENSOR_TOKEN_PREFIX).toBe("etp_");
    expect(token).toMatch(/^etp_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), "base64url")).toHaveLength(32);
    expect(looksLikeSensorToken(token)).toBe(true);
  });
  it("returns the SHA-256 hex of the whole token, not the token itself", () => {
    const { token, hash } = generateSensorToken();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashSensorToken(token));
    expect(hash).not.toContain(token.slice(4));
  });
  it("hints with the prefix and the last 4 characters only", () => {
    const { token, hint } = generateSensorToken();
    expect(hint).toBe(`etp_…${token.slice(-4)}`);
    expect(hint).toHaveLength(9);
  });
  it("never repeats over 1000 tokens", () => {
    const tokens = Array.from({ length: 1000 }, () => generateSensorToken());
    expect(new Set(tokens.map((t) => t.token)).size).toBe(1000);
    expect(new Set(tokens.map((t) => t.hash)).size).toBe(1000);
  });
});

describe("hashSensorToken", () => {
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
  ])("matches the SHA-256 test vector for %j", (input, expected) => {
    expect(hashSensorToken(input)).toBe(expected);
  });
  it("is deterministic", () => {
    const { token } = generateSensorToken();
    expect(hashSensorToken(token)).toBe(hashSensorToken(token));
  });
  it("differs for tokens that differ in one character", () => {
    expect(hashSensorToken("etp_a")).not.toBe(hashSensorToken("etp_b"));
  });
});

describe("tokenHashesEqual", () => {
  const h = hashSensorToken("etp_x");
  it.each([
    ["same hash", h, h, true],
    ["last char differs", h, h.slice(0, -1) + (h.endsWith("0") ? "1" : "0"), false],
    ["other token", h, hashSensorToken("etp_y"), false],
    ["shorter", h, h.slice(0, 63), false],
    ["longer", h, `${h}0`, false],
    ["empty vs hash", "", h, false],
    ["both empty", "", "", true],
    ["case matters", "ab".repeat(32), "AB".repeat(32), false],
  ])("%s → %s", (_name, a, b, expected) => {
    expect(tokenHashesEqual(a, b)).toBe(expected);
  });
  it("does not throw on different lengths", () => {
    expect(() => tokenHashesEqual("a", "ab")).not.toThrow();
  });
  it("compares bytes: same character count but different byte length is false, not a throw", () => {
    expect(() => tokenHashesEqual("é", "e")).not.toThrow();
    expect(tokenHashesEqual("é", "e")).toBe(false);
  });
});

describe("looksLikeSensorToken", () => {
  const body = "A".repeat(43);
  it.each([
    [`etp_${body}`, true],
    [`etp_${"a1-_".repeat(10)}xyz`, true],
    [`etp_${body.slice(1)}`, false],
    [`etp_${body}A`, false],
    [`ETP_${body}`, false],
    [`xtp_${body}`, false],
    [body + "AAAA", false],
    [`etp_${body.slice(1)}=`, false],
    [`etp_${body.slice(1)}+`, false],
    [`etp_${body.slice(1)}/`, false],
    [` etp_${body}`, false],
    [`etp_${body}\n`, false],
    ["", false],
  ])("%j → %s", (value, expected) => expect(looksLikeSensorToken(value)).toBe(expected));
});

describe("isCredentialActive", () => {
  const now = new Date("2026-03-01T12:00:00.000Z");
  const before = new Date(now.getTime() - 1);
  const after = new Date(now.getTime() + 1);
  it.each([
    ["never expires, not revoked", null, null, true],
    ["expires later", null, after, true],
    ["expires exactly now", null, now, false],
    ["expired", null, before, false],
    ["revoked", before, null, false],
    ["revoked, would still be in grace", before, after, false],
    ["revoked and expired", before, before, false],
    ["revoked at this instant", now, null, false],
  ] as const)("%s → %s", (_name, revokedAt, expiresAt, expected) => {
    expect(isCredentialActive({ revokedAt, expiresAt }, now)).toBe(expected);
  });
});

describe("rotationExpiry", () => {
  const now = new Date("2026-03-01T12:00:00.000Z");
  it.each([
    [0, "2026-03-01T12:00:00.000Z"],
    [1, "2026-03-01T12:01:00.000Z"],
    [DEFAULT_ROTATION_GRACE_MINUTES, "2026-03-01T12:15:00.000Z"],
    [10080, "2026-03-08T12:00:00.000Z"],
  ])("grace %i → %s", (grace, expected) => {
    expect(rotationExpiry(now, grace).toISOString()).toBe(expected);
  });
  it("grace 0 makes the old credential inactive at once", () => {
    expect(isCredentialActive({ revokedAt: null, expiresAt: rotationExpiry(now, 0) }, now)).toBe(false);
  });
  it("the default grace keeps it active until just before the end", () => {
    const expiresAt = rotationExpiry(now, DEFAULT_ROTATION_GRACE_MINUTES);
    expect(isCredentialActive({ revokedAt: null, expiresAt }, new Date(expiresAt.getTime() - 1))).toBe(true);
    expect(isCredentialActive({ revokedAt: null, expiresAt }, expiresAt)).toBe(false);
  });
  it.each([-1, 10081, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("rejects %s with fieldErrors.graceMinutes", (grace) => {
    expect(MAX_ROTATION_GRACE_MINUTES).toBe(10080);
    let caught: unknown;
    try {
      rotationExpiry(now, grace);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    const err = caught as DomainError;
    expect(err.code).toBe("BAD_INPUT");
    expect((err.details?.fieldErrors as Record<string, string[]>).graceMinutes).toHaveLength(1);
  });
});
