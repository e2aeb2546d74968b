// Pure helpers for the run pages: the action behind each status, and what a history event says.
// Relative imports: this module is unit-tested.
import type { RunStatus } from "../../../domain/run/status";

export type RunTarget = Exclude<RunStatus, "draft">;

/** The button that moves a run to each status, its test id, and the toast after it. */
export const RUN_ACTIONS: Record<RunTarget, { label: string; done: string; testId: string }> = {
  running: { label: "Start", done: "Run started", testId: "run-action-start" },
  succeeded: { label: "Complete", done: "Run completed", testId: "run-action-complete" },
  failed: { label: "Fail…", done: "Run marked as failed", testId: "run-action-fail" },
  archived: { label: "Archive…", done: "Run archived", testId: "run-action-archive" },
};

export const isRunTarget = (status: RunStatus): status is RunTarget => status !== "draft";

export interface HistoryChange {
  /** "Run" or "Session #2". */
  subject: string;
  from: string | null;
  to: string | null;
  reason: string | null;
}

function field(snapshot: unknown, key: string): unknown {
  return snapshot && typeof snapshot === "object" && !Array.isArray(snapshot) ? (snapshot as Record<string, unknown>)[key] : undefined;
}

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : null);

/** "capture_session.status_changed" → "status changed": the verb of an audit action, without its entity. */
export function actionLabel(action: string): string {
  const verb = action.slice(action.indexOf(".") + 1);
  return verb.replaceAll("_", " ") || action;
}

/** Who-what-why of one audit event of a run or its sessions: the subject, status from → to, and the reason given. */
export function describeChange(event: { entityType: string; before: unknown; after: unknown }): HistoryChange {
  const ordinal = field(event.after, "ordinalNumber") ?? field(event.before, "ordinalNumber");
  const subject =
    event.entityType === "run" ? "Run" : event.entityType === "capture_session" ? `Session${typeof ordinal === "number" ? ` #${ordinal}` : ""}` : event.entityType;
  return {
    subject,
    from: text(field(event.before, "status")),
    to: text(field(event.after, "status")),
    reason: text(field(event.after, "reason")),
  };
}
