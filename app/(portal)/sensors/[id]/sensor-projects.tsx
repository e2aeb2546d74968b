"use client";
// The projects a sensor belongs to. Writers add it to another of their projects or remove a non-primary one; the
// server checks sensors:write in the other project too.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { idSchema } from "@/contracts/common";
import { can } from "@/domain/access";
import { ErrorNotice } from "../../../_components/error-notice";
import { FormError, SelectField, SubmitButton, useFormSubmit } from "../../../_components/form";
import { messageOf } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { useActiveProject } from "../../../_lib/use-active-project";
import type { SensorDetails } from "../sensor-types";

const addForm = z.object({ targetProjectId: idSchema });

interface Props {
  projectId: string;
  sensor: SensorDetails;
  canWrite: boolean;
}

export function SensorProjects({ projectId, sensor, canWrite }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { projects } = useActiveProject();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sensor.pathKey() });
  const add = useMutation(trpc.sensor.addProject.mutationOptions());
  const remove = useMutation(trpc.sensor.removeProject.mutationOptions());
  const [removeError, setRemoveError] = useState<string | null>(null);
  const linked = new Set(sensor.projects.map((p) => p.id));
  const candidates = projects.filter((p) => !linked.has(p.id) && can(p.role, "sensors:write"));

  const form = useFormSubmit({
    schema: addForm,
    submit: async (input) => {
      await add.mutateAsync({ projectId, id: sensor.id, ...input });
      toast.success("Project added");
      await refresh();
    },
  });

  async function removeProject(target: { id: string; name: string }) {
    setRemoveError(null);
    try {
      await remove.mutateAsync({ projectId, id: sensor.id, targetProjectId: target.id });
      toast.success(`Removed from “${target.name}”`);
      await refresh();
    } catch (error) {
      setRemoveError(messageOf(error));
    }
  }

  return (
    <section className="card" aria-labelledby="sensor-projects-heading">
      <h2 id="sensor-projects-heading">Projects</h2>
      {removeError ? <ErrorNotice message={removeError} onRetry={() => setRemoveError(null)} /> : null}
      <ul style={{ paddingLeft: "1.25rem" }} data-testid="sensor-projects">
        {sensor.projects.map((p) => (
          <li key={p.id} className="row" style={{ gap: "0.5rem" }} data-testid="sensor-project-row">
            <span>{p.name}</span>
            {p.isPrimary ? <span className="badge">primary</span> : null}
            {canWrite && !p.isPrimary && p.id !== projectId ? (
              <button type="button" className="btn btn-small" onClick={() => void removeProject(p)} disabled={remove.isPending} aria-label={`Remove from ${p.name}`}>
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canWrite && candidates.length > 0 ? (
        <form className="row" style={{ alignItems: "flex-end" }} onSubmit={form.onSubmit} noValidate aria-label="Add to project">
          <FormError message={form.formError} />
          <SelectField
            name="targetProjectId"
            id="sensor-add-project"
            label="Add to another project"
            options={candidates.map((p) => ({ value: p.id, label: p.name }))}
            errors={form.errors}
          />
          <SubmitButton label="Add" pendingLabel="Adding…" pending={form.pending} variant="plain" testId="sensor-add-project-submit" />
        </form>
      ) : null}
    </section>
  );
}
