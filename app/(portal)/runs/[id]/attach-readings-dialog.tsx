"use client";
// Attach readings a sensor sent while nothing was recording it (stored against the sensor alone) to this run or one of
// its sessions: within the run's or session's own time window, under the same late-data rules as ingest.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { attachReadingsInput } from "@/contracts/telemetry";
import { FormDialog } from "../../../_components/dialog";
import { SelectField, useFormSubmit } from "../../../_components/form";
import { Skeleton } from "../../../_components/skeleton";
import { useTRPC } from "../../../_lib/trpc";

const readings = (n: number, kind = "") => `${n.toLocaleString()} ${kind}reading${n === 1 ? "" : "s"}`;

interface Props {
  projectId: string;
  runId: string;
  onClose: () => void;
}

export function AttachReadingsDialog({ projectId, runId, onClose }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sensors = useQuery(trpc.runSensor.list.queryOptions({ projectId, runId }));
  const sessions = useQuery(trpc.captureSession.list.queryOptions({ projectId, runId }));
  const [chosen, setChosen] = useState<string | null>(null);
  const sensorId = chosen ?? sensors.data?.[0]?.id ?? "";
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

  const noSensors = sensors.isSuccess && sensors.data.length === 0;
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
      {sensors.isPending || sessions.isPending ? (
        <Skeleton lines={3} label="Loading sensors and sessions" />
      ) : noSensors ? (
        <p data-testid="attach-no-sensors">This run has no sensors yet. Choose the run&apos;s sensors first.</p>
      ) : (
        <>
          <SelectField
            name="sensorId"
            label="Sensor"
            errors={form.errors}
            testId="attach-sensor"
            value={sensorId}
            onChange={(e) => setChosen(e.target.value)}
            options={(sensors.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.unit})` }))}
          />
          <p className="muted" data-testid="attach-unattached" aria-live="polite">
            {loose.isPending
              ? "Counting unattached readings…"
              : loose.data
                ? loose.data.count === 0
                  ? "This sensor has no unattached readings."
                  : `${readings(loose.data.count, "unattached ")}, ${loose.data.first?.toLocaleString()} – ${loose.data.last?.toLocaleString()}.`
                : null}
          </p>
          <SelectField
            name="scope"
            label="Into"
            errors={form.errors}
            testId="attach-scope"
            defaultValue="run"
            options={[
              { value: "run", label: "The run (its whole time window)" },
              ...(sessions.data ?? []).map((s) => ({ value: s.id, label: `Capture session #${s.ordinalNumber}` })),
            ]}
          />
        </>
      )}
    </FormDialog>
  );
}
