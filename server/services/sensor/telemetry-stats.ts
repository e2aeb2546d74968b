// The sensor page's live telemetry figures (last seen, readings/s, online, clock offset) and the clock-correction
// setting. The offset estimate is the same median ingest uses, so what the page shows is what correction applies.
import type { SensorTelemetryStatsInput, SetClockCorrectionInput } from "../../../contracts/telemetry";
import { loadSensorTelemetryFigures, lockClockCorrection, updateClockCorrection } from "../../../db/queries/telemetry-stats";
import { recentClockOffsets } from "../../../db/queries/telemetry-write";
import { CLOCK_OFFSET_MAX_SAMPLES, CLOCK_OFFSET_WINDOW_MS, estimateClockOffset } from "../../../domain/telemetry/clock-offset";
import { isSensorOnline, ONLINE_WINDOW_MS, readingsPerSecond } from "../../../domain/telemetry/presence";
import { recordAudit } from "../../audit";
import type { ProjectContext } from "../context";
import { findSensorOrThrow } from "./shared";

export async function telemetryStats(ctx: ProjectContext, input: SensorTelemetryStatsInput) {
  const sensor = await findSensorOrThrow(ctx.db, ctx, input.id);
  const now = new Date();
  const [figures, offsets] = await Promise.all([
    loadSensorTelemetryFigures(ctx.db, sensor.id, new Date(now.getTime() - ONLINE_WINDOW_MS)),
    recentClockOffsets(ctx.db, sensor.id, new Date(now.getTime() - CLOCK_OFFSET_WINDOW_MS), CLOCK_OFFSET_MAX_SAMPLES),
  ]);
  return {
    tokenHint: figures.tokenHint,
    lastSeenAt: figures.lastSeenAt,
    readingsPerSecondLastMinute: readingsPerSecond(figures.acceptedInWindow),
    online: isSensorOnline(figures.lastSeenAt, now),
    clockOffsetMs: estimateClockOffset(offsets, now.getTime()),
    clockCorrection: figures.clockCorrection,
  };
}

export async function setClockCorrection(ctx: ProjectContext, input: SetClockCorrectionInput) {
  return ctx.db.transaction(async (tx) => {
    // Not the sensor row lock (findSensorOrThrow's forUpdate): ingest holds the ingest-state row and then needs a key
    // share on the sensor for a first insert; locking in the opposite order here could deadlock with it.
    const sensor = await findSensorOrThrow(tx, ctx, input.id);
    const before = await lockClockCorrection(tx, sensor.id);
    if (before !== input.enabled) {
      await updateClockCorrection(tx, sensor.id, input.enabled);
      await recordAudit(tx, ctx, {
        action: "sensor.clock_correction_changed",
        entityType: "sensor",
        entityId: sensor.id,
        before: { clockCorrection: before },
        after: { clockCorrection: input.enabled },
      });
    }
    return { id: sensor.id, clockCorrection: input.enabled };
  });
}
