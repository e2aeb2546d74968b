"use client";
// A labelled set of checkboxes for a multi-valued filter (any of the ticked values matches).
import type { CSSProperties } from "react";

interface CheckboxGroupProps {
  legend: string;
  options: readonly string[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** Each checkbox gets data-testid `<testIdPrefix><option>`. */
  testIdPrefix?: string;
  /** Shown instead of the boxes when there is nothing to choose from. */
  empty?: string;
  style?: CSSProperties;
}

const listStyle: CSSProperties = { listStyle: "none", margin: 0, padding: 0, gap: "0.25rem 0.85rem", maxHeight: "6.5rem", overflowY: "auto" };

export function CheckboxGroup({ legend, options, selected, onChange, testIdPrefix, empty, style }: CheckboxGroupProps) {
  function toggle(option: string, on: boolean) {
    // Keeps the options' order, so the URL does not depend on the order of the clicks.
    onChange(options.filter((o) => (o === option ? on : selected.includes(o))));
  }
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0, ...style }}>
      <legend style={{ fontWeight: 600, fontSize: "0.9rem", padding: 0, marginBottom: "0.3rem" }}>{legend}</legend>
      {options.length === 0 ? (
        <span className="muted">{empty}</span>
      ) : (
        <ul className="row" style={listStyle}>
          {options.map((option) => (
            <li key={option}>
              <label className="row" style={{ gap: "0.3rem", cursor: "pointer" }}>
                <input
                  type="checkbox"
                  checked={selected.includes(option)}
                  onChange={(e) => toggle(option, e.target.checked)}
                  data-testid={testIdPrefix ? `${testIdPrefix}${option}` : undefined}
                />
                {option}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
