"use client";
// Who changed what on the run and its sessions, when and why; newest first, each with its before/after snapshots.
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import type { AppRouter } from "@/server/trpc/app-router";
import { AuditChanges } from "../../../_components/audit-changes";
import { DataTable } from "../../../_components/data-table";
import { ErrorNotice } from "../../../_components/error-notice";
import { Skeleton } from "../../../_components/skeleton";
import { messageOf } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { DateTime } from "../../experiments/date-time";
import { actionLabel, describeChange } from "../run-format";

type HistoryEvent = inferRouterOutputs<AppRouter>["run"]["history"][number];

const COLUMNS = ["Time", "Actor", "Change", "Status", "Reason", "Details"] as const;

export function RunHistory({ projectId, runId }: { projectId: string; runId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.run.history.queryOptions({ projectId, id: runId }));
  return (
    <section className="card" aria-labelledby="run-history-heading" data-testid="run-history">
      <h2 id="run-history-heading">Status history</h2>
      {query.isPending ? (
        <Skeleton lines={4} label="Loading history" />
      ) : query.isError ? (
        <ErrorNotice message={messageOf(query.error)} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <p className="muted">No changes recorded yet.</p>
      ) : (
        <DataTable columns={COLUMNS} aria-labelledby="run-history-heading">
          {query.data.map((event) => (
            <HistoryRow key={event.id} event={event} />
          ))}
        </DataTable>
      )}
    </section>
  );
}

function HistoryRow({ event }: { event: HistoryEvent }) {
  const [open, setOpen] = useState(false);
  const change = describeChange(event);
  const detailsId = `run-history-changes-${event.id}`;
  return (
    <>
      <tr data-testid="history-row" data-action={event.action}>
        <td>
          <DateTime value={event.createdAt} full />
        </td>
        <td data-testid="history-actor">{event.actorEmail ?? <span className="muted">system</span>}</td>
        <td>
          {change.subject}{" "}
          <span className="badge" title={event.action} style={{ whiteSpace: "nowrap" }}>
            {actionLabel(event.action)}
          </span>
        </td>
        <td data-testid="history-status" style={{ whiteSpace: "nowrap" }}>
          {change.from || change.to ? (
            <>
              {change.from ?? "—"} → {change.to ?? "—"}
            </>
          ) : (
            <span className="muted">—</span>
          )}
        </td>
        <td data-testid="history-reason" style={{ minWidth: "12rem", whiteSpace: "pre-wrap", overflowWrap: "break-word" }}>
          {change.reason ?? <span className="muted">—</span>}
        </td>
        <td>
          <button type="button" className="btn btn-small" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((v) => !v)}>
            <span aria-hidden="true">{open ? "▾" : "▸"}</span> Before/after
          </button>
        </td>
      </tr>
      <tr id={detailsId} hidden={!open}>
        <td colSpan={COLUMNS.length}>{open ? <AuditChanges before={event.before} after={event.after} /> : null}</td>
      </tr>
    </>
  );
}
