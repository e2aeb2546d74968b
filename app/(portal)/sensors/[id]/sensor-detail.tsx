"use client";
// One sensor, read through the ACTIVE project: a sensor belongs to several projects, and every call is checked against
// the one it is made in. A sensor outside the active project shows as not found, with a hint to switch projects.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { idSchema } from "@/contracts/common";
import { ErrorNotice } from "../../../_components/error-notice";
import { LiveTelemetryButton } from "../../../_components/live-telemetry-panels";
import { NoProject } from "../../../_components/no-project";
import { EmptyState, Skeleton } from "../../../_components/skeleton";
import { errorCodeOf, messageOf } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { useActiveProject, useMe } from "../../../_lib/use-active-project";
import { SensorActions } from "./sensor-actions";
import { SensorConversion } from "./sensor-conversion";
import { SensorInfo } from "./sensor-info";
import { SensorProjects } from "./sensor-projects";
import { SensorTokens } from "./sensor-tokens";
import { TelemetryStats } from "./telemetry-stats";

export function SensorDetail({ id }: { id: string }) {
  const me = useMe();
  const { project, isLoading, error, can } = useActiveProject();
  let body;
  if (isLoading) body = <Skeleton lines={8} label="Loading sensor" />;
  else if (error) body = <ErrorNotice message={messageOf(error)} onRetry={() => void me.refetch()} />;
  else if (!project) body = <NoProject />;
  else if (!idSchema.safeParse(id).success) body = <NotFound projectName={project.name} />;
  else body = <Sensor key={project.id} id={id} projectId={project.id} projectName={project.name} canWrite={can("sensors:write")} />;
  return (
    <>
      <p>
        <Link href="/sensors">← Sensors</Link>
      </p>
      {body}
    </>
  );
}

interface SensorProps {
  id: string;
  projectId: string;
  projectName: string;
  canWrite: boolean;
}

function Sensor({ id, projectId, projectName, canWrite }: SensorProps) {
  const trpc = useTRPC();
  const query = useQuery(trpc.sensor.byId.queryOptions({ projectId, id }));
  if (query.isPending) return <Skeleton lines={8} label="Loading sensor" />;
  if (query.isError) {
    if (errorCodeOf(query.error) === "NOT_FOUND") return <NotFound projectName={projectName} />;
    return <ErrorNotice message={messageOf(query.error)} onRetry={() => void query.refetch()} />;
  }
  const sensor = query.data;
  return (
    <>
      <div className="row" style={{ alignItems: "flex-start" }}>
        <div style={{ minWidth: 0 }}>
          <h1 style={{ overflowWrap: "anywhere" }}>{sensor.name}</h1>
          <p className="muted">viewed in {projectName}</p>
        </div>
        <span className="spacer" />
        <LiveTelemetryButton sensor={sensor} />
        {canWrite ? <SensorActions projectId={projectId} sensor={sensor} /> : null}
      </div>
      <SensorInfo sensor={sensor} />
      <SensorProjects projectId={projectId} sensor={sensor} canWrite={canWrite} />
      <SensorTokens projectId={projectId} sensor={sensor} canWrite={canWrite} />
      <TelemetryStats projectId={projectId} sensorId={sensor.id} canWrite={canWrite} />
      <SensorConversion projectId={projectId} sensor={sensor} canWrite={canWrite} />
    </>
  );
}

function NotFound({ projectName }: { projectName: string }) {
  return (
    <EmptyState title="Sensor not found in this project">
      <p>It does not exist, was deleted, or is not part of {projectName}. If it belongs to another of your projects, switch to that project.</p>
      <Link href="/sensors">Back to sensors</Link>
    </EmptyState>
  );
}
