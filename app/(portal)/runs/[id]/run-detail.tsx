"use client";
// One run, in whichever of the user's projects it lives: the project comes from `project.locate`, not from the active
// project, so a shared link works for every member; the located role decides whether write controls show.
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { idSchema } from "@/contracts/common";
import { can } from "@/domain/access";
import type { AppRouter } from "@/server/trpc/app-router";
import { ErrorNotice } from "../../../_components/error-notice";
import { LiveTelemetryPanel } from "../../../_components/live-telemetry-panels";
import { ProjectNotice, type Located } from "../../../_components/project-notice";
import { EmptyState, Skeleton } from "../../../_components/skeleton";
import { StatusBadge } from "../../../_components/status-badge";
import { errorCodeOf, messageOf } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { CaptureSessions } from "./capture-sessions";
import { RunActions } from "./run-actions";
import { RunHistory } from "./run-history";
import { RunInfo } from "./run-info";
import { RunJobs } from "./run-jobs";
import { RunSensors } from "./run-sensors";
import { TelemetryHistory } from "./telemetry-history";

export type RunDetails = inferRouterOutputs<AppRouter>["run"]["byId"];

export function RunDetail({ id }: { id: string }) {
  return idSchema.safeParse(id).success ? <LocatedRun id={id} /> : <NotFound />;
}

function LocatedRun({ id }: { id: string }) {
  const trpc = useTRPC();
  const located = useQuery(trpc.project.locate.queryOptions({ kind: "run", id }));
  if (located.isPending) return <Skeleton lines={8} label="Loading run" />;
  if (located.isError) {
    if (errorCodeOf(located.error) === "NOT_FOUND") return <NotFound />;
    return <ErrorNotice message={messageOf(located.error)} onRetry={() => void located.refetch()} />;
  }
  return <Run id={id} located={located.data} />;
}

function Run({ id, located }: { id: string; located: Located }) {
  const trpc = useTRPC();
  const { projectId } = located;
  const query = useQuery(trpc.run.byId.queryOptions({ projectId, id }));
  if (query.isPending) return <Skeleton lines={8} label="Loading run" />;
  if (query.isError) {
    if (errorCodeOf(query.error) === "NOT_FOUND") return <NotFound />;
    return <ErrorNotice message={messageOf(query.error)} onRetry={() => void query.refetch()} />;
  }
  const run = query.data;
  const canWrite = can(located.role, "runs:write");
  return (
    <>
      <nav aria-label="Breadcrumb" data-testid="run-breadcrumb">
        <p>
          <Link href="/experiments">Experiments</Link> <span aria-hidden="true">/</span>{" "}
          <Link href={`/experiments/${run.experimentId}`}>{run.experimentName}</Link> <span aria-hidden="true">/</span>{" "}
          <span aria-current="page">{run.name}</span>
        </p>
      </nav>
      <div className="row" style={{ alignItems: "flex-start" }}>
        <div style={{ minWidth: 0 }}>
          <div className="row" style={{ gap: "0.5rem" }}>
            <h1 style={{ overflowWrap: "anywhere" }} data-testid="run-name">
              {run.name}
            </h1>
            <StatusBadge status={run.status} testId="run-status" />
          </div>
          <p className="muted">in {located.projectName}</p>
        </div>
        <span className="spacer" />
        {canWrite ? <RunActions projectId={projectId} run={run} /> : null}
      </div>
      <ProjectNotice located={located} subject="run" />
      <RunInfo run={run} receivedAt={query.dataUpdatedAt} />
      <LiveTelemetryPanel projectId={projectId} runId={run.id} />
      <RunSensors projectId={projectId} run={run} canWrite={canWrite} />
      <CaptureSessions projectId={projectId} run={run} canWrite={canWrite} />
      <TelemetryHistory projectId={projectId} runId={run.id} />
      <RunJobs projectId={projectId} run={run} canWrite={canWrite} />
      <RunHistory projectId={projectId} runId={run.id} />
    </>
  );
}

function NotFound() {
  return (
    <EmptyState title="Run not found">
      <p>It does not exist, was deleted, or is in a project you are not a member of.</p>
      <Link href="/experiments">Back to experiments</Link>
    </EmptyState>
  );
}
