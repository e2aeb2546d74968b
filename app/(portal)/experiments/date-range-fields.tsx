"use client";
// Created and updated ranges as whole days in local time; both ends are included.
import type { CSSProperties } from "react";
import { useDraft } from "../../_lib/use-draft";
import { dayStart, type ExperimentFilters, type FilterKey } from "./filter-params";

interface Props {
  filters: ExperimentFilters;
  onChange: (key: FilterKey, value: string) => void;
}

const RANGES = [
  { legend: "Created", from: "createdFrom", to: "createdTo" },
  { legend: "Updated", from: "updatedFrom", to: "updatedTo" },
] as const;

const fieldStyle: CSSProperties = { flex: "1 1 10rem", minWidth: "10rem", marginBottom: 0 };

/** A range is backwards when its first day starts after its last day does. */
function backwards(from: string, to: string): boolean {
  const start = dayStart(from);
  const end = dayStart(to);
  return Boolean(start && end && start > end);
}

export function DateRangeFields({ filters, onChange }: Props) {
  return (
    <>
      {RANGES.flatMap((range) => {
        const invalid = backwards(filters[range.from], filters[range.to]);
        return [
          <DayField key={range.from} name={range.from} label={`${range.legend} from`} value={filters[range.from]} onChange={onChange} invalid={invalid} />,
          <DayField key={range.to} name={range.to} label={`${range.legend} to`} value={filters[range.to]} onChange={onChange} invalid={invalid} />,
        ];
      })}
    </>
  );
}

interface DayFieldProps {
  name: FilterKey;
  label: string;
  value: string;
  onChange: (key: FilterKey, value: string) => void;
  invalid: boolean;
}

function DayField({ name, label, value, onChange, invalid }: DayFieldProps) {
  const draft = useDraft(value, (next) => onChange(name, next), { delay: 0 });
  const id = `experiment-filter-${name}`;
  return (
    <div className="field" style={fieldStyle}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={id}
        type="date"
        className="input"
        value={draft.draft}
        aria-invalid={invalid}
        aria-describedby={invalid ? "experiment-range-error" : undefined}
        onChange={(e) => draft.setDraft(e.target.value)}
        onBlur={draft.flush}
      />
    </div>
  );
}
