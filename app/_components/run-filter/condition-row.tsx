"use client";
// One condition of the builder: its kind, its inputs, a remove button and the error the last Apply found in it.
import { useId, type CSSProperties } from "react";
import { ConditionFields } from "./condition-fields";
import { CONDITION_KINDS, type ConditionKind, type DraftCondition, type DraftNode } from "./draft";
import type { DraftErrors } from "./draft-apply";
import { changeKind } from "./draft-edit";
import { Labeled } from "./labeled";

const KIND_LABELS: Record<ConditionKind, string> = { status: "Status", tags: "Tags", param: "Param", metadata: "Metadata key", date: "Date" };

/** What every row and group of the builder needs from it. */
export interface BuilderOps {
  paramKeys: readonly string[];
  tags?: readonly string[];
  errors: DraftErrors;
  update: (id: string, change: (node: DraftNode) => DraftNode) => void;
  remove: (id: string) => void;
  addCondition: (groupId?: string) => void;
}

export const listStyle: CSSProperties = { listStyle: "none", margin: "0.6rem 0", padding: 0, display: "grid", gap: "0.6rem" };
const rowStyle: CSSProperties = { borderLeft: "3px solid var(--border)", paddingLeft: "0.6rem" };

export function NodeError({ id, messages }: { id?: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="field-error" role="alert" data-testid="run-filter-error" style={{ margin: "0.35rem 0 0" }}>
      {messages.join(". ")}
    </p>
  );
}

export function ConditionRow({ condition, label, ops }: { condition: DraftCondition; label: string; ops: BuilderOps }) {
  const id = useId();
  const messages = ops.errors[condition.id];
  const errorId = `${id}-error`;
  return (
    <li>
      <div
        role="group"
        aria-label={label}
        aria-describedby={messages ? errorId : undefined}
        data-testid="run-filter-condition"
        data-kind={condition.kind}
        style={{ ...rowStyle, borderLeftColor: messages ? "var(--danger)" : "var(--border)" }}
      >
        <div className="row" style={{ alignItems: "flex-end" }}>
          {condition.kind === "raw" ? (
            <p style={{ margin: 0, flex: 1, minWidth: 0, overflowWrap: "anywhere" }}>
              <span className="muted">A condition this builder cannot edit: </span>
              <code className="mono">{JSON.stringify(condition.node)}</code>
            </p>
          ) : (
            <>
              <Labeled id={`${id}-kind`} label="Condition">
                <select
                  id={`${id}-kind`}
                  className="input"
                  value={condition.kind}
                  onChange={(e) => {
                    const kind = CONDITION_KINDS.find((k) => k === e.target.value) ?? "status";
                    ops.update(condition.id, (node) => changeKind(node, kind));
                  }}
                  data-testid="run-filter-kind"
                >
                  {CONDITION_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {KIND_LABELS[kind]}
                    </option>
                  ))}
                </select>
              </Labeled>
              <ConditionFields
                condition={condition}
                onChange={(next) => ops.update(condition.id, () => next)}
                idPrefix={id}
                paramKeys={ops.paramKeys}
                tags={ops.tags}
              />
            </>
          )}
          <button type="button" className="btn btn-small" aria-label={`Remove ${label.toLowerCase()}`} onClick={() => ops.remove(condition.id)} data-testid="run-filter-remove">
            Remove
          </button>
        </div>
        <NodeError id={errorId} messages={messages} />
      </div>
    </li>
  );
}
