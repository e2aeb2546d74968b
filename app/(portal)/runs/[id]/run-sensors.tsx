"use client";
// The sensors this run records: every capture session of the run records from them. Writers choose them from the
// sensors of the run's project; while a session runs, added sensors start and removed ones stop recording into it.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { AppRouter } from "@/server/trpc/app-router";
import { ErrorNotice } from "../../../_components/error-notice";
import { Skeleton } from "../../../_components/skeleton";
import { messageOf } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { RunSensorPicker } from "./run-sensor-picker";

type RunSensor = inferRouterOutputs<AppRouter>["runSensor"]["list"][number];

interface Props {
  projectId: string;
  run: { id: string };
  canWrite: boolean;
}

export function RunSensors({ projectId, run, canWrite }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const query = useQuery(trpc.runSensor.list.queryOptions({ projectId, runId: run.id }));
  // Shares the capture-session panel's cache entry: a session starting or stopping changes what records.
  const sessions = useQuery(trpc.captureSession.list.queryOptions({ projectId, runId: run.id }));
  const runningId = sessions.data?.find((s) => s.status === "running")?.id ?? null;
  const seenRunning = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!sessions.isSuccess) return;
    const changed = seenRunning.current !== undefined && seenRunning.current !== runningId;
    seenRunning.current = runningId;
    if (changed) void queryClient.invalidateQueries({ queryKey: trpc.runSensor.list.queryKey({ projectId, runId: run.id }) });
  }, [sessions.isSuccess, runningId, queryClient, trpc, projectId, run.id]);

  return (
    <section className="card" aria-labelledby="run-sensors-heading" data-testid="run-sensors">
      <div className="row" style={{ marginBottom: "0.75rem" }}>
        <h2 id="run-sensors-heading" style={{ margin: 0 }}>
          Sensors
        </h2>
        <span className="spacer" />
        {canWrite ? (
          <button type="button" className="btn" disabled={!query.isSuccess} onClick={() => setEditing(true)} data-testid="run-sensors-edit">
            Choose sensors…
          </button>
        ) : null}
      </div>
      {query.isPending ? (
        <Skeleton lines={2} label="Loading the run's sensors" />
      ) : query.isError ? (
        <ErrorNotice message={messageOf(query.error)} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <p className="muted" data-testid="run-sensors-empty">
          No sensors yet. Every capture session of this run records from the sensors listed here.{" "}
          {canWrite ? "Use “Choose sensors…” to pick them from this project's sensors." : "An editor or owner of the project can choose them."}
        </p>
      ) : (
        <SensorTable sensors={query.data} runId={run.id} />
      )}
      {editing && query.isSuccess ? (
        <RunSensorPicker
          projectId={projectId}
          runId={run.id}
          current={query.data.map((s) => s.id)}
          recordingNow={runningId !== null}
          onClose={() => setEditing(false)}
        />
      ) : null}
    </section>
  );
}

function SensorTable({ sensors, runId }: { sensors: RunSensor[]; runId: string }) {
  return (
    <table className="table" aria-labelledby="run-sensors-heading" data-testid="run-sensors-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Unit</th>
          <th scope="col">Recording</th>
        </tr>
      </thead>
      <tbody>
        {sensors.map((s) => (
          <tr key={s.id} data-testid="run-sensor-row">
            <td>
              <Link href={`/sensors/${s.id}`}>{s.name}</Link>
            </td>
            <td>{s.type}</td>
            <td>
              {s.unit} <span className="muted">(raw {s.rawUnit})</span>
            </td>
            <td>
              {s.recording ? (
                <span className="badge" data-testid="run-sensor-recording">
                  {s.recording.runId === runId ? (
                    `recording · session #${s.recording.ordinal}`
                  ) : (
                    <>
                      recording into <Link href={`/runs/${s.recording.runId}`}>“{s.recording.runName}”</Link> #{s.recording.ordinal}
                    </>
                  )}
                </span>
              ) : (
                <span className="muted">idle</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
