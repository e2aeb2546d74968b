import { describe, expect, it } from "vitest";
import { isSensorOnline, ONLINE_WINDOW_MS, readingsPerSecond } from "./presence";

const NOW = new Date("2026-11-27T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe("isSensorOnline", () => {
  it.each<[string, Date | null, boolean]>([
    ["never seen", null, false],
    ["seen just now", ago(0), true],
    ["seen exactly a minute ago", ago(ONLINE_WINDOW_MS), true],
    ["seen a minute and a millisecond ago", ago(ONLINE_WINDOW_MS + 1), false],
  ])("%s → %s", (_name, lastSeenAt, online) => {
    expect(isSensorOnline(lastSeenAt, NOW)).toBe(online);
  });
});

describe("readingsPerSecond", () => {
  it.each([
    [0, 0],
    [60, 1],
    [6000, 100],
    [30, 0.5],
  ])("%d readings in the last minute → %d/s", (n, rate) => {
    expect(readingsPerSecond(n)).toBe(rate);
  });
});
