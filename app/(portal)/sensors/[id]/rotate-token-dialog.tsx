"use client";
// Rotation issues a new token and lets the old one keep working for a grace period (0 ends it now).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { z } from "zod";
import { FormDialog } from "../../../_components/dialog";
import { Field, useFormSubmit } from "../../../_components/form";
import { useTRPC } from "../../../_lib/trpc";

// The server's default (DEFAULT_ROTATION_GRACE_MINUTES); domain/sensor/token.ts imports node:crypto, so not imported.
const DEFAULT_GRACE_MINUTES = "15";
const rotateForm = z.object({
  graceMinutes: z.string().trim().regex(/^\d+$/, { message: "Enter whole minutes, 0 or more" }).transform(Number),
});

interface Props {
  open: boolean;
  onClose: () => void;
  projectId: string;
  sensorId: string;
  onRotated: (token: string) => void;
}

export function RotateTokenDialog({ open, onClose, projectId, sensorId, onRotated }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rotate = useMutation(trpc.sensor.rotateToken.mutationOptions());
  const form = useFormSubmit({
    schema: rotateForm,
    submit: async ({ graceMinutes }) => {
      const result = await rotate.mutateAsync({ projectId, id: sensorId, graceMinutes });
      toast.success("Token rotated");
      onClose();
      onRotated(result.token);
      await queryClient.invalidateQueries({ queryKey: trpc.sensor.pathKey() });
    },
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Rotate token"
      testId="sensor-rotate-dialog"
      formLabel="Rotate token"
      form={form}
      submit={{ label: "Rotate token", pendingLabel: "Rotating…", testId: "sensor-rotate-submit" }}
    >
      <Field
        name="graceMinutes"
        id="sensor-rotate-grace"
        label="Grace period (minutes)"
        type="number"
        defaultValue={DEFAULT_GRACE_MINUTES}
        errors={form.errors}
        hint="The old token keeps working for this many minutes. 0 stops it now."
        linkHint
        autoFocus
      />
    </FormDialog>
  );
}
