"use client";
// The runs table: select-all for the loaded rows, sortable headers (aria-sort), fixed columns, then one column per
// chosen param.
import { useEffect, useRef, type CSSProperties } from "react";
import { ariaSort, nextRunSort, type RunSort, type RunSortField } from "./runs-format";
import { RunRow, type RunListItem } from "./runs-row";

interface Props {
  runs: readonly RunListItem[];
  columns: readonly string[];
  sort: RunSort;
  onSort: (sort: RunSort) => void;
  selected: ReadonlySet<string>;
  onSelect: (ids: readonly string[], on: boolean) => void;
}

const sortButtonStyle: CSSProperties = {
  border: "none", background: "none", padding: 0, font: "inherit", color: "inherit", textTransform: "inherit", letterSpacing: "inherit", cursor: "pointer",
};

function SortHeader({ field, label, sort, onSort }: { field: RunSortField; label: string; sort: RunSort; onSort: (sort: RunSort) => void }) {
  const state = ariaSort(sort, field);
  return (
    <th scope="col" aria-sort={state}>
      <button type="button" style={sortButtonStyle} onClick={() => onSort(nextRunSort(sort, field))} data-testid={`runs-sort-${field}`}>
        {label}
        <span aria-hidden="true">{state === "ascending" ? " ▲" : state === "descending" ? " ▼" : ""}</span>
      </button>
    </th>
  );
}

function SelectAll({ runs, selected, onSelect }: Pick<Props, "runs" | "selected" | "onSelect">) {
  const ref = useRef<HTMLInputElement>(null);
  const count = runs.filter((run) => selected.has(run.id)).length;
  const all = count > 0 && count === runs.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      checked={all}
      onChange={() => onSelect(runs.map((run) => run.id), !all)}
      aria-label="Select all runs on this page"
      data-testid="runs-select-all"
    />
  );
}

export function RunsTable({ runs, columns, sort, onSort, selected, onSelect }: Props) {
  const header = { sort, onSort };
  return (
    <div style={{ overflowX: "auto" }}>
      <table className="table" data-testid="runs-table">
        <thead>
          <tr>
            <th scope="col" style={{ width: "2rem" }}>
              <SelectAll runs={runs} selected={selected} onSelect={onSelect} />
            </th>
            <SortHeader field="name" label="Name" {...header} />
            <SortHeader field="status" label="Status" {...header} />
            <th scope="col">Duration</th>
            <th scope="col">Tags</th>
            <th scope="col" title="Capture sessions">
              Sessions
            </th>
            <SortHeader field="startedAt" label="Started" {...header} />
            <SortHeader field="createdAt" label="Created" {...header} />
            {columns.map((name) => (
              <th key={name} scope="col" className="mono" style={{ textTransform: "none" }} data-testid={`runs-param-header-${name}`}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <RunRow key={run.id} run={run} columns={columns} selected={selected.has(run.id)} onSelect={(on) => onSelect([run.id], on)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
