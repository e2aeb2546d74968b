"use client";
// The run's capture sessions: the one running now (with a live timer), a button to start the next, and all of them.
// Only a running run takes sessions, and only one at a time; the server enforces both, the button just says so first.
import { useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { toast } from "sonner";
import type { AppRouter } from "@/server/trpc/app-router";
import { ErrorNotice } from "../../../_components/error-notice";
import { FormError } from "../../../_components/form";
import { Skeleton } from "../../../_components/skeleton";
import { messageOf } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { newIdempotencyKey } from "../../experiments/experiment-format";
import { ActiveSession } from "./active-session";
import type { RunDetails } from "./run-detail";
import { SessionTable } from "./session-table";
import { useRefreshRun } from "./use-refresh-run";

export type CaptureSession = inferRouterOutputs<AppRouter>["captureSession"]["list"][number];

interface Props {
  projectId: string;
  run: Pick<RunDetails, "id" | "status">;
  canWrite: boolean;
}

export function CaptureSessions({ projectId, run, canWrite }: Props) {
  const trpc = useTRPC();
  const refresh = useRefreshRun();
  const query = useQuery(trpc.captureSession.list.queryOptions({ projectId, runId: run.id }));
  const start = useMutation(
    trpc.captureSession.start.mutationOptions({
      onSuccess: async (session) => {
        toast.success(`Session #${session.ordinalNumber} started`);
        await refresh();
      },
    }),
  );
  const sessions = query.data ?? [];
  const running = sessions.find((s) => s.status === "running") ?? null;
  const blocked =
    run.status !== "running" ? "Sessions start only while the run is running." : running ? `Stop session #${running.ordinalNumber} before starting another.` : null;

  return (
    <section className="card" aria-labelledby="sessions-heading" data-testid="capture-sessions">
      <div className="row" style={{ marginBottom: "0.75rem" }}>
        <h2 id="sessions-heading" style={{ margin: 0 }}>
          Capture sessions
        </h2>
        <span className="spacer" />
        {canWrite ? (
          <>
            {blocked && query.isSuccess ? (
              <span id="session-start-hint" className="muted" style={{ fontSize: "0.85rem" }}>
                {blocked}
              </span>
            ) : null}
            <button
              type="button"
              className="btn btn-primary"
              data-testid="session-start"
              disabled={!query.isSuccess || blocked !== null || start.isPending}
              aria-describedby={blocked ? "session-start-hint" : undefined}
              // A fresh key per click: a retried request of the same click replays, a new click starts a new session.
              onClick={() => start.mutate({ projectId, runId: run.id, idempotencyKey: newIdempotencyKey() })}
            >
              {start.isPending ? "Starting…" : "Start session"}
            </button>
          </>
        ) : null}
      </div>
      {start.isError ? <FormError message={messageOf(start.error)} /> : null}
      {query.isPending ? (
        <Skeleton lines={3} label="Loading capture sessions" />
      ) : query.isError ? (
        <ErrorNotice message={messageOf(query.error)} onRetry={() => void query.refetch()} />
      ) : (
        <>
          {running ? <ActiveSession key={running.id} projectId={projectId} session={running} receivedAt={query.dataUpdatedAt} canWrite={canWrite} /> : null}
          {sessions.length > 0 ? (
            <SessionTable projectId={projectId} sessions={sessions} receivedAt={query.dataUpdatedAt} canWrite={canWrite} />
          ) : (
            <p className="muted" data-testid="sessions-empty">
              No capture sessions yet.
            </p>
          )}
        </>
      )}
    </section>
  );
}
