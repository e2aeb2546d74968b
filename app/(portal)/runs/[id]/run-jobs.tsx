"use client";
// Telemetry maintenance on the run page: reprocess jobs with live progress (each unfinished job polls job.byId every
// second until it ends), and the buttons that open the attach, CSV import and reprocess dialogs for writers.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useEffect, useState } from "react";
import type { AppRouter } from "@/server/trpc/app-router";
import { ErrorNotice } from "../../../_components/error-notice";
import { Skeleton } from "../../../_components/skeleton";
import { StatusBadge } from "../../../_components/status-badge";
import { messageOf } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { AttachReadingsDialog } from "./attach-readings-dialog";
import { ImportCsvDialog } from "./import-csv-dialog";
import { ReprocessDialog } from "./reprocess-dialog";

export type Job = inferRouterOutputs<AppRouter>["job"]["list"][number];

interface Props {
  projectId: string;
  run: { id: string; status: string };
  canWrite: boolean;
}

const isActive = (job: Job) => job.status === "queued" || job.status === "running";

export function RunJobs({ projectId, run, canWrite }: Props) {
  const trpc = useTRPC();
  const [open, setOpen] = useState<"reprocess" | "import" | "attach" | null>(null);
  const jobs = useQuery(trpc.job.list.queryOptions({ projectId, runId: run.id }));
  const sensors = useQuery(trpc.runSensor.list.queryOptions({ projectId, runId: run.id }));
  const sensorName = (id: string | null) => sensors.data?.find((s) => s.id === id)?.name ?? "a sensor";
  const archived = run.status === "archived";

  return (
    <section className="card" aria-labelledby="run-jobs-heading" data-testid="run-jobs">
      <div className="row" style={{ marginBottom: "0.75rem" }}>
        <h2 id="run-jobs-heading" style={{ margin: 0 }}>
          Telemetry maintenance
        </h2>
        <span className="spacer" />
        {canWrite ? (
          <>
            {archived ? <span className="muted" style={{ fontSize: "0.85rem" }}>Archived runs are read-only.</span> : null}
            <button type="button" className="btn" disabled={archived} onClick={() => setOpen("attach")} data-testid="attach-open">
              Attach readings…
            </button>
            <button type="button" className="btn" disabled={archived} onClick={() => setOpen("import")} data-testid="import-csv-open">
              Import CSV…
            </button>
            <button type="button" className="btn" disabled={archived} onClick={() => setOpen("reprocess")} data-testid="reprocess-open">
              Reprocess…
            </button>
          </>
        ) : null}
      </div>
      {jobs.isPending ? (
        <Skeleton lines={2} label="Loading jobs" />
      ) : jobs.isError ? (
        <ErrorNotice message={messageOf(jobs.error)} onRetry={() => void jobs.refetch()} />
      ) : jobs.data.length === 0 ? (
        <p className="muted" data-testid="run-jobs-empty">
          No reprocessing yet. Reprocessing recomputes a sensor&apos;s physical values in this run with another version of its conversion profile; raw
          values never change.
        </p>
      ) : (
        <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {jobs.data.map((job) => (
            <JobRow key={job.id} projectId={projectId} initial={job} sensorName={sensorName(job.sensorId)} />
          ))}
        </ul>
      )}
      {open === "reprocess" ? <ReprocessDialog projectId={projectId} runId={run.id} onClose={() => setOpen(null)} /> : null}
      {open === "import" ? <ImportCsvDialog projectId={projectId} runId={run.id} onClose={() => setOpen(null)} /> : null}
      {open === "attach" ? <AttachReadingsDialog projectId={projectId} runId={run.id} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}

function JobRow({ projectId, initial, sensorName }: { projectId: string; initial: Job; sensorName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery({
    ...trpc.job.byId.queryOptions({ projectId, id: initial.id }),
    initialData: initial,
    refetchInterval: (q) => (q.state.data && isActive(q.state.data) ? 1_000 : false),
  });
  const job = query.data;
  const active = isActive(job);
  // When a job ends, the list (and charts reading the new values) should see it too.
  useEffect(() => {
    if (active || !isActive(initial)) return;
    void queryClient.invalidateQueries({ queryKey: trpc.job.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.telemetry.pathKey() });
  }, [active, initial, queryClient, trpc]);
  const percent = job.total > 0 ? Math.round((job.progress / job.total) * 100) : active ? null : 100;

  return (
    <li data-testid="run-job" data-status={job.status} style={{ padding: "0.5rem 0", borderBottom: "1px solid var(--border)" }}>
      <div className="row" style={{ gap: "0.5rem" }}>
        {job.status === "queued" ? <span className="badge">queued</span> : <StatusBadge status={job.status} />}
        <span>
          Reprocess <strong>{sensorName}</strong> with profile v{job.profileVersion} · {job.captureSessionId ? "one session" : "whole run"}
        </span>
        <span className="spacer" />
        <span className="muted" data-testid="run-job-count">
          {job.progress.toLocaleString()} / {job.total > 0 ? job.total.toLocaleString() : "…"} readings
          {job.skipped > 0 ? ` · ${job.skipped.toLocaleString()} kept (out of range)` : ""}
        </span>
      </div>
      {active ? (
        <progress
          max={100}
          value={percent ?? undefined}
          aria-label={`Reprocess progress for ${sensorName}`}
          data-testid="run-job-progress"
          style={{ width: "100%", marginTop: "0.35rem" }}
        />
      ) : null}
      {job.error ? (
        <p className={job.status === "failed" ? "field-error" : "muted"} role={job.status === "failed" ? "alert" : undefined} style={{ margin: "0.25rem 0 0" }}>
          {job.status === "failed" ? "Failed: " : "Retrying after: "}
          {job.error}
        </p>
      ) : null}
    </li>
  );
}
