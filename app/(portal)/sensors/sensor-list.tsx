"use client";
// The sensors of the active project, 50 at a time; writers can register a new one and see its token once.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { DataTable } from "../../_components/data-table";
import { ErrorNotice } from "../../_components/error-notice";
import { NoProject } from "../../_components/no-project";
import { PagedResults } from "../../_components/paged-results";
import { EmptyState, Skeleton } from "../../_components/skeleton";
import { messageOf } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { useActiveProject, useMe } from "../../_lib/use-active-project";
import { CreateSensorDialog } from "./create-sensor-dialog";
import { SENSOR_COLUMNS, SensorRow } from "./sensor-row";
import { TokenDialog } from "./token-dialog";

const PAGE_SIZE = 50;

export function SensorList() {
  const me = useMe();
  const { project, isLoading, error, can } = useActiveProject();
  if (isLoading) return <Skeleton lines={6} label="Loading sensors" />;
  if (error) return <ErrorNotice message={messageOf(error)} onRetry={() => void me.refetch()} />;
  if (!project) return <NoProject />;
  return <Sensors key={project.id} projectId={project.id} projectName={project.name} canWrite={can("sensors:write")} />;
}

function Sensors({ projectId, projectName, canWrite }: { projectId: string; projectName: string; canWrite: boolean }) {
  const trpc = useTRPC();
  const [creating, setCreating] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const query = useInfiniteQuery(
    trpc.sensor.list.infiniteQueryOptions({ projectId, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const newButton = canWrite ? (
    <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="sensor-new-button">
      New sensor
    </button>
  ) : null;

  return (
    <>
      <div className="row">
        <div>
          <h1>Sensors</h1>
          <p className="muted">in {projectName}</p>
        </div>
        <span className="spacer" />
        {newButton}
      </div>
      <PagedResults
        query={query}
        loading={{ label: "Loading sensors", lines: 6 }}
        empty={
          <EmptyState title="No sensors yet">
            <p>A sensor sends raw readings with its token; its conversion profile turns them into physical values.</p>
            {canWrite ? null : <p>Ask an editor or owner of this project to register one.</p>}
          </EmptyState>
        }
        loadMore={{ testId: "sensors-load-more", end: "That is all of them." }}
      >
        {(items, more) => (
          <>
            <p className="muted" aria-live="polite">
              Showing {items.length} {items.length === 1 ? "sensor" : "sensors"}
              {more ? " — more below" : ""}
            </p>
            <DataTable columns={SENSOR_COLUMNS} testId="sensor-table" busy={query.isFetching}>
              {items.map((sensor) => (
                <SensorRow key={sensor.id} sensor={sensor} />
              ))}
            </DataTable>
          </>
        )}
      </PagedResults>
      {canWrite ? <CreateSensorDialog open={creating} onClose={() => setCreating(false)} projectId={projectId} onCreated={setToken} /> : null}
      <TokenDialog token={token} onClose={() => setToken(null)} title="Sensor created" />
    </>
  );
}
