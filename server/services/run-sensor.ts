// The sensors a run records, and claiming them for a running capture session. A sensor records into at most one
// running session: checked here with names for the 409, and enforced by ONE_RECORDING_INDEX when two claims race.
import type { ListRunSensorsInput, SetRunSensorsInput } from "../../contracts/run-sensor";
import type { Queryable, Tx } from "../../db/client";
import { findRunningSession, violatedUniqueIndex } from "../../db/queries/capture-sessions";
import * as q from "../../db/queries/run-sensors";
import { findRunInProject, lockRunInProject } from "../../db/queries/runs";
import { sensorRecordingConflict, sensorRecordingRace } from "../../domain/capture-session/recording";
import { DomainError } from "../../domain/errors";
import { recordAudit } from "../audit";
import type { ProjectContext } from "./context";

const runNotFound = () => new DomainError("NOT_FOUND", "Run not found.");

/** Marks the sensors as recording into the session, or a 409 naming where the first of them already records. */
async function claimSensors(tx: Tx, claim: { captureSessionId: string; runId: string; sensorIds: string[] }) {
  const [elsewhere] = await q.findRecorders(tx, claim.sensorIds, claim.captureSessionId);
  if (elsewhere) throw sensorRecordingConflict(elsewhere);
  await q.startRecording(tx, claim);
}

/**
 * Starts the run's sensors (`ids`, read with listRunSensorIds under the run's lock) recording into its new session;
 * call inside the transaction that started it.
 */
export async function recordRunSensors(tx: Tx, session: { projectId: string; runId: string; captureSessionId: string }, ids: string[]) {
  const sensorIds = await q.lockProjectSensors(tx, { projectId: session.projectId, ids });
  await claimSensors(tx, { ...session, sensorIds });
  return sensorIds;
}

/**
 * After a write broke ONE_RECORDING_INDEX and its transaction rolled back: the 409 naming where one of `sensorIds`
 * records now (the other claimant has committed, or we would not have failed). Any other error is returned as is.
 */
export async function recordingConflictAfter(error: unknown, db: Queryable, sensorIds: () => Promise<string[]>): Promise<unknown> {
  if (violatedUniqueIndex(error) !== q.ONE_RECORDING_INDEX) return error;
  const [elsewhere] = await q.findRecorders(db, await sensorIds());
  return elsewhere ? sensorRecordingConflict(elsewhere) : sensorRecordingRace();
}

export async function list(ctx: ProjectContext, input: ListRunSensorsInput) {
  const found = await findRunInProject(ctx.db, { projectId: ctx.project.id, runId: input.runId });
  if (!found) throw runNotFound();
  const rows = await q.listRunSensors(ctx.db, { projectId: ctx.project.id, runId: found.run.id });
  return rows.map(({ recording, ...sensor }) => ({
    ...sensor,
    recording:
      recording.captureSessionId && recording.runId
        ? { runId: recording.runId, runName: recording.runName ?? "", captureSessionId: recording.captureSessionId, ordinal: Number(recording.ordinal) }
        : null,
  }));
}

function sensorsNotFound(missing: string[]): DomainError {
  const message = `Sensor ${missing[0]} does not exist or is not in this project.`;
  return new DomainError("NOT_FOUND", missing.length > 1 ? `${message} (${missing.length - 1} more)` : message, {
    sensorIds: missing,
    fieldErrors: { sensorIds: [message] },
  });
}

/** Replaces the run's sensors; during a running session, added sensors start and removed ones stop recording into it. */
export async function set(ctx: ProjectContext, input: SetRunSensorsInput) {
  const projectId = ctx.project.id;
  let added: string[] = [];
  try {
    await ctx.db.transaction(async (tx) => {
      // The run lock orders this against a session starting or stopping in the same run.
      const run = await lockRunInProject(tx, { projectId, runId: input.runId });
      if (!run) throw runNotFound();
      const wanted = await q.lockProjectSensors(tx, { projectId, ids: input.sensorIds });
      if (wanted.length < input.sensorIds.length) throw sensorsNotFound(input.sensorIds.filter((id) => !wanted.includes(id)));
      const before = await q.listRunSensorIds(tx, { projectId, runId: run.id });
      added = wanted.filter((id) => !before.includes(id));
      const removed = before.filter((id) => !wanted.includes(id));
      if (added.length === 0 && removed.length === 0) return;
      await q.deleteRunSensors(tx, { runId: run.id, sensorIds: removed });
      await q.insertRunSensors(tx, { runId: run.id, sensorIds: added, addedBy: ctx.user.id });
      const running = await findRunningSession(tx, run.id);
      if (running) {
        await q.stopRecording(tx, { captureSessionId: running.id, sensorIds: removed });
        await claimSensors(tx, { captureSessionId: running.id, runId: run.id, sensorIds: added });
      }
      await recordAudit(tx, ctx, {
        action: "run.sensors_changed",
        entityType: "run",
        entityId: run.id,
        before: { sensorIds: before },
        after: { sensorIds: wanted, added, removed, captureSessionId: running?.id ?? null },
      });
    });
  } catch (error) {
    throw await recordingConflictAfter(error, ctx.db, async () => added);
  }
  return list(ctx, input);
}
