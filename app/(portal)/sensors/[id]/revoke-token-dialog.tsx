"use client";
// Revoking ends one credential at once; a sensor still using it is refused from its next reading on.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { z } from "zod";
import { FormDialog } from "../../../_components/dialog";
import { useFormSubmit } from "../../../_components/form";
import { useTRPC } from "../../../_lib/trpc";
import type { SensorCredential } from "../sensor-types";

interface Props {
  credential: SensorCredential | null;
  onClose: () => void;
  projectId: string;
  sensorId: string;
}

export function RevokeTokenDialog({ credential, onClose, projectId, sensorId }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(trpc.sensor.revokeToken.mutationOptions());
  const form = useFormSubmit({
    schema: z.object({}),
    submit: async () => {
      if (!credential) return;
      await revoke.mutateAsync({ projectId, id: sensorId, credentialId: credential.id });
      toast.success(`Token ${credential.hint} revoked`);
      onClose();
      await queryClient.invalidateQueries({ queryKey: trpc.sensor.pathKey() });
    },
  });

  return (
    <FormDialog
      open={credential !== null}
      onClose={onClose}
      title="Revoke token"
      testId="sensor-revoke-dialog"
      formLabel="Revoke token"
      form={form}
      submit={{ label: "Revoke token", pendingLabel: "Revoking…", variant: "danger", testId: "sensor-revoke-submit" }}
    >
      <p>
        Revoke <span className="mono">{credential?.hint}</span> now? A sensor still sending with it is refused from its next reading. This cannot be
        undone.
      </p>
    </FormDialog>
  );
}
