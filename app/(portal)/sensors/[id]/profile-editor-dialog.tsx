"use client";
// A new conversion version: the kind's fields as text (parsed by sensor-format.ts), a live preview of the draft, and
// the server's rule errors (`spec.points.3.raw`, …) under the field they concern. Saving activates the new version.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { z } from "zod";
import type { ConversionSpec } from "@/domain/conversion/profile";
import { FormDialog } from "../../../_components/dialog";
import { useFormSubmit } from "../../../_components/form";
import { useTRPC } from "../../../_lib/trpc";
import { draftSpecSchema, lookupLines, specFieldErrors } from "../sensor-format";
import { ConversionPreview } from "./conversion-preview";
import { ProfileFields, type DraftText } from "./profile-fields";

const profileForm = z.object({ spec: draftSpecSchema });

function draftOf(spec: ConversionSpec | undefined): DraftText {
  return {
    kind: spec?.kind ?? "linear",
    gain: spec?.kind === "linear" ? String(spec.gain) : "1",
    offset: spec?.kind === "linear" ? String(spec.offset) : "0",
    coefficients: spec?.kind === "polynomial" ? spec.coefficients.join(", ") : "0, 1",
    points: spec?.kind === "lookup" ? lookupLines(spec.points) : "",
    outOfRange: spec?.kind === "lookup" ? spec.outOfRange : "reject",
  };
}

interface Props {
  open: boolean;
  onClose: () => void;
  projectId: string;
  sensorId: string;
  /** The spec the editor starts from (the active version's). */
  initial: ConversionSpec | undefined;
}

export function ProfileEditorDialog({ open, onClose, projectId, sensorId, initial }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.sensor.saveProfile.mutationOptions());
  const [draft, setDraft] = useState<DraftText>(() => draftOf(initial));
  const parsed = profileForm.safeParse({ spec: draft });
  const form = useFormSubmit({
    schema: profileForm,
    values: () => ({ spec: draft }),
    submit: async ({ spec }) => {
      const profile = await save.mutateAsync({ projectId, id: sensorId, spec, activate: true });
      toast.success(`Version ${profile.version} saved and active`);
      onClose();
      await queryClient.invalidateQueries({ queryKey: trpc.sensor.pathKey() });
    },
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="New conversion version"
      testId="sensor-profile-dialog"
      formLabel="New conversion version"
      form={form}
      submit={{ label: "Save and activate", pendingLabel: "Saving…", testId: "sensor-profile-submit" }}
    >
      <ProfileFields draft={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} errors={specFieldErrors(form.errors)} />
      <ConversionPreview projectId={projectId} spec={parsed.success ? parsed.data.spec : null} />
    </FormDialog>
  );
}
