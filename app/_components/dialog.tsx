"use client";
// A native <dialog>: focus trap, Escape to close and an inert background come from the browser.
import { useEffect, useRef, type ReactNode } from "react";

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
