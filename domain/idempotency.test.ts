import { describe, expect, it } from "vitest";
import { requestFingerprint } from "./idempotency";

describe("requestFingerprint", () => {
  it("ignores key order and the idempotency key", () => {
    expect(requestFingerprint({ a: 1, b: { c: [1, 2], d: "x" }, idempotencyKey: "k1" })).toBe(
      requestFingerprint({ b: { d: "x", c: [1, 2] }, a: 1, idempotencyKey: "k2" }),
    );
  });
  it.each([
    [{ a: 1 }, { a: 2 }],
    [{ a: [1, 2] }, { a: [2, 1] }],
    [{ a: "1" }, { a: 1 }],
    [{ a: null }, {}],
  ])("tells %j from %j", (x, y) => {
    expect(requestFingerprint(x)).not.toBe(requestFingerprint(y));
  });
  it("treats undefined fields as absent", () => expect(requestFingerprint({ a: 1, b: undefined })).toBe(requestFingerprint({ a: 1 })));
});
