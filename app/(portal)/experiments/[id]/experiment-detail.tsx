"use client";
// One experiment, in whichever of the user's projects it lives: the project comes from `project.locate`, not from the
// active project, so a shared link works for every member.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { idSchema } from "@/contracts/common";
import { can } from "@/domain/access";
import { ErrorNotice } from "../../../_components/error-notice";
import { ProjectNotice, type Located } from "../../../_components/project-notice";
import { EmptyState, Skeleton } from "../../../_components/skeleton";
import { StatusBadge } from "../../../_components/status-badge";
import { errorCodeOf, messageOf } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { ExperimentActions } from "./experiment-actions";
import { ExperimentInfo } from "./experiment-info";
import { RunsSection } from "./runs-section";

export function ExperimentDetail({ id }: { id: string }) {
  return (
    <>
      <p>
        <Link href="/experiments">← Experiments</Link>
      </p>
      {idSchema.safeParse(id).success ? <LocatedExperiment id={id} /> : <NotFound />}
    </>
  );
}

function LocatedExperiment({ id }: { id: string }) {
  const trpc = useTRPC();
  const located = useQuery(trpc.project.locate.queryOptions({ kind: "experiment", id }));
  if (located.isPending) return <Skeleton lines={8} label="Loading experiment" />;
  if (located.isError) {
    if (errorCodeOf(located.error) === "NOT_FOUND") return <NotFound />;
    return <ErrorNotice message={messageOf(located.error)} onRetry={() => void located.refetch()} />;
  }
  return <Experiment id={id} located={located.data} />;
}

function Experiment({ id, located }: { id: string; located: Located }) {
  const trpc = useTRPC();
  const { projectId } = located;
  const query = useQuery(trpc.experiment.byId.queryOptions({ projectId, id }));
  if (query.isPending) return <Skeleton lines={8} label="Loading experiment" />;
  if (query.isError) {
    if (errorCodeOf(query.error) === "NOT_FOUND") return <NotFound />;
    return <ErrorNotice message={messageOf(query.error)} onRetry={() => void query.refetch()} />;
  }
  const experiment = query.data;
  return (
    <>
      <div className="row" style={{ alignItems: "flex-start" }}>
        <div style={{ minWidth: 0 }}>
          <div className="row" style={{ gap: "0.5rem" }}>
            <h1 style={{ overflowWrap: "anywhere" }}>{experiment.name}</h1>
            <StatusBadge status={experiment.status} testId="experiment-status" />
          </div>
          <p className="muted">in {located.projectName}</p>
        </div>
        <span className="spacer" />
        {can(located.role, "experiments:write") ? <ExperimentActions projectId={projectId} experiment={experiment} /> : null}
      </div>
      <ProjectNotice located={located} />
      <ExperimentInfo experiment={experiment} />
      <RunsSection experimentId={experiment.id} projectId={projectId} />
    </>
  );
}

function NotFound() {
  return (
    <EmptyState title="Experiment not found">
      <p>It does not exist, was deleted, or is in a project you are not a member of.</p>
      <Link href="/experiments">Back to experiments</Link>
    </EmptyState>
  );
}
