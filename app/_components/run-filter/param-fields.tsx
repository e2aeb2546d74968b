"use client";
// A param condition: key (suggested from the runs' param names), operator, value type, and a value input that fits
// the type — numbers for <, <=, >, >=; text for "contains"; a choice of text, number or true/false for = and !=.
import { PARAM_OPERATORS, type ParamOperator } from "@/domain/run/filter";
import { valueTypesFor, type DraftCondition, type ValueType } from "./draft";
import { Labeled } from "./labeled";

type ParamCondition = Extract<DraftCondition, { kind: "param" }>;

const OPERATOR_LABELS: Record<ParamOperator, string> = {
  "=": "=", "!=": "≠", "<": "<", "<=": "≤", ">": ">", ">=": "≥", contains: "contains",
};
const TYPE_LABELS: Record<ValueType, string> = { string: "text", number: "number", boolean: "true / false" };

interface Props {
  condition: ParamCondition;
  onChange: (next: ParamCondition) => void;
  idPrefix: string;
  paramKeys: readonly string[];
}

/** The type a value is read as: the chosen one when the operator allows it, else the operator's only type. */
function effectiveType(op: ParamOperator, type: ValueType): ValueType {
  const types = valueTypesFor(op);
  return types.includes(type) ? type : types[0]!;
}

export function ParamFields({ condition, onChange, idPrefix, paramKeys }: Props) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const types = valueTypesFor(condition.op);
  const type = effectiveType(condition.op, condition.type);
  const setType = (next: ValueType) =>
    onChange({ ...condition, type: next, value: next === "boolean" && !["true", "false"].includes(condition.value) ? "true" : condition.value });

  return (
    <>
      <Labeled id={id("key")} label="Param" grow>
        <input
          id={id("key")}
          className="input"
          list={id("keys")}
          autoComplete="off"
          value={condition.key}
          onChange={(e) => onChange({ ...condition, key: e.target.value })}
          data-testid="run-filter-param-key"
        />
        <datalist id={id("keys")}>
          {paramKeys.map((key) => (
            <option key={key} value={key} />
          ))}
        </datalist>
      </Labeled>
      <Labeled id={id("op")} label="Operator">
        <select
          id={id("op")}
          className="input"
          value={condition.op}
          onChange={(e) => {
            const op = PARAM_OPERATORS.find((o) => o === e.target.value) ?? "=";
            onChange({ ...condition, op, type: effectiveType(op, condition.type) });
          }}
          data-testid="run-filter-param-op"
        >
          {PARAM_OPERATORS.map((op) => (
            <option key={op} value={op}>
              {OPERATOR_LABELS[op]}
            </option>
          ))}
        </select>
      </Labeled>
      {types.length > 1 ? (
        <Labeled id={id("type")} label="Value type">
          <select
            id={id("type")}
            className="input"
            value={type}
            onChange={(e) => setType(types.find((t) => t === e.target.value) ?? "string")}
            data-testid="run-filter-param-type"
          >
            {types.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </Labeled>
      ) : null}
      <Labeled id={id("value")} label="Value" grow>
        {type === "boolean" ? (
          <select
            id={id("value")}
            className="input"
            value={condition.value}
            onChange={(e) => onChange({ ...condition, value: e.target.value })}
            data-testid="run-filter-param-value"
          >
            <option value="true">true</option>
            <option value="false">false</option>
          </select>
        ) : (
          <input
            id={id("value")}
            className="input"
            type={type === "number" ? "number" : "text"}
            step={type === "number" ? "any" : undefined}
            inputMode={type === "number" ? "decimal" : undefined}
            autoComplete="off"
            value={condition.value}
            onChange={(e) => onChange({ ...condition, value: e.target.value })}
            data-testid="run-filter-param-value"
          />
        )}
      </Labeled>
    </>
  );
}
