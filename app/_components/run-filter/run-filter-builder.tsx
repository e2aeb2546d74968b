"use client";
// A structured run filter: a top-level ALL/ANY group of conditions (status, tags, params, metadata keys, dates) and
// nested groups one level deep. Edits stay local until Apply, which validates with the contract (runFilterSchema) and
// shows each error next to the condition it concerns. Generic: the caller decides where the applied filter lives.
import { useState, type FormEvent } from "react";
import type { RunFilter } from "@/domain/run/filter";
import { ConditionRow, NodeError, listStyle, type BuilderOps } from "./condition-row";
import { toDraft, type DraftRoot } from "./draft";
import { applyDraft, type DraftErrors } from "./draft-apply";
import { addCondition, addGroup, removeNode, updateNode } from "./draft-edit";
import { ModeSelect, NestedGroup } from "./filter-group";
import { encodeRunFilter } from "./url";

export interface RunFilterBuilderProps {
  /** The applied filter; when it changes from outside (Clear, a link), the builder shows it. */
  value: RunFilter | undefined;
  /** Called on Apply with a valid filter, or undefined for "no filter". */
  onChange: (filter: RunFilter | undefined) => void;
  /** Param names to suggest. */
  paramKeys: readonly string[];
  /** Tags to suggest. */
  tags?: readonly string[];
}

const keyOf = (filter: RunFilter | undefined) => (filter ? encodeRunFilter(filter) : "");

export function RunFilterBuilder({ value, onChange, paramKeys, tags }: RunFilterBuilderProps) {
  const applied = keyOf(value);
  const [seen, setSeen] = useState(applied);
  const [draft, setDraft] = useState<DraftRoot>(() => toDraft(value));
  const [errors, setErrors] = useState<DraftErrors>({});
  if (applied !== seen) {
    setSeen(applied);
    setDraft(toDraft(value));
    setErrors({});
  }

  /** Applies an edit and drops the stale error of the node it touched. */
  function edit(change: (root: DraftRoot) => DraftRoot, touched?: string) {
    setDraft(change);
    if (touched) setErrors(({ [touched]: _stale, ...rest }) => rest);
  }

  const ops: BuilderOps = {
    paramKeys,
    tags,
    errors,
    update: (id, change) => edit((root) => updateNode(root, id, change), id),
    remove: (id) => edit((root) => removeNode(root, id), id),
    addCondition: (groupId) => edit((root) => addCondition(root, "status", groupId), groupId),
  };

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = applyDraft(draft);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    onChange(result.filter);
  }

  function clear() {
    setDraft(toDraft(undefined));
    setErrors({});
    onChange(undefined);
  }

  const current = applyDraft(draft);
  const unapplied = !current.ok || keyOf(current.filter) !== applied;

  return (
    <form className="card" role="search" aria-label="Filter runs" onSubmit={apply} noValidate data-testid="run-filter">
      <div className="row">
        <ModeSelect label="Match" value={draft.mode} onChange={(mode) => edit((root) => ({ ...root, mode }))} testId="run-filter-mode" />
        <span className="spacer" />
        {unapplied ? <span className="muted">Changes not applied yet</span> : null}
      </div>
      <NodeError messages={errors[""]} />
      {draft.children.length === 0 ? (
        <p className="muted" style={{ margin: "0.6rem 0" }}>
          No conditions: every run is shown.
        </p>
      ) : (
        <ul style={listStyle}>
          {draft.children.map((node, index) =>
            node.kind === "group" ? (
              <NestedGroup key={node.id} group={node} label={`Group ${index + 1}`} ops={ops} />
            ) : (
              <ConditionRow key={node.id} condition={node} label={`Condition ${index + 1}`} ops={ops} />
            ),
          )}
        </ul>
      )}
      <div className="row">
        <button type="button" className="btn btn-small" onClick={() => ops.addCondition()} data-testid="run-filter-add">
          Add condition
        </button>
        <button type="button" className="btn btn-small" onClick={() => edit((root) => addGroup(root, "status"))} data-testid="run-filter-add-group">
          Add group
        </button>
        <span className="spacer" />
        <button type="button" className="btn" onClick={clear} disabled={!value && draft.children.length === 0} data-testid="run-filter-clear">
          Clear filter
        </button>
        <button type="submit" className="btn btn-primary" data-testid="run-filter-apply">
          Apply
        </button>
      </div>
    </form>
  );
}
