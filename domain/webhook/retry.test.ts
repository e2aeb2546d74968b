import { describe, expect, it } from "vitest";
import { isDelivered, MAX_DELIVERY_ATTEMPTS, retryDelaySeconds } from "./retry";

describe("webhook retries", () => {
  it.each([
    [1, 10],
    [2, 60],
    [3, 300],
    [7, 12 * 3600],
  ])("wait after %i failed attempt(s): %i s", (attempts, seconds) => {
    expect(retryDelaySeconds(attempts)).toBe(seconds);
  });

  it("stop after the last attempt, about a day after the first", () => {
    expect(MAX_DELIVERY_ATTEMPTS).toBe(8);
    expect(retryDelaySeconds(MAX_DELIVERY_ATTEMPTS)).toBeNull();
    const total = Array.from({ length: MAX_DELIVERY_ATTEMPTS - 1 }, (_, i) => retryDelaySeconds(i + 1)!).reduce((a, b) => a + b, 0);
    expect(total / 3600).toBeGreaterThan(20);
    expect(total / 3600).toBeLessThan(21);
  });

  it.each([[200, true], [204, true], [299, true], [301, false], [400, false], [500, false]])("count %i as delivered: %s", (status, ok) => {
    expect(isDelivered(status)).toBe(ok);
  });
});
