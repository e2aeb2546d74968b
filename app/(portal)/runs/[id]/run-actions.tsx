"use client";
// One button per status the run may move to next (from the domain's state machine). Start and Complete are one click;
// Fail asks why, Archive asks first. A refusal (e.g. a capture session still running) shows next to the buttons.
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { failRunInput, runIdInput } from "@/contracts/run";
import { runStatus } from "@/domain/run/status";
import { FormError } from "../../../_components/form";
import { messageOf } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { isRunTarget, RUN_ACTIONS, type RunTarget } from "../run-format";
import { ActionDialog, ReasonField } from "./action-dialog";
import type { RunDetails } from "./run-detail";
import { useRefreshRun } from "./use-refresh-run";

interface Props {
  projectId: string;
  run: Pick<RunDetails, "id" | "name" | "status" | "runningSession">;
}

export function RunActions({ projectId, run }: Props) {
  const trpc = useTRPC();
  const refresh = useRefreshRun();
  const [dialog, setDialog] = useState<"failed" | "archived" | null>(null);
  const done = async (to: RunTarget) => {
    toast.success(RUN_ACTIONS[to].done);
    await refresh();
  };
  const start = useMutation(trpc.run.start.mutationOptions({ onSuccess: () => done("running") }));
  const complete = useMutation(trpc.run.complete.mutationOptions({ onSuccess: () => done("succeeded") }));
  const fail = useMutation(trpc.run.fail.mutationOptions({ onSuccess: () => done("failed") }));
  const archive = useMutation(trpc.run.archive.mutationOptions({ onSuccess: () => done("archived") }));
  const pending = start.isPending || complete.isPending;
  const error = start.error ?? complete.error;
  const input = { projectId, id: run.id };
  const { reset: resetStart } = start;
  const { reset: resetComplete } = complete;
  // A refusal is about the state it met ("session #1 is still running"): once that session ends or the status moves,
  // it no longer holds. A session appearing does not clear it: that may be this page catching up after the refusal.
  const runningId = run.runningSession?.id ?? null;
  const seen = useRef({ status: run.status, runningId });
  useEffect(() => {
    const before = seen.current;
    seen.current = { status: run.status, runningId };
    if (before.status !== run.status || (before.runningId !== null && before.runningId !== runningId)) {
      resetStart();
      resetComplete();
    }
  }, [run.status, runningId, resetStart, resetComplete]);

  function act(to: RunTarget) {
    start.reset();
    complete.reset();
    if (to === "running") start.mutate(input);
    else if (to === "succeeded") complete.mutate(input);
    else setDialog(to);
  }

  const close = () => setDialog(null);
  return (
    <div className="row" role="group" aria-label="Run actions" style={{ flexDirection: "column", alignItems: "flex-end" }}>
      <div className="row">
        {runStatus.allowedFrom(run.status).filter(isRunTarget).map((to) => (
          <button key={to} type="button" className={to === "running" ? "btn btn-primary" : "btn"} disabled={pending} onClick={() => act(to)} data-testid={RUN_ACTIONS[to].testId}>
            {pending && ((to === "running" && start.isPending) || (to === "succeeded" && complete.isPending)) ? "Saving…" : RUN_ACTIONS[to].label}
          </button>
        ))}
      </div>
      <div aria-live="polite" data-testid="run-action-error" style={{ maxWidth: "32rem" }}>
        {error ? <FormError message={messageOf(error)} /> : null}
      </div>
      <ActionDialog
        open={dialog === "failed"}
        onClose={close}
        title="Mark run as failed"
        testId="run-fail-dialog"
        submit={{ label: "Mark as failed", pendingLabel: "Saving…", testId: "run-fail-submit", variant: "danger" }}
        schema={failRunInput}
        input={input}
        onConfirm={async (valid) => {
          await fail.mutateAsync(valid);
        }}
      >
        {(errors) => (
          <>
            <p>
              Why did <strong>{run.name}</strong> fail?
            </p>
            <ReasonField errors={errors} idPrefix="run-fail" testId="run-fail-reason" />
          </>
        )}
      </ActionDialog>
      <ActionDialog
        open={dialog === "archived"}
        onClose={close}
        title="Archive run"
        testId="run-archive-dialog"
        submit={{ label: "Archive", pendingLabel: "Archiving…", testId: "run-archive-submit" }}
        schema={runIdInput}
        input={input}
        onConfirm={async (valid) => {
          await archive.mutateAsync(valid);
        }}
      >
        {() => (
          <p>
            Archive <strong>{run.name}</strong>? An archived run is read-only history: it cannot be started or changed again.
          </p>
        )}
      </ActionDialog>
    </div>
  );
}
