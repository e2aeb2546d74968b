// "Stored against the sensor alone, so nothing is lost, and they can be attached later": moves a sensor's unattached
// readings into a run or session under the same late-data policy as ingest, in one audited transaction.
import type { AttachReadingsInput, UnattachedReadingsInput } from "../../../contracts/telemetry";
import { attachUnattached, lockAttachTarget, summariseUnattached } from "../../../db/queries/telemetry-attach";
import { DomainError } from "../../../domain/errors";
import { decideLateData } from "../../../domain/telemetry/late-data";
import { recordAudit } from "../../audit";
import type { ProjectContext } from "../context";
import { findSensorOrThrow } from "../sensor/shared";

export async function unattached(ctx: ProjectContext, input: UnattachedReadingsInput) {
  await findSensorOrThrow(ctx.db, ctx, input.sensorId);
  return summariseUnattached(ctx.db, input.sensorId);
}

export async function attach(ctx: ProjectContext, input: AttachReadingsInput, now = new Date()) {
  return ctx.db.transaction(async (tx) => {
    await findSensorOrThrow(tx, ctx, input.sensorId);
    const target = await lockAttachTarget(tx, { projectId: ctx.project.id, runId: input.runId, captureSessionId: input.captureSessionId });
    if (!target) throw new DomainError("NOT_FOUND", input.captureSessionId ? "Capture session not found." : "Run not found.");
    const { late } = decideLateData(target);
    const from = input.from ?? target.started;
    const to = input.to ?? target.ended ?? now;
    if (!from) {
      throw new DomainError("BAD_INPUT", "This run has not started, so it has no time window: give 'from' and 'to'.", { fieldErrors: { from: ["Give the start of the window"] } });
    }
    const attached = await attachUnattached(tx, { sensorId: input.sensorId, runId: target.runId, captureSessionId: input.captureSessionId ?? null, late, from, to });
    // A repeat that finds nothing left to move changes nothing, so it leaves no audit event either.
    if (attached > 0) {
      await recordAudit(tx, ctx, {
        action: "telemetry.attached",
        entityType: "run",
        entityId: target.runId,
        after: { sensorId: input.sensorId, captureSessionId: input.captureSessionId ?? null, from, to, attached, late },
      });
    }
    return { attached, runId: target.runId, captureSessionId: input.captureSessionId ?? null, late, from, to };
  });
}
