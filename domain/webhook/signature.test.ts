import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signWebhook, verifyWebhookSignature } from "./signature";

describe("webhook signatures", () => {
  const secret = generateWebhookSecret();
  const body = '{"id":"evt_1","type":"run.created"}';
  const now = 1_800_000_000;
  const header = signWebhook(secret, body, now);

  it("make secrets with a prefix and 32 random bytes, never the same twice", () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it("verify what was signed, within the tolerance", () => {
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, body, header, { nowSeconds: now + 299 })).toEqual({ ok: true });
    // A receiver rotating its secret can be sent two signatures; any match passes.
    expect(verifyWebhookSignature(secret, body, `${signWebhook(generateWebhookSecret(), body, now)},v1=${header.split("v1=")[1]}`, { nowSeconds: now })).toEqual({ ok: true });
  });

  it.each([
    ["another body", secret, `${body} `, header, "mismatch"],
    ["another secret", generateWebhookSecret(), body, header, "mismatch"],
    ["a shifted timestamp", secret, body, header.replace("t=1800000000", "t=1800000001"), "mismatch"],
    ["no v1", secret, body, "t=1800000000", "malformed"],
    ["no t", secret, body, header.replace(/^t=\d+,/, ""), "malformed"],
    ["a short v1", secret, body, "t=1800000000,v1=abcd", "malformed"],
    ["garbage", secret, body, "nonsense", "malformed"],
  ])("refuse %s", (_name, key, text, signature, reason) => {
    expect(verifyWebhookSignature(key, text, signature, { nowSeconds: now })).toEqual({ ok: false, reason });
  });

  it("refuse a replay older than the tolerance", () => {
    expect(verifyWebhookSignature(secret, body, header, { nowSeconds: now + 301 })).toEqual({ ok: false, reason: "too_old" });
    expect(verifyWebhookSignature(secret, body, header, { nowSeconds: now + 3600, toleranceSeconds: 7200 })).toEqual({ ok: true });
  });
});
