// Pure helpers for the experiment pages: metadata and run-count summaries, form text, and what an edit changed.
// Relative imports: this module is unit-tested, and vitest does not resolve the "@/" alias.
import { RUN_STATUSES, type RunStatus } from "../../../domain/run/status";
import type { ExperimentStatus } from "../../../domain/experiment/status";
import { changedKeys } from "../../_lib/json";

/** The button that moves an experiment to each status, and the toast after it. */
export const TRANSITIONS: Record<ExperimentStatus, { label: string; done: string }> = {
  draft: { label: "Back to draft", done: "Experiment moved back to draft" },
  active: { label: "Activate", done: "Experiment activated" },
  completed: { label: "Complete", done: "Experiment completed" },
  archived: { label: "Archive", done: "Experiment archived" },
};

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The first `count` entries as `key=value` (strings bare, anything else as JSON), and how many are left out. */
export function metadataPreview(metadata: Record<string, unknown>, count = 3): { entries: string[]; more: number } {
  const all = Object.entries(metadata);
  const entries = all.slice(0, count).map(([key, value]) => {
    const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
    return `${shorten(key, 24)}=${shorten(text, 32)}`;
  });
  return { entries, more: Math.max(0, all.length - count) };
}

/** "3 running · 12 succeeded" in status order, zeros left out; "No runs" when there are none. */
export function runCountsSummary(counts: Partial<Record<RunStatus, number>>): string {
  const parts = RUN_STATUSES.filter((status) => (counts[status] ?? 0) > 0).map((status) => `${counts[status]} ${status}`);
  return parts.length > 0 ? parts.join(" · ") : "No runs";
}

/** What the metadata textarea starts with: nothing for `{}`, indented JSON otherwise. */
export function metadataText(metadata: Record<string, unknown>): string {
  return Object.keys(metadata).length === 0 ? "" : JSON.stringify(metadata, null, 2);
}

export interface EditableFields {
  name: string;
  description: string;
  type: string;
  tags: string[];
  metadata: Record<string, unknown>;
}

const EDITABLE = ["name", "description", "type", "tags", "metadata"] as const;

function copyField<K extends keyof EditableFields>(target: Partial<EditableFields>, source: EditableFields, key: K) {
  target[key] = source[key];
}

/** Only the fields whose value differs (JSON-equal, key order aside), so an edit sends and audits what the user changed. */
export function changedFields(before: EditableFields, after: EditableFields): Partial<EditableFields> {
  const changed = changedKeys(before, after) ?? [];
  const changes: Partial<EditableFields> = {};
  for (const key of EDITABLE) if (changed.includes(key)) copyField(changes, after, key);
  return changes;
}

export { newIdempotencyKey } from "../../_lib/idempotency-key";
