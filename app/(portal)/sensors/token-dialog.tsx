"use client";
// A new ingest token, shown once: read-only, selectable, with a Copy button and a fallback when the clipboard is refused.
import { useRef, useState } from "react";
import { Dialog } from "../../_components/dialog";

type CopyState = "idle" | "copied" | "failed";

export function TokenDialog({ token, onClose, title = "Sensor token" }: { token: string | null; onClose: () => void; title?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>("idle");

  async function copyToken() {
    if (!token) return;
    try {
      if (!navigator.clipboard) throw new Error("No clipboard");
      await navigator.clipboard.writeText(token);
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
    <Dialog open={token !== null} onClose={close} title={title} testId="sensor-token-dialog">
      <div className="dialog-body">
        <p role="note">
          <strong>This token is shown once. Store it in the sensor&apos;s firmware now.</strong>
        </p>
        <div className="field">
          <label htmlFor="sensor-token-value">Token</label>
          <div className="row">
            <input
              ref={input}
              id="sensor-token-value"
              className="input mono"
              readOnly
              value={token ?? ""}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="sensor-token-value"
              style={{ flex: 1, fontFamily: "var(--mono)" }}
            />
            <button type="button" className="btn" onClick={() => void copyToken()} data-testid="sensor-token-copy">
              Copy
            </button>
          </div>
          <span className={copy === "failed" ? "field-error" : "muted"} aria-live="polite">
            {copy === "copied" ? "Copied to the clipboard." : copy === "failed" ? "Copying failed. Select and copy it." : ""}
          </span>
        </div>
      </div>
      <div className="dialog-footer">
        <button type="button" className="btn btn-primary" onClick={close}>
          I have stored it
        </button>
      </div>
    </Dialog>
  );
}
