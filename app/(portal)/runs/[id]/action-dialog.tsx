"use client";
// A confirmation or short form for one write (archive a run, fail a run or session, delete a session): the input is
// checked with the write's own contract, and the server's refusal (a 409, say) shows inside the dialog.
import type { ReactNode } from "react";
import type { z } from "zod";
import { FormDialog } from "../../../_components/dialog";
import { Field, useFormSubmit } from "../../../_components/form";
import type { FieldErrors } from "../../../_lib/errors";

interface ActionDialogProps<S extends z.ZodType> {
  open: boolean;
  onClose: () => void;
  title: string;
  testId: string;
  submit: { label: string; pendingLabel: string; testId: string; variant?: "primary" | "danger" };
  schema: S;
  /** The fixed part of the input (projectId, id); the form's own fields are added to it. */
  input: Record<string, unknown>;
  /** Sends the valid input and reports success; anything it throws lands on the form. The dialog closes after it. */
  onConfirm: (input: z.infer<S>) => Promise<void>;
  /** The body; gets the form's field errors for any fields it renders. */
  children: (errors: FieldErrors) => ReactNode;
}

export function ActionDialog<S extends z.ZodType>({ open, onClose, title, testId, submit, schema, input, onConfirm, children }: ActionDialogProps<S>) {
  const form = useFormSubmit({
    schema,
    values: (fields) => ({ ...input, ...fields }),
    submit: async (valid) => {
      await onConfirm(valid);
      onClose();
    },
  });

  return (
    <FormDialog open={open} onClose={onClose} title={title} testId={testId} formLabel={title} form={form} submit={submit}>
      {children(form.errors)}
    </FormDialog>
  );
}

/** The reason field of a "fail" dialog. */
export function ReasonField({ errors, idPrefix, testId }: { errors: FieldErrors; idPrefix: string; testId: string }) {
  return <Field name="reason" label="Reason" id={`${idPrefix}-reason`} testId={testId} errors={errors} multiline hint="Recorded in the history with your name." />;
}
