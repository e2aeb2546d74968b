import { describe, expect, it } from "vitest";
import { formatDuration, formatElapsed, liveDurationMs } from "./duration";

describe("formatDuration", () => {
  it.each([
    [null, "—"],
    [0, "0 s"],
    [-5, "0 s"],
    [42_999, "42 s"],
    [60_000, "1 min 00 s"],
    [5 * 60_000 + 3_000, "5 min 03 s"],
    [3_600_000 + 2 * 60_000 + 59_000, "1 h 02 min"],
    [23 * 3_600_000 + 59 * 60_000, "23 h 59 min"],
    [2 * 86_400_000 + 3 * 3_600_000, "2 d 03 h"],
  ])("formats %j ms as %j", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("formatElapsed", () => {
  it.each([
    [0, "00:00:00"],
    [999, "00:00:00"],
    [83_000, "00:01:23"],
    [3_600_000, "01:00:00"],
    [86_399_999, "23:59:59"],
    [123 * 3_600_000 + 4 * 60_000 + 5_000, "123:04:05"],
    [-5_000, "00:00:00"],
    [Number.NaN, "00:00:00"],
  ])("formats %d ms as %s", (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });

  it("shows a dash for a run that never started", () => {
    expect(formatElapsed(null)).toBe("—");
    expect(formatElapsed(61_000)).toBe("00:01:01");
  });
});

describe("liveDurationMs", () => {
  it("advances a running duration by the time since it arrived", () => {
    expect(liveDurationMs(10_000, 1_000, 4_000, true)).toBe(13_000);
  });
  it("keeps a finished duration and a missing one as they are", () => {
    expect(liveDurationMs(10_000, 1_000, 4_000, false)).toBe(10_000);
    expect(liveDurationMs(null, 1_000, 4_000, true)).toBeNull();
  });
  it("never goes backwards when the data is newer than the clock tick", () => {
    expect(liveDurationMs(10_000, 5_000, 4_000, true)).toBe(10_000);
  });
});
