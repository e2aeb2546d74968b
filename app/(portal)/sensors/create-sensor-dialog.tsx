"use client";
// Creating a sensor. One idempotency key per attempt (as on the experiment form): a retry of the same values reuses it,
// so the server creates one sensor and returns its token again; changed values are a new attempt with a new key.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { FormDialog } from "../../_components/dialog";
import { useFormSubmit } from "../../_components/form";
import { useTRPC } from "../../_lib/trpc";
import { useAttemptKey } from "../../_lib/idempotency-key";
import { SensorFields, sensorForm, sensorFormValues } from "./sensor-fields";

interface Props {
  open: boolean;
  onClose: () => void;
  projectId: string;
  /** The plaintext token of the new sensor, to be shown once. */
  onCreated: (token: string) => void;
}

export function CreateSensorDialog({ open, onClose, projectId, onCreated }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.sensor.create.mutationOptions());
  const attempt = useAttemptKey();

  const form = useFormSubmit({
    schema: sensorForm,
    values: (fields) => sensorFormValues(fields, projectId),
    submit: async (input) => {
      const { sensor, token } = await create.mutateAsync({ ...input, idempotencyKey: attempt.keyFor(input) });
      attempt.done();
      toast.success(`Sensor “${sensor.name}” created`);
      onClose();
      onCreated(token);
      await queryClient.invalidateQueries({ queryKey: trpc.sensor.pathKey() });
    },
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="New sensor"
      testId="sensor-create-dialog"
      formLabel="New sensor"
      form={form}
      submit={{ label: "Create sensor", pendingLabel: "Creating…", testId: "sensor-create-submit" }}
    >
      <SensorFields errors={form.errors} idPrefix="sensor-create" />
      <p className="muted">The sensor starts with conversion version 1 (value = raw) and one ingest token.</p>
    </FormDialog>
  );
}
