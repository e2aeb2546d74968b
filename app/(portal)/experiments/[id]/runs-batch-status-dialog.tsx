"use client";
// Setting the status of the selected runs at once. Each run moves on its own; the dialog then lists what changed and
// which runs were refused, and why. A reason is asked for (and required) when the target is "failed".
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { batchStatusInput } from "@/contracts/run";
import { RUN_STATUSES, type RunStatus } from "@/domain/run/status";
import { Dialog, DialogFooter } from "../../../_components/dialog";
import { Field, FormError, SelectField, useFormSubmit } from "../../../_components/form";
import { useTRPC } from "../../../_lib/trpc";
import { useAttemptKey } from "../../../_lib/idempotency-key";
import { plural, summarizeBatch, type BatchSummary } from "./runs-format";
import { useRefreshRuns } from "./runs-refresh";

const batchStatusForm = batchStatusInput.refine((v) => v.to !== "failed" || Boolean(v.reason), {
  message: "Say why the runs failed",
  path: ["reason"],
});
/** No run ever moves back to draft. */
const TARGETS = RUN_STATUSES.filter((status) => status !== "draft");

interface Props {
  open: boolean;
  onClose: () => void;
  projectId: string;
  runs: ReadonlyArray<{ id: string; name: string }>;
}

export function BatchStatusDialog({ open, onClose, projectId, runs }: Props) {
  const trpc = useTRPC();
  const refresh = useRefreshRuns();
  const attempt = useAttemptKey();
  const mutation = useMutation(trpc.run.batchStatus.mutationOptions());
  const [to, setTo] = useState<RunStatus>("running");
  const [summary, setSummary] = useState<BatchSummary | null>(null);
  const form = useFormSubmit({
    schema: batchStatusForm,
    values: (fields) => ({ projectId, ids: runs.map((run) => run.id), to, reason: fields.reason?.trim() ? fields.reason : undefined }),
    submit: async (input) => {
      const names = new Map(runs.map((run) => [run.id, run.name]));
      const { results } = await mutation.mutateAsync({ ...input, idempotencyKey: attempt.keyFor(input) });
      attempt.done();
      const next = summarizeBatch(results, (id) => names.get(id) ?? id);
      setSummary(next);
      if (next.changed > 0) toast.success(`${plural(next.changed, "run")} set to ${input.to}`);
      await refresh();
    },
  });

  function close() {
    setSummary(null);
    onClose();
  }

  return (
    <Dialog open={open} onClose={close} title="Set status" testId="runs-batch-status-dialog">
      {summary ? (
        <>
          <div className="dialog-body" role="status" data-testid="runs-batch-result">
            <p>
              <strong>{summary.headline}</strong>
              {summary.refused.length > 0 ? ":" : "."}
            </p>
            {summary.refused.length > 0 ? (
              <ul data-testid="runs-batch-refused">
                {summary.refused.map((item) => (
                  <li key={item.id}>
                    <strong>{item.name}</strong> — {item.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          <div className="dialog-footer">
            <button type="button" className="btn btn-primary" onClick={close} autoFocus data-testid="runs-batch-done">
              Done
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={form.onSubmit} noValidate aria-label="Set status of the selected runs">
          <div className="dialog-body">
            <FormError message={form.formError ?? form.errors.ids?.join(". ") ?? null} />
            <p>Move {plural(runs.length, "selected run")} to:</p>
            <SelectField
              name="to"
              id="runs-batch-status-to"
              testId="runs-batch-status-to"
              label="New status"
              options={TARGETS}
              value={to}
              onChange={(e) => setTo(TARGETS.find((s) => s === e.target.value) ?? "running")}
              errors={form.errors}
            />
            {to === "failed" ? (
              <Field name="reason" id="runs-batch-reason" testId="runs-batch-reason" label="Why did they fail?" errors={form.errors} multiline required />
            ) : null}
            <p className="muted">Runs that cannot make this move are left as they are and listed afterwards.</p>
          </div>
          <DialogFooter onCancel={close} label="Apply" pendingLabel="Applying…" pending={form.pending} testId="runs-batch-apply" />
        </form>
      )}
    </Dialog>
  );
}
