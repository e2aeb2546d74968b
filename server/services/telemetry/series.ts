// Historical charts: the downsampled series of every sensor of a run or capture session, and several sessions overlaid
// at their start. The time window comes from the run/sessions (start … end, or now while recording), widened to any
// reading stored outside it (backfills), so nothing stored against the scope is cut off.
import type { TelemetryOverlayInput, TelemetrySeriesInput } from "../../../contracts/telemetry-read";
import {
  findScopeInProject, scopeExtent, sensorsOfScope, sessionsInProject, sqlRunner, type ReadScope, type ScopeRun, type ScopeSession,
  type SqlRunner,
} from "../../../db/queries/telemetry-read";
import { DomainError } from "../../../domain/errors";
import type { ProjectContext } from "../context";
import { bucketWidthMs } from "./bucket-plan";
import { downsample } from "./downsample";

export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

/** [from, to) covering the run/sessions and every reading of the scope; null when nothing has started or been stored. */
export function scopeWindow(run: ScopeRun | null, sessions: ScopeSession[], extent: TimeWindow | null, nowMs: number): TimeWindow | null {
  const starts = sessions.map((s) => s.startedAtMs);
  const ends = sessions.map((s) => s.endedAtMs ?? nowMs);
  if (run?.startedAtMs != null) {
    starts.push(run.startedAtMs);
    ends.push(run.finishedAtMs ?? nowMs);
  }
  if (extent) {
    starts.push(extent.fromMs);
    ends.push(Math.floor(extent.toMs) + 1);
  }
  if (starts.length === 0) return null;
  return { fromMs: Math.min(...starts), toMs: Math.max(...ends) };
}

function pickSensors<T extends { id: string }>(all: T[], wanted: string[] | undefined): T[] {
  return wanted ? all.filter((s) => wanted.includes(s.id)) : all;
}

export async function series(ctx: ProjectContext, input: TelemetrySeriesInput, runner: SqlRunner = sqlRunner(ctx.db)) {
  const scope: ReadScope = input.runId ? { kind: "run", id: input.runId } : { kind: "session", id: input.captureSessionId! };
  const found = await findScopeInProject(runner, ctx.project.id, scope);
  if (!found) throw new DomainError("NOT_FOUND", scope.kind === "run" ? "Run not found." : "Capture session not found.");
  const window = scopeWindow(scope.kind === "run" ? found.run : null, found.sessions, await scopeExtent(runner, scope), Date.now());
  // The relative axis counts from the (first) session's start; a run without sessions counts from its own start.
  const originMs = found.sessions.length ? Math.min(...found.sessions.map((s) => s.startedAtMs)) : (found.run.startedAtMs ?? window?.fromMs ?? null);
  const sessions = found.sessions.map(({ id, ordinalNumber, startedAtMs, endedAtMs }) => ({ id, ordinalNumber, startedAtMs, endedAtMs }));
  if (!window) return { window, range: null, originMs, sessions, series: [] };
  const range = { fromMs: input.from?.getTime() ?? window.fromMs, toMs: input.to?.getTime() ?? window.toMs };
  const sensors = pickSensors(await sensorsOfScope(runner, { projectId: ctx.project.id, runId: found.run.id, scope, ...window }), input.sensorIds);
  const read = await downsample(runner, { sensorIds: sensors.map((s) => s.id), scope, ...range, buckets: input.buckets });
  return {
    window,
    range,
    originMs,
    sessions,
    series: sensors.map((s, i) => ({ name: s.name, unit: s.unit, ...read[i]! })),
  };
}

export async function overlay(ctx: ProjectContext, input: TelemetryOverlayInput, runner: SqlRunner = sqlRunner(ctx.db)) {
  const found = await sessionsInProject(runner, ctx.project.id, input.captureSessionIds);
  if (found.length !== input.captureSessionIds.length) throw new DomainError("NOT_FOUND", "Capture session not found.");
  const nowMs = Date.now();
  const spans = await Promise.all(
    found.map(async (s) => {
      const window = scopeWindow(null, [s], await scopeExtent(runner, { kind: "session", id: s.id }), nowMs)!;
      return { session: s, window, spanMs: window.toMs - s.startedAtMs };
    }),
  );
  const fromOffsetMs = input.fromOffsetMs ?? 0;
  const toOffsetMs = input.toOffsetMs ?? Math.max(1, ...spans.map((s) => s.spanMs));
  const widthMs = bucketWidthMs(toOffsetMs - fromOffsetMs, input.buckets);
  const perSession = await Promise.all(
    spans.map(async ({ session, window }) => {
      const scope: ReadScope = { kind: "session", id: session.id };
      const sensors = pickSensors(await sensorsOfScope(runner, { projectId: ctx.project.id, runId: session.runId, scope, ...window }), input.sensorIds);
      const start = session.startedAtMs;
      const read = await downsample(runner, {
        sensorIds: sensors.map((s) => s.id), scope, fromMs: start + fromOffsetMs, toMs: start + toOffsetMs, buckets: input.buckets, widthMs,
      });
      return sensors.map((s, i) => ({
        sensorId: s.id,
        name: s.name,
        unit: s.unit,
        captureSessionId: session.id,
        source: read[i]!.source,
        bucketMs: read[i]!.bucketMs,
        points: read[i]!.points.map(({ t, ...rest }) => ({ offsetMs: t - start, ...rest })),
      }));
    }),
  );
  return {
    fromOffsetMs,
    toOffsetMs,
    sessions: found.map(({ id, runId, ordinalNumber, startedAtMs, endedAtMs }) => ({ id, runId, ordinalNumber, startedAtMs, endedAtMs })),
    series: perSession.flat(),
  };
}
