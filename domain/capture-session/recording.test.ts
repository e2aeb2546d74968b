import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { sensorRecordingConflict, sensorRecordingRace } from "./recording";

const recorder = { sensorId: "s1", sensorName: "T1", runId: "r1", runName: "Calibration A", captureSessionId: "c1", ordinal: 2 };

describe("sensorRecordingConflict", () => {
  it("names the sensor, the run and the session, with the ids in details", () => {
    const error = sensorRecordingConflict(recorder);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe('Sensor "T1" is recording into run "Calibration A", session #2. Stop that session first.');
    expect(error.details).toEqual({ reason: "sensor_recording", sensorId: "s1", runId: "r1", captureSessionId: "c1", ordinal: 2 });
  });

  it("takes other advice", () => {
    expect(sensorRecordingConflict(recorder, "Stop that session before deleting the sensor.").message).toMatch(/session #2\. Stop that session before deleting/);
  });

  it("has a race variant without names", () => {
    expect(sensorRecordingRace()).toMatchObject({ code: "CONFLICT", details: { reason: "sensor_recording" } });
  });
});
