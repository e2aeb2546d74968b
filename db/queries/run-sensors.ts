// The sensors a run records (run_sensors) and which running capture session each sensor is recording into
// (capture_session_sensors.recording, one per sensor by the partial unique index ONE_RECORDING_INDEX).
// "The run's sensors" are the linked sensors that are not deleted and still belong to the run's project.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { SensorRecorder } from "../../domain/capture-session/recording";
import type { Queryable } from "../client";
import { captureSessions, captureSessionSensors, runSensors, runs, sensorProjects, sensors } from "../schema";

export const ONE_RECORDING_INDEX = "capture_session_sensors_one_recording_idx";

const recorderColumns = {
  sensorId: sensors.id,
  sensorName: sensors.name,
  runId: runs.id,
  runName: runs.name,
  captureSessionId: captureSessions.id,
  ordinal: captureSessions.ordinalNumber,
};

/** Of these sensors, the ones recording into a session other than `exceptSessionId`, in sensor-name order. */
export async function findRecorders(db: Queryable, sensorIds: string[], exceptSessionId?: string): Promise<SensorRecorder[]> {
  if (sensorIds.length === 0) return [];
  const conditions = [inArray(captureSessionSensors.sensorId, sensorIds), eq(captureSessionSensors.recording, true)];
  if (exceptSessionId) conditions.push(sql`${captureSessionSensors.captureSessionId} <> ${exceptSessionId}::uuid`);
  return db
    .select(recorderColumns)
    .from(captureSessionSensors)
    .innerJoin(sensors, eq(sensors.id, captureSessionSensors.sensorId))
    .innerJoin(captureSessions, eq(captureSessions.id, captureSessionSensors.captureSessionId))
    .innerJoin(runs, eq(runs.id, captureSessionSensors.runId))
    .where(and(...conditions))
    .orderBy(asc(sensors.name), asc(sensors.id));
}

/** The run's sensors with where each is recording right now (any run), in name order. */
export async function listRunSensors(db: Queryable, { runId, projectId }: { runId: string; projectId: string }) {
  return db
    .select({
      id: sensors.id,
      name: sensors.name,
      type: sensors.type,
      unit: sensors.unit,
      rawUnit: sensors.rawUnit,
      addedAt: runSensors.addedAt,
      recording: {
        runId: sql<string | null>`${captureSessionSensors.runId}`,
        runName: sql<string | null>`${runs.name}`,
        captureSessionId: sql<string | null>`${captureSessions.id}`,
        ordinal: sql<number | null>`${captureSessions.ordinalNumber}`,
      },
    })
    .from(runSensors)
    .innerJoin(sensors, and(eq(sensors.id, runSensors.sensorId), isNull(sensors.deletedAt)))
    .innerJoin(sensorProjects, and(eq(sensorProjects.sensorId, sensors.id), eq(sensorProjects.projectId, projectId)))
    .leftJoin(captureSessionSensors, and(eq(captureSessionSensors.sensorId, sensors.id), eq(captureSessionSensors.recording, true)))
    .leftJoin(captureSessions, eq(captureSessions.id, captureSessionSensors.captureSessionId))
    .leftJoin(runs, eq(runs.id, captureSessionSensors.runId))
    .where(eq(runSensors.runId, runId))
    .orderBy(asc(sensors.name), asc(sensors.id));
}

/** Ids of the run's sensors (see the module comment), in id order. */
export async function listRunSensorIds(db: Queryable, { runId, projectId }: { runId: string; projectId: string }): Promise<string[]> {
  const rows = await db
    .select({ id: sensors.id })
    .from(runSensors)
    .innerJoin(sensors, and(eq(sensors.id, runSensors.sensorId), isNull(sensors.deletedAt)))
    .innerJoin(sensorProjects, and(eq(sensorProjects.sensorId, sensors.id), eq(sensorProjects.projectId, projectId)))
    .where(eq(runSensors.runId, runId))
    .orderBy(asc(sensors.id));
  return rows.map((r) => r.id);
}

/**
 * Of `ids`, the sensors in the project that are not deleted, in id order, each held with FOR KEY SHARE until the
 * transaction ends: a concurrent sensor delete (FOR UPDATE) then waits for us, or we see its deleted_at and skip it.
 */
export async function lockProjectSensors(db: Queryable, { projectId, ids }: { projectId: string; ids: string[] }): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: sensors.id })
    .from(sensors)
    .innerJoin(sensorProjects, and(eq(sensorProjects.sensorId, sensors.id), eq(sensorProjects.projectId, projectId)))
    .where(and(inArray(sensors.id, ids), isNull(sensors.deletedAt)))
    .orderBy(asc(sensors.id))
    .for("key share", { of: sensors });
  return rows.map((r) => r.id);
}

export async function insertRunSensors(db: Queryable, { runId, sensorIds, addedBy }: { runId: string; sensorIds: string[]; addedBy: string }) {
  if (sensorIds.length === 0) return;
  await db
    .insert(runSensors)
    .values(sensorIds.map((sensorId) => ({ runId, sensorId, addedBy })))
    .onConflictDoNothing();
}

export async function deleteRunSensors(db: Queryable, { runId, sensorIds }: { runId: string; sensorIds: string[] }) {
  if (sensorIds.length === 0) return;
  await db.delete(runSensors).where(and(eq(runSensors.runId, runId), inArray(runSensors.sensorId, sensorIds)));
}

/**
 * Marks the sensors as recording into the session (re-adding one that stopped earlier in it). A sensor already
 * recording elsewhere breaks ONE_RECORDING_INDEX (23505); a concurrent claimant waits here for the other to finish.
 */
export async function startRecording(db: Queryable, { captureSessionId, runId, sensorIds }: { captureSessionId: string; runId: string; sensorIds: string[] }) {
  if (sensorIds.length === 0) return;
  await db
    .insert(captureSessionSensors)
    .values(sensorIds.map((sensorId) => ({ captureSessionId, runId, sensorId, recording: true })))
    .onConflictDoUpdate({ target: [captureSessionSensors.captureSessionId, captureSessionSensors.sensorId], set: { recording: true } });
}

/** Stops the sensors (all of the session's when `sensorIds` is left out) recording into the session; readings stay. */
export async function stopRecording(db: Queryable, { captureSessionId, sensorIds }: { captureSessionId: string; sensorIds?: string[] }) {
  if (sensorIds?.length === 0) return;
  const conditions = [eq(captureSessionSensors.captureSessionId, captureSessionId), eq(captureSessionSensors.recording, true)];
  if (sensorIds) conditions.push(inArray(captureSessionSensors.sensorId, sensorIds));
  await db.update(captureSessionSensors).set({ recording: false }).where(and(...conditions));
}
