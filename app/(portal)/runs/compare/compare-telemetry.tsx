"use client";
// The compared runs' telemetry on one axis aligned at each session's start: the first session of every run is
// overlaid by default, and any other session of these runs can be ticked in.
import { useQueries } from "@tanstack/react-query";
import { ErrorNotice } from "../../../_components/error-notice";
import { Skeleton } from "../../../_components/skeleton";
import { messageOf } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { TelemetryOverlay, type SessionOption } from "../[id]/telemetry-history-overlay";

export function CompareTelemetry({ projectId, runs }: { projectId: string; runs: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const lists = useQueries({ queries: runs.map((run) => trpc.captureSession.list.queryOptions({ projectId, runId: run.id })) });
  const failed = lists.find((q) => q.isError);
  let body;
  if (lists.some((q) => q.isPending)) body = <Skeleton lines={4} label="Loading capture sessions" />;
  else if (failed) body = <ErrorNotice message={messageOf(failed.error)} onRetry={() => lists.forEach((q) => void q.refetch())} />;
  else {
    const perRun = runs.map((run, i) =>
      [...(lists[i]!.data ?? [])]
        .sort((a, b) => a.ordinalNumber - b.ordinalNumber)
        .map((s): SessionOption => ({ id: s.id, ordinalNumber: s.ordinalNumber, label: `${run.name} #${s.ordinalNumber}` })),
    );
    const sessions = perRun.flat();
    const firsts = perRun.flatMap((list) => list.slice(0, 1).map((s) => s.id));
    body =
      sessions.length < 2 ? (
        <p className="muted" data-testid="compare-telemetry-empty">
          Overlaying needs at least two capture sessions among these runs.
        </p>
      ) : (
        <TelemetryOverlay projectId={projectId} sessions={sessions} initial={firsts.length >= 2 ? firsts : undefined} />
      );
  }
  return (
    <section className="card" aria-labelledby="compare-telemetry-heading" data-testid="compare-telemetry">
      <h2 id="compare-telemetry-heading">Telemetry, aligned at session start</h2>
      {body}
    </section>
  );
}
