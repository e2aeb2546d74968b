"use client";
// Bottom-right toasts for failed requests: a one-line summary, masked details on demand, and a copy-ready report for bug reports.
import { useEffect, useId, useMemo, useState, useSyncExternalStore, type MouseEvent } from "react";
import { createPortal } from "react-dom";
import { formatRequestReport, reportSections, summarize } from "../_lib/redact";
import { dismiss, getServerSnapshot, getSnapshot, installFetchTracking, subscribe, type LoggedFailure } from "../_lib/request-log";
import styles from "./error-toaster.module.css";

// Also installed at module evaluation: requests fired while React hydrates happen before any effect runs.
if (typeof window !== "undefined") installFetchTracking();

const FEEDBACK_MS = 2000;
const TOAST_SELECTOR = '[data-testid="error-toast"]';

type CopyState = "idle" | "copied" | "failed";

/** navigator.clipboard only exists in secure contexts; a lab server on plain http still gets the selection-based copy. */
function copyWithSelection(text: string, near: Element): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  // Placed next to the toast, because outside an open modal dialog the page is inert and cannot be selected.
  near.append(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

async function copyText(text: string, button: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const copied = copyWithSelection(text, button.parentElement ?? button);
    button.focus();
    return copied;
  }
}

/** A modal <dialog> makes the rest of the page inert and dims it, so while one is open the toasts live inside it. */
function useModalHost(): Element | null {
  const [host, setHost] = useState<Element | null>(null);
  useEffect(() => {
    const update = () => {
      try {
        const open = document.querySelectorAll("dialog[open]:modal");
        setHost(open[open.length - 1] ?? null);
      } catch {
        // Browsers without :modal keep the toasts on the page itself.
        setHost(null);
      }
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(document.body, { subtree: true, childList: true, attributeFilter: ["open"] });
    return () => observer.disconnect();
  }, []);
  return host;
}

/** Focus would fall back to <body> when its toast disappears; a neighbouring toast keeps keyboard users in place. */
function dismissKeepingFocus(id: string, button: HTMLElement): void {
  const toast = button.closest(TOAST_SELECTOR);
  const neighbour = toast?.nextElementSibling ?? toast?.previousElementSibling;
  const next = neighbour?.querySelector<HTMLElement>('[data-testid="error-toast-dismiss"]');
  if (toast?.contains(document.activeElement)) next?.focus();
  dismiss(id);
}

function ErrorToast({ entry, pageOrigin }: { entry: LoggedFailure; pageOrigin?: string }) {
  const [expanded, setExpanded] = useState(false);
  const [copy, setCopy] = useState<CopyState>("idle");
  const detailsId = useId();
  const summary = useMemo(() => summarize(entry, pageOrigin), [entry, pageOrigin]);
  const sections = useMemo(() => (expanded ? reportSections(entry) : []), [entry, expanded]);

  useEffect(() => {
    if (copy === "idle") return;
    const timer = setTimeout(() => setCopy("idle"), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [copy]);

  async function onCopy(event: MouseEvent<HTMLButtonElement>) {
    const button = event.currentTarget;
    const copied = await copyText(formatRequestReport(entry, pageOrigin), button);
    setCopy(copied ? "copied" : "failed");
    // With no clipboard at all, the open details are there to select by hand.
    if (!copied) setExpanded(true);
  }

  return (
    <div role="alert" className={styles.toast} data-testid="error-toast">
      <div className={styles.header}>
        <p className={styles.summary} title={summary} data-testid="error-toast-summary">
          {summary}
        </p>
        {entry.count > 1 ? (
          <span className={styles.count} title={`Failed ${entry.count} times; the details are from the latest attempt`} data-testid="error-toast-count">
            ×{entry.count}
          </span>
        ) : null}
        <button
          type="button"
          className={styles.dismiss}
          aria-label="Dismiss error"
          data-testid="error-toast-dismiss"
          onClick={(event) => dismissKeepingFocus(entry.id, event.currentTarget)}
        >
          ×
        </button>
      </div>
      <div className={styles.actions}>
        <button
          type="button"
          className={styles.button}
          aria-expanded={expanded}
          aria-controls={expanded ? detailsId : undefined}
          data-testid="error-toast-details-toggle"
          onClick={() => setExpanded((open) => !open)}
        >
          {expanded ? "Hide details" : "Details"}
        </button>
        <button type="button" className={styles.button} data-testid="error-toast-copy" onClick={onCopy}>
          {copy === "copied" ? "Copied" : copy === "failed" ? "Copy failed" : "Copy"}
        </button>
        <span role="status" className={styles.visuallyHidden}>
          {copy === "copied" ? "Error report copied to the clipboard." : copy === "failed" ? "Copy failed: select the details text instead." : ""}
        </span>
      </div>
      {expanded ? (
        <div id={detailsId} className={styles.details} data-testid="error-toast-details">
          {sections.map((section) => (
            <div key={section.label}>
              <div className={styles.sectionLabel}>{section.label}</div>
              <pre className={styles.pre}>{section.lines.join("\n")}</pre>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function ToastStack({ entries }: { entries: readonly LoggedFailure[] }) {
  const host = useModalHost();
  const pageOrigin = typeof window === "undefined" ? undefined : window.location.origin;
  const stack = (
    <section className={styles.region} aria-label="Failed requests">
      {entries.map((entry) => (
        <ErrorToast key={entry.id} entry={entry} pageOrigin={pageOrigin} />
      ))}
    </section>
  );
  return host ? createPortal(stack, host) : stack;
}

export function ErrorToaster() {
  const entries = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  useEffect(() => {
    installFetchTracking();
  }, []);
  return entries.length > 0 ? <ToastStack entries={entries} /> : null;
}
