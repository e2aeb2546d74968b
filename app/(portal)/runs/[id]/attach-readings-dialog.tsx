"use client";
// Attach readings a sensor sent while nothing was recording it (stored against the sensor alone) to this run or one of
// its sessions: within the run's or session's own time window, under the same late-data rules as ingest.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { attachReadingsInput } from "@/contracts/telemetry";
import { FormDialog } from "../../../_components/dialog";
import { useFormSubmit } from "../../../_components/form";
import { useTRPC } from "../../../_lib/trpc";
import { SensorScopeFields, useRunSensorChoice } from "./sensor-scope-fields";

const readings = (n: number, kind = "") => `${n.toLocaleString()} ${kind}reading${n === 1 ? "" : "s"}`;

interface Props {
  projectId: string;
  runId: string;
  onClose: () => void;
}

export function AttachReadingsDialog({ projectId, runId, onClose }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const choice = useRunSensorChoice(projectId, runId);
  const { sensorId, noSensors } = choice;
  const loose = useQuery({ ...trpc.telemetry.unattached.queryOptions({ projectId, sensorId }), enabled: sensorId !== "" });
  const attach = useMutation(trpc.telemetry.attach.mutationOptions());

  const form = useFormSubmit({
    schema: attachReadingsInput,
    values: (fields) => ({ projectId, sensorId: fields.sensorId, ...(fields.scope === "run" ? { runId } : { captureSessionId: fields.scope }) }),
    submit: async (input) => {
      const { attached } = await attach.mutateAsync(input);
      toast.success(attached === 0 ? "No unattached readings fall in that window." : `Attached ${readings(attached)}.`);
      await queryClient.invalidateQueries({ queryKey: trpc.telemetry.pathKey() });
      onClose();
    },
  });

  return (
    <FormDialog
      open
      onClose={onClose}
      title="Attach sensor readings"
      testId="attach-dialog"
      formLabel="Attach sensor readings"
      form={form}
      submit={{ label: "Attach", pendingLabel: "Attaching…", testId: "attach-submit", disabled: noSensors || loose.data?.count === 0 }}
    >
      <p className="muted">Readings a sensor sent while no capture session recorded it are kept against the sensor. Attach those inside this run&apos;s (or one session&apos;s) time window.</p>
      <SensorScopeFields
        choice={choice}
        errors={form.errors}
        prefix="attach"
        scopeLabel="Into"
        runOption="The run (its whole time window)"
        sessionOption={(n) => `Capture session #${n}`}
      >
        <p className="muted" data-testid="attach-unattached" aria-live="polite">
          {loose.isPending
            ? "Counting unattached readings…"
            : loose.data
              ? loose.data.count === 0
                ? "This sensor has no unattached readings."
                : `${readings(loose.data.count, "unattached ")}, ${loose.data.first?.toLocaleString()} – ${loose.data.last?.toLocaleString()}.`
              : null}
        </p>
      </SensorScopeFields>
    </FormDialog>
  );
}
