"use client";
// Adding and removing tags on the selected runs at once, validated with the contract (bulkTagsInput) after the two
// comma-separated fields are read. One idempotency key per attempt.
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { z } from "zod";
import { idSchema, projectScopedInput, tagListText } from "@/contracts/common";
import { bulkTagsInput } from "@/contracts/run";
import { FormDialog } from "../../../_components/dialog";
import { Field, FormError, useFormSubmit } from "../../../_components/form";
import { useTRPC } from "../../../_lib/trpc";
import { useAttemptKey } from "../../../_lib/idempotency-key";
import { plural } from "./runs-format";
import { useRefreshRuns } from "./runs-refresh";

/** The two text fields read as tag lists, then the contract itself (so "add or remove at least one" lands on `add`). */
const bulkTagsForm = projectScopedInput
  .extend({ ids: z.array(idSchema), add: tagListText, remove: tagListText })
  .transform((fields): z.input<typeof bulkTagsInput> => fields)
  .pipe(bulkTagsInput);

interface Props {
  open: boolean;
  onClose: () => void;
  projectId: string;
  runs: ReadonlyArray<{ id: string }>;
}

export function BulkTagsDialog({ open, onClose, projectId, runs }: Props) {
  const trpc = useTRPC();
  const refresh = useRefreshRuns();
  const attempt = useAttemptKey();
  const mutation = useMutation(trpc.run.bulkTags.mutationOptions());
  const form = useFormSubmit({
    schema: bulkTagsForm,
    values: (fields) => ({ projectId, ids: runs.map((run) => run.id), add: fields.add ?? "", remove: fields.remove ?? "" }),
    submit: async (input) => {
      const { updated, missing } = await mutation.mutateAsync({ ...input, idempotencyKey: attempt.keyFor(input) });
      attempt.done();
      const unchanged = input.ids.length - updated - missing.length;
      toast.success(`Tags updated on ${plural(updated, "run")}${unchanged > 0 ? ` (${unchanged} already up to date)` : ""}`);
      if (missing.length > 0) toast.warning(`${plural(missing.length, "run")} no longer exist${missing.length === 1 ? "s" : ""}`);
      onClose();
      await refresh();
    },
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Edit tags"
      testId="runs-bulk-tags-dialog"
      formLabel="Edit tags of the selected runs"
      form={form}
      submit={{ label: "Apply", pendingLabel: "Applying…", testId: "runs-bulk-tags-apply" }}
    >
      <FormError message={form.errors.ids?.join(". ") ?? null} />
      <p>Change the tags of {plural(runs.length, "selected run")}.</p>
      <Field name="add" id="runs-bulk-tags-add" testId="runs-bulk-tags-add" label="Add tags" errors={form.errors} autoComplete="off" autoFocus placeholder="baseline, reviewed" hint="Separate tags with commas." />
      <Field name="remove" id="runs-bulk-tags-remove" testId="runs-bulk-tags-remove" label="Remove tags" errors={form.errors} autoComplete="off" placeholder="smoke" hint="Separate tags with commas." />
    </FormDialog>
  );
}
