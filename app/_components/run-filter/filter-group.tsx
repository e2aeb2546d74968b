"use client";
// The match-ALL / match-ANY choice of a group, and a nested group: its own choice, its conditions, add and remove.
import { useId } from "react";
import { ConditionRow, NodeError, listStyle, type BuilderOps } from "./condition-row";
import type { DraftGroup, GroupMode } from "./draft";

interface ModeSelectProps {
  label: string;
  value: GroupMode;
  onChange: (mode: GroupMode) => void;
  testId: string;
}

export function ModeSelect({ label, value, onChange, testId }: ModeSelectProps) {
  const id = useId();
  return (
    <div className="row" style={{ gap: "0.4rem" }}>
      <label htmlFor={id} style={{ fontWeight: 600 }}>
        {label}
      </label>
      <select id={id} className="input" style={{ width: "auto" }} value={value} onChange={(e) => onChange(e.target.value === "or" ? "or" : "and")} data-testid={testId}>
        <option value="and">ALL of these conditions (AND)</option>
        <option value="or">ANY of these conditions (OR)</option>
      </select>
    </div>
  );
}

export function NestedGroup({ group, label, ops }: { group: DraftGroup; label: string; ops: BuilderOps }) {
  const messages = ops.errors[group.id];
  return (
    <li>
      <div
        role="group"
        aria-label={label}
        data-testid="run-filter-group"
        style={{ border: `1px dashed ${messages ? "var(--danger)" : "var(--border)"}`, borderRadius: "var(--radius)", padding: "0.6rem 0.75rem" }}
      >
        <div className="row">
          <ModeSelect
            label={`${label} matches`}
            value={group.mode}
            onChange={(mode) => ops.update(group.id, (node) => (node.kind === "group" ? { ...node, mode } : node))}
            testId="run-filter-group-mode"
          />
          <span className="spacer" />
          <button type="button" className="btn btn-small" aria-label={`Remove ${label.toLowerCase()}`} onClick={() => ops.remove(group.id)} data-testid="run-filter-group-remove">
            Remove group
          </button>
        </div>
        <NodeError messages={messages} />
        {group.children.length > 0 ? (
          <ul style={listStyle}>
            {group.children.map((condition, index) => (
              <ConditionRow key={condition.id} condition={condition} label={`${label}, condition ${index + 1}`} ops={ops} />
            ))}
          </ul>
        ) : null}
        <button type="button" className="btn btn-small" onClick={() => ops.addCondition(group.id)} data-testid="run-filter-group-add">
          Add condition to group
        </button>
      </div>
    </li>
  );
}
