"use client";
// The filter bar: search, type, sort, status, tags and two date ranges, each mirrored into the URL.
import { useQuery } from "@tanstack/react-query";
import type { CSSProperties } from "react";
import { EXPERIMENT_STATUSES } from "@/domain/experiment/status";
import { useTRPC } from "../../_lib/trpc";
import { useDraft } from "../../_lib/use-draft";
import { CheckboxGroup } from "./checkbox-group";
import { DateRangeFields } from "./date-range-fields";
import { DEFAULT_SORT, SORT_OPTIONS, splitList, type ExperimentFilters, type FilterKey } from "./filter-params";

interface Props {
  projectId: string;
  filters: ExperimentFilters;
  filtered: boolean;
  rangeError: string | null;
  onChange: (key: FilterKey, value: string) => void;
  onClear: () => void;
}

const fieldStyle: CSSProperties = { flex: "1 1 11rem", minWidth: "11rem", marginBottom: 0 };
const immediate = { delay: 0 };
const trim = (value: string) => value.trim();

export function ExperimentFilterBar({ projectId, filters, filtered, rangeError, onChange, onClear }: Props) {
  const trpc = useTRPC();
  const types = useQuery(trpc.experiment.types.queryOptions({ projectId }));
  const tags = useQuery(trpc.experiment.tags.queryOptions({ projectId }));
  const commit = (key: FilterKey) => (value: string) => onChange(key, value);
  const search = useDraft(filters.q, commit("q"), { toUrl: trim });
  const type = useDraft(filters.type, commit("type"), immediate);
  const sort = useDraft(filters.sort, commit("sort"), { delay: 0, toUrl: (v) => (v === DEFAULT_SORT ? "" : v) });
  const status = useDraft(filters.status, commit("status"), immediate);
  const tag = useDraft(filters.tags, commit("tags"), immediate);
  const selectedTags = splitList(tag.draft);
  const typeOptions = withSelected(types.data ?? [], type.draft ? [type.draft] : []);
  const tagOptions = withSelected(tags.data ?? [], selectedTags);

  return (
    <section className="card" aria-label="Filter experiments">
      <div className="row" style={{ alignItems: "flex-end" }}>
        <div className="field" style={{ ...fieldStyle, flex: "3 1 16rem" }}>
          <label htmlFor="experiment-filter-search">Search name and description</label>
          <input
            id="experiment-filter-search"
            data-testid="experiment-filter-search"
            type="search"
            className="input"
            maxLength={200}
            autoComplete="off"
            value={search.draft}
            onChange={(e) => search.setDraft(e.target.value)}
            onBlur={search.flush}
            onKeyDown={(e) => e.key === "Enter" && search.flush()}
          />
        </div>
        <div className="field" style={fieldStyle}>
          <label htmlFor="experiment-filter-type">Type</label>
          <select id="experiment-filter-type" data-testid="experiment-filter-type" className="input" value={type.draft} onChange={(e) => type.setDraft(e.target.value)}>
            <option value="">{types.isPending ? "Loading types…" : "All types"}</option>
            {typeOptions.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="field" style={fieldStyle}>
          <label htmlFor="experiment-sort">Sort by</label>
          <select id="experiment-sort" data-testid="experiment-sort" className="input" value={sort.draft || DEFAULT_SORT} onChange={(e) => sort.setDraft(e.target.value)}>
            {SORT_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="row" style={{ alignItems: "flex-start", marginTop: "0.75rem", gap: "1.5rem" }}>
        <CheckboxGroup
          legend="Status"
          options={EXPERIMENT_STATUSES}
          selected={splitList(status.draft)}
          onChange={(next) => status.setDraft(next.join(","))}
          testIdPrefix="experiment-filter-status-"
        />
        <CheckboxGroup
          legend="Tags (any of)"
          options={tagOptions}
          selected={selectedTags}
          onChange={(next) => tag.setDraft(next.join(","))}
          testIdPrefix="experiment-filter-tag-"
          empty={tags.isPending ? "Loading tags…" : tags.isError ? "Tags could not be loaded" : "No tags in use yet"}
          style={{ flex: "1 1 16rem" }}
        />
      </div>
      <div className="row" style={{ alignItems: "flex-end", marginTop: "0.75rem" }}>
        <DateRangeFields filters={filters} onChange={onChange} />
        <span className="spacer" />
        <button type="button" className="btn" onClick={onClear} disabled={!filtered}>
          Clear filters
        </button>
      </div>
      {rangeError ? (
        <p id="experiment-range-error" className="field-error" role="alert" style={{ margin: "0.35rem 0 0" }}>
          {rangeError}
        </p>
      ) : null}
    </section>
  );
}

/** The known values plus any chosen one that is not (yet) among them, e.g. from a shared link. */
function withSelected(known: readonly string[], selected: readonly string[]): string[] {
  return [...known, ...selected.filter((value) => !known.includes(value))];
}
