"use client";
// Creating a run in this experiment: name, params as key=value lines, metadata JSON and tags, validated with the
// contract (createRunInput) extended for the text fields. One idempotency key per attempt.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { jsonObjectText, tagListText } from "@/contracts/common";
import { createRunInput } from "@/contracts/run";
import { FormDialog } from "../../../_components/dialog";
import { Field, FormError, useFormSubmit } from "../../../_components/form";
import { useTRPC } from "../../../_lib/trpc";
import { useAttemptKey } from "../../../_lib/idempotency-key";
import { paramLinesText } from "./runs-params";
import { useRefreshRuns } from "./runs-refresh";

export const createRunForm = createRunInput.extend({ params: paramLinesText, metadata: jsonObjectText, tags: tagListText });

interface Props {
  open: boolean;
  onClose: () => void;
  projectId: string;
  experimentId: string;
}

export function RunCreateDialog({ open, onClose, projectId, experimentId }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = useRefreshRuns();
  const attempt = useAttemptKey();
  const create = useMutation(trpc.run.create.mutationOptions());
  const form = useFormSubmit({
    schema: createRunForm,
    values: (fields) => ({ ...fields, projectId, experimentId }),
    submit: async (input) => {
      const run = await create.mutateAsync({ ...input, idempotencyKey: attempt.keyFor(input) });
      attempt.done();
      toast.success("Run created", { action: { label: "Open", onClick: () => router.push(`/runs/${run.id}`) } });
      onClose();
      await refresh();
    },
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="New run"
      testId="run-create-dialog"
      formLabel="New run"
      form={form}
      submit={{ label: "Create run", pendingLabel: "Creating…", testId: "run-create-submit" }}
    >
      <FormError message={form.errors.experimentId?.join(". ") ?? null} />
      <Field name="name" id="run-create-name" testId="run-create-name" label="Name" errors={form.errors} autoComplete="off" required autoFocus />
      <Field
        name="params"
        id="run-create-params"
        testId="run-create-params"
        label="Params"
        errors={form.errors}
        multiline
        placeholder={"setpoint_c=25\nsample_rate_hz=10\nshielded=true"}
        hint='One key=value per line. true/false and numbers are typed; quote a value ("42") to keep it text.'
      />
      <Field
        name="metadata"
        id="run-create-metadata"
        testId="run-create-metadata"
        label="Metadata (JSON object)"
        errors={form.errors}
        multiline
        placeholder='{"operator": "Ada"}'
        hint="Optional."
      />
      <Field
        name="tags"
        id="run-create-tags"
        testId="run-create-tags"
        label="Tags"
        errors={form.errors}
        autoComplete="off"
        placeholder="baseline, smoke"
        hint="Separate tags with commas."
      />
    </FormDialog>
  );
}
