"use client";
// The inputs of one condition, by kind. Each control has its own label; ids come from the row's useId.
import { RUN_DATE_FIELDS, TAG_MODES, type RunDateField, type TagMode } from "@/domain/run/filter";
import { RUN_STATUSES } from "@/domain/run/status";
import type { DraftCondition } from "./draft";
import { Labeled } from "./labeled";
import { ParamFields } from "./param-fields";

const TAG_MODE_LABELS: Record<TagMode, string> = { any: "has any of", all: "has all of", none: "has none of" };
export const DATE_FIELD_LABELS: Record<RunDateField, string> = { createdAt: "Created", startedAt: "Started", finishedAt: "Finished" };

interface Props {
  condition: Exclude<DraftCondition, { kind: "raw" }>;
  onChange: (next: DraftCondition) => void;
  idPrefix: string;
  paramKeys: readonly string[];
  tags?: readonly string[];
}

export function ConditionFields({ condition, onChange, idPrefix, paramKeys, tags }: Props) {
  const id = (name: string) => `${idPrefix}-${name}`;
  switch (condition.kind) {
    case "status":
      return (
        <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0, flex: "1 1 14rem" }}>
          <legend style={{ fontWeight: 600, fontSize: "0.9rem", padding: 0, marginBottom: "0.3rem" }}>Status is one of</legend>
          <div className="row" style={{ gap: "0.25rem 0.85rem" }}>
            {RUN_STATUSES.map((status) => (
              <label key={status} className="row" style={{ gap: "0.3rem", cursor: "pointer" }}>
                <input
                  type="checkbox"
                  checked={condition.statuses.includes(status)}
                  onChange={(e) =>
                    onChange({ ...condition, statuses: RUN_STATUSES.filter((s) => (s === status ? e.target.checked : condition.statuses.includes(s))) })
                  }
                  data-testid={`run-filter-status-${status}`}
                />
                {status}
              </label>
            ))}
          </div>
        </fieldset>
      );
    case "tags":
      return (
        <>
          <Labeled id={id("mode")} label="Tags">
            <select
              id={id("mode")}
              className="input"
              value={condition.mode}
              onChange={(e) => onChange({ ...condition, mode: TAG_MODES.find((m) => m === e.target.value) ?? "any" })}
              data-testid="run-filter-tags-mode"
            >
              {TAG_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {TAG_MODE_LABELS[mode]}
                </option>
              ))}
            </select>
          </Labeled>
          <Labeled id={id("values")} label="Tag list (comma-separated)" grow>
            <input
              id={id("values")}
              className="input"
              autoComplete="off"
              placeholder={tags?.length ? tags.slice(0, 3).join(", ") : "baseline, smoke"}
              value={condition.values}
              onChange={(e) => onChange({ ...condition, values: e.target.value })}
              data-testid="run-filter-tags-values"
            />
          </Labeled>
        </>
      );
    case "param":
      return <ParamFields condition={condition} onChange={onChange} idPrefix={idPrefix} paramKeys={paramKeys} />;
    case "metadata":
      return (
        <>
          <Labeled id={id("key")} label="Metadata key" grow>
            <input
              id={id("key")}
              className="input"
              autoComplete="off"
              value={condition.key}
              onChange={(e) => onChange({ ...condition, key: e.target.value })}
              data-testid="run-filter-metadata-key"
            />
          </Labeled>
          <Labeled id={id("exists")} label="Presence">
            <select
              id={id("exists")}
              className="input"
              value={condition.exists ? "exists" : "missing"}
              onChange={(e) => onChange({ ...condition, exists: e.target.value === "exists" })}
              data-testid="run-filter-metadata-exists"
            >
              <option value="exists">exists</option>
              <option value="missing">does not exist</option>
            </select>
          </Labeled>
        </>
      );
    case "date":
      return (
        <>
          <Labeled id={id("field")} label="Date">
            <select
              id={id("field")}
              className="input"
              value={condition.field}
              onChange={(e) => onChange({ ...condition, field: RUN_DATE_FIELDS.find((f) => f === e.target.value) ?? "createdAt" })}
              data-testid="run-filter-date-field"
            >
              {RUN_DATE_FIELDS.map((field) => (
                <option key={field} value={field}>
                  {DATE_FIELD_LABELS[field]}
                </option>
              ))}
            </select>
          </Labeled>
          {(["from", "to"] as const).map((end) => (
            <Labeled key={end} id={id(end)} label={end === "from" ? "From (inclusive)" : "To (exclusive)"} grow>
              <input
                id={id(end)}
                className="input"
                type="datetime-local"
                value={condition[end]}
                onChange={(e) => onChange({ ...condition, [end]: e.target.value })}
                data-testid={`run-filter-date-${end}`}
              />
            </Labeled>
          ))}
        </>
      );
  }
}
