"use client";
// The session that is recording now: its number, a timer counting every second, and Stop / Fail….
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { failCaptureSessionInput } from "@/contracts/capture-session";
import { FormError } from "../../../_components/form";
import { messageOf } from "../../../_lib/errors";
import { formatElapsed, liveDurationMs } from "../../../_lib/duration";
import { useTRPC } from "../../../_lib/trpc";
import { useNow } from "../../../_lib/use-now";
import { DateTime } from "../../experiments/date-time";
import { ActionDialog, ReasonField } from "./action-dialog";
import type { CaptureSession } from "./capture-sessions";
import { useRefreshRun } from "./use-refresh-run";

interface Props {
  projectId: string;
  session: CaptureSession;
  /** When the session list arrived; the timer counts on from the server's duration at that moment. */
  receivedAt: number;
  canWrite: boolean;
}

export function ActiveSession({ projectId, session, receivedAt, canWrite }: Props) {
  const trpc = useTRPC();
  const refresh = useRefreshRun();
  const now = useNow(true);
  const [failing, setFailing] = useState(false);
  const label = `Session #${session.ordinalNumber}`;
  const done = (what: string) => async () => {
    toast.success(`${label} ${what}`);
    await refresh();
  };
  const stop = useMutation(trpc.captureSession.stop.mutationOptions({ onSuccess: done("stopped") }));
  const fail = useMutation(trpc.captureSession.fail.mutationOptions({ onSuccess: done("marked as failed") }));
  const elapsed = formatElapsed(liveDurationMs(session.durationMs, receivedAt, now, true) ?? 0);
  const input = { projectId, id: session.id };

  return (
    <div className="card" role="region" aria-label={`${label}, running`} data-testid="active-session" style={{ background: "var(--accent-weak)" }}>
      <div className="row">
        <strong data-testid="active-session-ordinal">{label}</strong>
        <span className="muted">recording for</span>
        <span role="timer" aria-label={`${label} elapsed time`} className="mono" style={{ fontSize: "1.3rem", fontWeight: 600 }} data-testid="session-elapsed">
          {elapsed}
        </span>
        <span className="muted">
          since <DateTime value={session.startedAt} full />
        </span>
        <span className="spacer" />
        {canWrite ? (
          <>
            <button type="button" className="btn btn-primary" disabled={stop.isPending} onClick={() => stop.mutate(input)} data-testid="session-stop">
              {stop.isPending ? "Stopping…" : "Stop"}
            </button>
            <button type="button" className="btn" onClick={() => setFailing(true)} data-testid="session-fail">
              Fail…
            </button>
          </>
        ) : null}
      </div>
      {stop.isError ? <FormError message={messageOf(stop.error)} /> : null}
      <ActionDialog
        open={failing}
        onClose={() => setFailing(false)}
        title={`Mark session #${session.ordinalNumber} as failed`}
        testId="session-fail-dialog"
        submit={{ label: "Mark as failed", pendingLabel: "Saving…", testId: "session-fail-submit", variant: "danger" }}
        schema={failCaptureSessionInput}
        input={input}
        onConfirm={async (valid) => {
          await fail.mutateAsync(valid);
        }}
      >
        {(errors) => <ReasonField errors={errors} idPrefix="session-fail" testId="session-fail-reason" />}
      </ActionDialog>
    </div>
  );
}
