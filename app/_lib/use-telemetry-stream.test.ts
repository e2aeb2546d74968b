import { describe, expect, it } from "vitest";
import { appendWindowed, MAX_POINTS, streamUrl, WINDOW_MS } from "./use-telemetry-stream";

const point = (t: number) => ({ t, value: t, raw: t });

describe("streamUrl", () => {
  it("repeats sensor_id and adds since only when given", () => {
    expect(streamUrl({ sensorIds: ["a", "b"] })).toBe("/api/v1/telemetry/stream?sensor_id=a&sensor_id=b");
    expect(streamUrl({ runId: "r" }, "c1-5")).toBe("/api/v1/telemetry/stream?run_id=r&since=c1-5");
    expect(streamUrl({ captureSessionId: "s" })).toBe("/api/v1/telemetry/stream?capture_session_id=s");
  });
});

describe("appendWindowed", () => {
  it("keeps only the last window of reading time", () => {
    const kept = appendWindowed([point(0), point(1_000)], [point(WINDOW_MS + 500)]);
    expect(kept.map((p) => p.t)).toEqual([1_000, WINDOW_MS + 500]);
  });

  it("caps the number of points, dropping the oldest", () => {
    const many = Array.from({ length: MAX_POINTS + 10 }, (_, i) => point(i));
    const kept = appendWindowed([], many);
    expect(kept).toHaveLength(MAX_POINTS);
    expect(kept[0]!.t).toBe(10);
  });
});
