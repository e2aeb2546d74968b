// A sensor records into at most one running capture session: the 409 that names where it is recording, so the
// person can go and stop that session.
import { DomainError } from "../errors";

/** Where a sensor is recording, with the names a person needs to find that session. */
export interface SensorRecorder {
  sensorId: string;
  sensorName: string;
  runId: string;
  runName: string;
  captureSessionId: string;
  ordinal: number;
}

export function sensorRecordingConflict(recorder: SensorRecorder, advice = "Stop that session first."): DomainError {
  const { sensorId, sensorName, runId, runName, captureSessionId, ordinal } = recorder;
  return new DomainError("CONFLICT", `Sensor "${sensorName}" is recording into run "${runName}", session #${ordinal}. ${advice}`, {
    reason: "sensor_recording",
    sensorId,
    runId,
    captureSessionId,
    ordinal,
  });
}

/** When the other claimant stopped again before we could name it: the claim still failed, and a retry may succeed. */
export function sensorRecordingRace(): DomainError {
  return new DomainError("CONFLICT", "A sensor of this run started recording elsewhere at the same moment. Try again.", {
    reason: "sensor_recording",
  });
}
