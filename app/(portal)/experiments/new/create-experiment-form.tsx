"use client";
// The create form. One idempotency key per attempt: a double click or a retry of the same values reuses it, so the
// server creates one experiment; changed values are a new attempt with a new key.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { FormError, SelectField, SubmitButton, useFormSubmit } from "../../../_components/form";
import { useTRPC } from "../../../_lib/trpc";
import { ExperimentFields, createExperimentForm } from "../experiment-fields";
import { useAttemptKey } from "../../../_lib/idempotency-key";

interface Props {
  projects: ReadonlyArray<{ id: string; name: string }>;
  initialProjectId: string;
}

export function CreateExperimentForm({ projects, initialProjectId }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.experiment.create.mutationOptions());
  const [projectId, setProjectId] = useState(initialProjectId);
  const [created, setCreated] = useState(false);
  const attempt = useAttemptKey();

  const form = useFormSubmit({
    schema: createExperimentForm,
    // An empty type takes the contract's default ("general").
    values: (fields) => ({ ...fields, projectId, type: fields.type?.trim() ? fields.type : undefined }),
    submit: async (input) => {
      const experiment = await create.mutateAsync({ ...input, idempotencyKey: attempt.keyFor(input) });
      setCreated(true);
      toast.success("Experiment created");
      router.push(`/experiments/${experiment.id}`);
      await queryClient.invalidateQueries({ queryKey: trpc.experiment.pathKey() });
    },
  });

  return (
    <form className="card" onSubmit={form.onSubmit} noValidate aria-label="New experiment" data-testid="experiment-form" style={{ maxWidth: "40rem" }}>
      <FormError message={form.formError} />
      <SelectField
        name="projectId"
        id="experiment-create-project"
        label="Project"
        options={projects.map((p) => ({ value: p.id, label: p.name }))}
        value={projectId}
        onChange={(e) => setProjectId(e.target.value)}
        errors={form.errors}
        hint={projects.length === 1 ? "The only project where you can create experiments." : undefined}
      />
      <ExperimentFields projectId={projectId} errors={form.errors} idPrefix="experiment-create" />
      <div className="row">
        <SubmitButton label="Create experiment" pendingLabel="Creating…" pending={form.pending} disabled={created} testId="experiment-create-submit" />
        <Link href="/experiments" className="btn">
          Cancel
        </Link>
      </div>
    </form>
  );
}
