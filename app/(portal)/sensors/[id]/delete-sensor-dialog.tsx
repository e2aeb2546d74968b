"use client";
// Deleting is soft: the sensor leaves every list and its tokens are revoked, but its recorded telemetry is kept.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { idSchema } from "@/contracts/common";
import { z } from "zod";
import { FormDialog } from "../../../_components/dialog";
import { useFormSubmit } from "../../../_components/form";
import { useTRPC } from "../../../_lib/trpc";
import type { SensorDetails } from "../sensor-types";

const deleteForm = z.object({ projectId: idSchema, id: idSchema });

interface Props {
  open: boolean;
  onClose: () => void;
  projectId: string;
  sensor: Pick<SensorDetails, "id" | "name">;
}

export function DeleteSensorDialog({ open, onClose, projectId, sensor }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.sensor.delete.mutationOptions());
  const form = useFormSubmit({
    schema: deleteForm,
    values: () => ({ projectId, id: sensor.id }),
    submit: async (input) => {
      await remove.mutateAsync(input);
      toast.success(`Sensor “${sensor.name}” deleted`);
      onClose();
      router.push("/sensors");
      await queryClient.invalidateQueries({ queryKey: trpc.sensor.list.pathKey() });
    },
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Delete sensor"
      testId="sensor-delete-dialog"
      formLabel="Delete sensor"
      form={form}
      submit={{ label: "Delete sensor", pendingLabel: "Deleting…", variant: "danger", testId: "sensor-delete-submit" }}
    >
      <p>
        Delete <strong>{sensor.name}</strong> from every project? Its tokens are revoked at once, so it can no longer send readings.
      </p>
      <p className="muted">The telemetry it already recorded is kept.</p>
    </FormDialog>
  );
}
