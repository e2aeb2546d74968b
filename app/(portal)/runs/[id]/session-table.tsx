"use client";
// Every session of the run, by number. A finished session can be removed: the server deletes it, or archives it
// when it holds telemetry, and the toast says which.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { captureSessionIdInput } from "@/contracts/capture-session";
import { DataTable } from "../../../_components/data-table";
import { StatusBadge } from "../../../_components/status-badge";
import { formatElapsed, liveDurationMs } from "../../../_lib/duration";
import { useTRPC } from "../../../_lib/trpc";
import { useNow } from "../../../_lib/use-now";
import { DateTime } from "../../experiments/date-time";
import { ActionDialog } from "./action-dialog";
import type { CaptureSession } from "./capture-sessions";
import { useRefreshRun } from "./use-refresh-run";

interface Props {
  projectId: string;
  sessions: CaptureSession[];
  receivedAt: number;
  canWrite: boolean;
}

export function SessionTable({ projectId, sessions, receivedAt, canWrite }: Props) {
  const columns = ["Session", "Started", "Ended", "Duration", "Status", "Failure reason", ...(canWrite ? ["Actions"] : [])];
  return (
    <DataTable columns={columns} aria-label="All capture sessions" testId="session-table">
      {sessions.map((session) => (
        <SessionRow key={session.id} projectId={projectId} session={session} receivedAt={receivedAt} canWrite={canWrite} />
      ))}
    </DataTable>
  );
}

function SessionRow({ projectId, session, receivedAt, canWrite }: Omit<Props, "sessions"> & { session: CaptureSession }) {
  const trpc = useTRPC();
  const refresh = useRefreshRun();
  const [confirming, setConfirming] = useState(false);
  const running = session.status === "running";
  const now = useNow(running);
  const label = `Session #${session.ordinalNumber}`;
  const remove = useMutation(trpc.captureSession.delete.mutationOptions());

  async function confirmDelete(input: { projectId: string; id: string }) {
    const { removal } = await remove.mutateAsync(input);
    toast.success(removal === "archive" ? `${label} archived: it holds telemetry, so it is kept` : `${label} deleted`);
    await refresh();
  }

  return (
    <tr data-testid="session-row" data-status={session.status}>
      <th scope="row" data-testid="session-ordinal" style={{ textTransform: "none", letterSpacing: 0, color: "var(--text)", fontSize: "inherit" }}>
        #{session.ordinalNumber}
      </th>
      <td>
        <DateTime value={session.startedAt} full />
      </td>
      <td>{session.endedAt ? <DateTime value={session.endedAt} full /> : <span className="muted">—</span>}</td>
      <td className="mono" data-testid="session-duration">
        {formatElapsed(liveDurationMs(session.durationMs, receivedAt, now, running))}
      </td>
      <td>
        <StatusBadge status={session.status} testId="session-status" />
      </td>
      <td style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{session.failureReason ?? <span className="muted">—</span>}</td>
      {canWrite ? (
        <td>
          {running ? null : (
            <button type="button" className="btn btn-small" onClick={() => setConfirming(true)} data-testid="session-delete" aria-label={`Delete ${label}`}>
              Delete
            </button>
          )}
          <ActionDialog
            open={confirming}
            onClose={() => setConfirming(false)}
            title={`Delete session #${session.ordinalNumber}`}
            testId="session-delete-dialog"
            submit={{ label: "Delete", pendingLabel: "Deleting…", testId: "session-delete-submit", variant: "danger" }}
            schema={captureSessionIdInput}
            input={{ projectId, id: session.id }}
            onConfirm={confirmDelete}
          >
            {() => <p>Delete {label}? A session that holds telemetry is archived instead, so its readings stay attached to the run.</p>}
          </ActionDialog>
        </td>
      ) : null}
    </tr>
  );
}
