// Pure helpers for the run pages: durations and timers, the action behind each status, and what a history event says.
// Relative imports: this module is unit-tested.
import type { RunStatus } from "../../../domain/run/status";

/** "00:01:23"; hours keep counting past 99 ("123:04:05"). Negative or non-finite input shows as zero. */
export function formatElapsed(ms: number): string {
  const total = Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 1000)) : 0;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

/** A duration, or "—" when there is none yet (never started). */
export function formatDuration(ms: number | null): string {
  return ms === null ? "—" : formatElapsed(ms);
}

/**
 * A duration the server measured, advanced by the time since it arrived while the thing still runs. Counting from
 * `receivedAt` (the client's clock) instead of `startedAt` (the server's) keeps a skewed client clock out of the timer.
 */
export function liveDurationMs(durationMs: number | null, receivedAt: number, now: number, running: boolean): number | null {
  if (durationMs === null) return null;
  return running ? durationMs + Math.max(0, now - receivedAt) : durationMs;
}

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
