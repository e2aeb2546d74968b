"use client";
// A secret shown once (a sensor token, a webhook signing secret): read-only, selectable, with a Copy button and a
// fallback when the clipboard is refused. Test ids are `${testId}-dialog`, `-value`, `-copy` and `-done`.
import { useRef, useState, type ReactNode } from "react";
import { Dialog } from "./dialog";

type CopyState = "idle" | "copied" | "failed";

export interface SecretOnceDialogProps {
  value: string | null;
  onClose: () => void;
  title: string;
  label: string;
  /** The bold sentence that says it is shown once and where to store it. */
  warning: string;
  children?: ReactNode;
  testId: string;
}

export function SecretOnceDialog({ value, onClose, title, label, warning, children, testId }: SecretOnceDialogProps) {
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>("idle");

  async function copyValue() {
    if (!value) return;
    try {
      if (!navigator.clipboard) throw new Error("No clipboard");
      await navigator.clipboard.writeText(value);
      setCopy("copied");
    } catch {
      setCopy("failed");
      input.current?.select();
    }
  }

  function close() {
    setCopy("idle");
    onClose();
  }

  return (
    <Dialog open={value !== null} onClose={close} title={title} testId={`${testId}-dialog`}>
      <div className="dialog-body">
        <p role="note">
          <strong>{warning}</strong>
        </p>
        {children}
        <div className="field">
          <label htmlFor={`${testId}-value`}>{label}</label>
          <div className="row">
            <input
              ref={input}
              id={`${testId}-value`}
              className="input mono"
              readOnly
              value={value ?? ""}
              onFocus={(e) => e.currentTarget.select()}
              data-testid={`${testId}-value`}
              style={{ flex: 1, fontFamily: "var(--mono)" }}
            />
            <button type="button" className="btn" onClick={() => void copyValue()} data-testid={`${testId}-copy`}>
              Copy
            </button>
          </div>
          <span className={copy === "failed" ? "field-error" : "muted"} aria-live="polite">
            {copy === "copied" ? "Copied to the clipboard." : copy === "failed" ? "Copying failed. Select and copy it." : ""}
          </span>
        </div>
      </div>
      <div className="dialog-footer">
        <button type="button" className="btn btn-primary" onClick={close} data-testid={`${testId}-done`}>
          I have stored it
        </button>
      </div>
    </Dialog>
  );
}
