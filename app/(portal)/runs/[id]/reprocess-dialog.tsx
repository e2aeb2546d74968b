"use client";
// Queue a reprocess: one of the run's sensors, one of that sensor's profile versions, the whole run or one session.
// The input is checked with job.reprocess's own contract; the server's refusals (an overlapping job, say) show here.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { reprocessInput } from "@/contracts/job";
import { describeConversion } from "@/domain/conversion/profile";
import { FormDialog } from "../../../_components/dialog";
import { SelectField, useFormSubmit } from "../../../_components/form";
import { Skeleton } from "../../../_components/skeleton";
import { useTRPC } from "../../../_lib/trpc";
import { newIdempotencyKey } from "../../experiments/experiment-format";
import { SensorScopeFields, useRunSensorChoice } from "./sensor-scope-fields";

interface Props {
  projectId: string;
  runId: string;
  onClose: () => void;
}

export function ReprocessDialog({ projectId, runId, onClose }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const choice = useRunSensorChoice(projectId, runId);
  const { sensorId, noSensors } = choice;
  const sensor = useQuery({ ...trpc.sensor.byId.queryOptions({ projectId, id: sensorId }), enabled: sensorId !== "" });
  // One key per open dialog: a retried submit replays instead of queueing a second job.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const reprocess = useMutation(trpc.job.reprocess.mutationOptions());

  const form = useFormSubmit({
    schema: reprocessInput,
    values: (fields) => ({
      projectId,
      sensorId: fields.sensorId,
      profileVersion: Number(fields.profileVersion),
      ...(fields.scope === "run" ? { runId } : { captureSessionId: fields.scope }),
      idempotencyKey,
    }),
    submit: async (input) => {
      await reprocess.mutateAsync(input);
      toast.success("Reprocess queued. Its progress shows under Telemetry maintenance.");
      await queryClient.invalidateQueries({ queryKey: trpc.job.list.queryKey() });
      onClose();
    },
  });

  const profiles = sensor.data?.profiles ?? [];
  return (
    <FormDialog
      open
      onClose={onClose}
      title="Reprocess telemetry"
      testId="reprocess-dialog"
      formLabel="Reprocess telemetry"
      form={form}
      submit={{ label: "Queue reprocess", pendingLabel: "Queueing…", testId: "reprocess-submit", disabled: noSensors || profiles.length === 0 }}
    >
      <p className="muted">Physical values are recomputed from the stored raw values, which never change. It runs in the background.</p>
      <SensorScopeFields
        choice={choice}
        errors={form.errors}
        prefix="reprocess"
        scopeLabel="Readings"
        runOption="The whole run"
        sessionOption={(n) => `Capture session #${n} only`}
      >
        {sensor.isPending ? (
          <Skeleton lines={1} label="Loading profile versions" />
        ) : (
          <SelectField
            key={sensorId}
            name="profileVersion"
            label="Conversion profile version"
            errors={form.errors}
            testId="reprocess-version"
            defaultValue={String(profiles.find((p) => !p.active)?.version ?? profiles[0]?.version ?? "")}
            options={profiles.map((p) => ({ value: String(p.version), label: `v${p.version}${p.active ? " (active)" : ""} — ${describeConversion(p.spec)}` }))}
          />
        )}
      </SensorScopeFields>
    </FormDialog>
  );
}
