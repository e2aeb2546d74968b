"use client";
// A native <dialog>: focus trap, Escape to close and an inert background come from the browser.
import { useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { FormError, SubmitButton, type SubmitButtonProps } from "./form";

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  testId?: string;
}

export function Dialog({ open, onClose, title, children, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" onClose={onClose} aria-label={title} data-testid={testId}>
      {open ? (
        <>
          <div className="dialog-header">
            <h2>{title}</h2>
            <span className="spacer" />
            <button type="button" className="btn btn-link" onClick={onClose} aria-label="Close dialog">
              ✕
            </button>
          </div>
          {children}
        </>
      ) : null}
    </dialog>
  );
}

/** Cancel on the left of the submit button, which shows `pendingLabel` while the form is being sent. */
export function DialogFooter({ onCancel, ...submit }: SubmitButtonProps & { onCancel: () => void }) {
  return (
    <div className="dialog-footer">
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
      <SubmitButton {...submit} />
    </div>
  );
}

interface FormDialogProps extends Omit<DialogProps, "children"> {
  /** The form's accessible name; without one the form is not a landmark. */
  formLabel?: string;
  /** What `useFormSubmit` returns, or anything with the same three members. */
  form: { onSubmit: (event: FormEvent<HTMLFormElement>) => void; formError: string | null; pending: boolean; reset?: () => void };
  /** The footer's submit button (pending comes from `form`); Cancel closes the dialog through `onClose`. */
  submit: Omit<SubmitButtonProps, "pending">;
  /** The fields, below the form-level error. */
  children: ReactNode;
}

/**
 * A dialog that is one form: error and fields in the body, Cancel and submit in the footer. However it closes (Cancel,
 * Escape, or the caller after a success), the form's errors are cleared, so the next opening starts clean.
 */
export function FormDialog({ formLabel, form, submit, children, ...dialog }: FormDialogProps) {
  const reset = useRef(form.reset);
  const wasOpen = useRef(dialog.open);
  useEffect(() => {
    reset.current = form.reset;
  });
  useEffect(() => {
    if (wasOpen.current && !dialog.open) reset.current?.();
    wasOpen.current = dialog.open;
  }, [dialog.open]);
  return (
    <Dialog {...dialog}>
      <form onSubmit={form.onSubmit} noValidate aria-label={formLabel}>
        <div className="dialog-body">
          <FormError message={form.formError} />
          {children}
        </div>
        <DialogFooter onCancel={dialog.onClose} pending={form.pending} {...submit} />
      </form>
    </Dialog>
  );
}
