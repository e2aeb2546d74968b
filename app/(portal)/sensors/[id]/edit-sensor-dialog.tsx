"use client";
// Editing sends only the fields that changed, so the audit trail shows exactly what the user touched.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { FormDialog } from "../../../_components/dialog";
import { useFormSubmit } from "../../../_components/form";
import { useTRPC } from "../../../_lib/trpc";
import { metadataText } from "../../experiments/experiment-format";
import { sensorChanges } from "../sensor-format";
import { SensorFields, sensorForm, sensorFormValues } from "../sensor-fields";
import type { SensorDetails } from "../sensor-types";

interface Props {
  open: boolean;
  onClose: () => void;
  projectId: string;
  sensor: SensorDetails;
}

export function EditSensorDialog({ open, onClose, projectId, sensor }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.sensor.update.mutationOptions());
  const form = useFormSubmit({
    schema: sensorForm,
    values: (fields) => sensorFormValues(fields, projectId),
    submit: async ({ projectId: _projectId, type = sensor.type, ...values }) => {
      const changes = sensorChanges(sensor, { ...values, type });
      if (Object.keys(changes).length === 0) {
        toast.info("Nothing changed");
        onClose();
        return;
      }
      await update.mutateAsync({ projectId, id: sensor.id, ...changes });
      toast.success("Sensor saved");
      onClose();
      await queryClient.invalidateQueries({ queryKey: trpc.sensor.pathKey() });
    },
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Edit sensor"
      testId="sensor-edit-dialog"
      formLabel="Edit sensor"
      form={form}
      submit={{ label: "Save", pendingLabel: "Saving…", testId: "sensor-edit-submit" }}
    >
      <SensorFields
        errors={form.errors}
        idPrefix="sensor-edit"
        defaults={{ ...sensor, metadata: metadataText(sensor.metadata) }}
      />
    </FormDialog>
  );
}
