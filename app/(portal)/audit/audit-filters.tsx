"use client";
// The filter bar: entity type, actor, action and a time range, each mirrored into the URL.
import { useQuery } from "@tanstack/react-query";
import type { CSSProperties } from "react";
import { useTRPC } from "../../_lib/trpc";
import { useDraft } from "../../_lib/use-draft";
import { isoToLocalInput, localInputToIso, shortId } from "./audit-format";
import { ENTITY_TYPES, type AuditFilters, type FilterKey } from "./use-audit-filters";

interface Props {
  projectId: string;
  filters: AuditFilters;
  rangeError: string | null;
  onChange: (key: FilterKey, value: string) => void;
  onClear: () => void;
}

const fieldStyle: CSSProperties = { minWidth: "11rem", flex: "1 1 11rem", marginBottom: 0 };
const dateFieldStyle: CSSProperties = { ...fieldStyle, minWidth: "14rem", flex: "1 1 14rem" };
const trimAction = (value: string) => value.trim();
const immediate = { delay: 0 };
const dateOptions = { toDraft: isoToLocalInput, toUrl: localInputToIso };

export function AuditFilterBar({ projectId, filters, rangeError, onChange, onClear }: Props) {
  const trpc = useTRPC();
  const members = useQuery(trpc.member.list.queryOptions({ projectId }));
  const commit = (key: FilterKey) => (value: string) => onChange(key, value);
  const entity = useDraft(filters.entityType, commit("entityType"), immediate);
  const actor = useDraft(filters.actorId, commit("actorId"), immediate);
  const action = useDraft(filters.action, commit("action"), { toUrl: trimAction });
  const from = useDraft(filters.from, commit("from"), dateOptions);
  const to = useDraft(filters.to, commit("to"), dateOptions);
  const knownActor = !actor.draft || members.data?.some((m) => m.userId === actor.draft);

  return (
    <section className="card" aria-label="Filter the audit trail">
      <div className="row" style={{ alignItems: "flex-end" }}>
        <div className="field" style={fieldStyle}>
          <label htmlFor="audit-filter-entity">Entity type</label>
          <select id="audit-filter-entity" data-testid="audit-filter-entity" className="input" value={entity.draft} onChange={(e) => entity.setDraft(e.target.value)}>
            <option value="">All</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <div className="field" style={fieldStyle}>
          <label htmlFor="audit-filter-actor">Actor</label>
          <select id="audit-filter-actor" data-testid="audit-filter-actor" className="input" value={actor.draft} onChange={(e) => actor.setDraft(e.target.value)}>
            <option value="">All</option>
            {members.data?.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.email}
              </option>
            ))}
            {knownActor ? null : <option value={actor.draft}>{members.isPending ? "Loading members…" : `Former member (${shortId(actor.draft)})`}</option>}
          </select>
        </div>
        <div className="field" style={fieldStyle}>
          <label htmlFor="audit-filter-action">Action</label>
          <input
            id="audit-filter-action"
            data-testid="audit-filter-action"
            className="input mono"
            placeholder="e.g. member.added"
            maxLength={80}
            autoComplete="off"
            spellCheck={false}
            value={action.draft}
            onChange={(e) => action.setDraft(e.target.value)}
            onBlur={action.flush}
            onKeyDown={(e) => {
              if (e.key === "Enter") action.flush();
            }}
          />
        </div>
      </div>
      <div className="row" style={{ alignItems: "flex-end", marginTop: "0.75rem" }}>
        <fieldset className="row" style={{ border: 0, padding: 0, margin: 0, flex: "0 1 30rem", alignItems: "flex-end" }}>
          <legend className="muted" style={{ fontSize: "0.85rem", padding: 0, marginBottom: "0.25rem" }}>
            Time range, in your local time
          </legend>
          <DateField id="audit-filter-from" label="From" draft={from} invalid={Boolean(rangeError)} />
          <DateField id="audit-filter-to" label="To" draft={to} invalid={Boolean(rangeError)} />
        </fieldset>
        <span className="spacer" />
        <button type="button" className="btn" onClick={onClear}>
          Clear filters
        </button>
      </div>
      {rangeError ? (
        <p id="audit-range-error" className="field-error" role="alert" style={{ margin: "0.35rem 0 0" }}>
          {rangeError}
        </p>
      ) : null}
    </section>
  );
}

function DateField({ id, label, draft, invalid }: { id: string; label: string; draft: ReturnType<typeof useDraft>; invalid: boolean }) {
  return (
    <div className="field" style={dateFieldStyle}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={id}
        type="datetime-local"
        className="input"
        value={draft.draft}
        aria-invalid={invalid}
        aria-describedby={invalid ? "audit-range-error" : undefined}
        onChange={(e) => draft.setDraft(e.target.value)}
        onBlur={draft.flush}
      />
    </div>
  );
}
