"use client";
// The conversion editor's controlled fields: the kind, then only that kind's inputs. Names are the server's paths
// (`spec.gain`, …) so its field errors land here.
import { CONVERSION_KINDS, LOOKUP_OUT_OF_RANGE, type ConversionKind } from "@/domain/conversion/profile";
import { Field, SelectField } from "../../../_components/form";
import type { FieldErrors } from "../../../_lib/errors";

export interface DraftText {
  kind: ConversionKind;
  gain: string;
  offset: string;
  coefficients: string;
  points: string;
  outOfRange: (typeof LOOKUP_OUT_OF_RANGE)[number];
}

const KIND_LABELS: Record<ConversionKind, string> = { linear: "Linear (gain · raw + offset)", polynomial: "Polynomial", lookup: "Lookup table" };
const isKind = (value: string): value is ConversionKind => (CONVERSION_KINDS as readonly string[]).includes(value);
const isOutOfRange = (value: string): value is DraftText["outOfRange"] => (LOOKUP_OUT_OF_RANGE as readonly string[]).includes(value);

interface Props {
  draft: DraftText;
  onChange: (patch: Partial<DraftText>) => void;
  errors: FieldErrors;
}

export function ProfileFields({ draft, onChange, errors }: Props) {
  const text = (key: "gain" | "offset" | "coefficients" | "points") => ({
    name: `spec.${key}`,
    id: `sensor-profile-${key}`,
    value: draft[key],
    onChange: (e: { target: { value: string } }) => onChange({ [key]: e.target.value }),
    errors,
    autoComplete: "off",
  });
  return (
    <>
      <SelectField
        name="spec.kind"
        id="sensor-profile-kind"
        label="Kind"
        options={CONVERSION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        value={draft.kind}
        onChange={(e) => isKind(e.target.value) && onChange({ kind: e.target.value })}
        errors={errors}
      />
      {draft.kind === "linear" ? (
        <div className="row" style={{ alignItems: "flex-start" }}>
          <Field {...text("gain")} label="Gain" style={{ flex: 1 }} />
          <Field {...text("offset")} label="Offset" style={{ flex: 1 }} />
        </div>
      ) : null}
      {draft.kind === "polynomial" ? (
        <Field {...text("coefficients")} label="Coefficients" placeholder="0, 1, 0.5" hint="c0, c1, c2, … separated by commas: value = c0 + c1·raw + c2·raw² …" />
      ) : null}
      {draft.kind === "lookup" ? (
        <>
          <Field {...text("points")} label="Points" multiline placeholder={"0,0\n100,25"} hint="One raw,value pair per line, raw values increasing." />
          <SelectField
            name="spec.outOfRange"
            id="sensor-profile-outOfRange"
            label="Outside the table"
            options={[
              { value: "clamp", label: "Clamp to the nearest end" },
              { value: "reject", label: "Reject the reading" },
            ]}
            value={draft.outOfRange}
            onChange={(e) => isOutOfRange(e.target.value) && onChange({ outOfRange: e.target.value })}
            errors={errors}
          />
        </>
      ) : null}
    </>
  );
}
