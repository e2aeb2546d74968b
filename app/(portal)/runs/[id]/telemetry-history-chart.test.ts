import { describe, expect, it } from "vitest";
import { toChartPoints } from "./telemetry-history-chart";

const point = (t: number, v = 1) => ({ t, min: v - 1, max: v + 1, avg: v });

describe("toChartPoints", () => {
  it("shifts by the origin and keeps the min/max band", () => {
    expect(toChartPoints([point(1000, 5), point(2000, 6)], 1000, 1000)).toEqual([
      { x: 0, band: [4, 6], avg: 5 },
      { x: 1000, band: [5, 7], avg: 6 },
    ]);
  });

  it("breaks the line where readings stop for much longer than usual (between sessions)", () => {
    const points = [...Array.from({ length: 20 }, (_, i) => point(i * 100)), ...Array.from({ length: 20 }, (_, i) => point(100_000 + i * 100))];
    const out = toChartPoints(points, 0, null);
    expect(out).toHaveLength(41);
    expect(out[20]).toEqual({ x: (1900 + 100_000) / 2, band: null, avg: null });
  });

  it("does not break evenly spaced sparse data", () => {
    expect(toChartPoints(Array.from({ length: 10 }, (_, i) => point(i * 5000)), 0, 250).every((p) => p.avg !== null)).toBe(true);
  });
});
