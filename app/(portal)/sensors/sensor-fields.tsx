"use client";
// The fields a sensor is made of, shared by the create and edit dialogs. contracts/sensor.ts pulls node:crypto in
// (through domain/sensor/token.ts), so it cannot run in the browser: the text is only shaped here and the server
// applies the contract's rules, whose field errors land on these same fields.
import { z } from "zod";
import { idSchema, jsonObjectText } from "@/contracts/common";
import { Field } from "../../_components/form";
import type { FieldErrors } from "../../_lib/errors";

export const sensorForm = z.object({
  projectId: idSchema,
  name: z.string(),
  // Empty takes the contract's default ("generic") on create.
  type: z.string().optional(),
  unit: z.string(),
  rawUnit: z.string(),
  description: z.string(),
  metadata: jsonObjectText,
});
export type SensorFormValues = z.infer<typeof sensorForm>;

export function sensorFormValues(fields: Record<string, string>, projectId: string) {
  return { ...fields, projectId, type: fields.type?.trim() ? fields.type : undefined };
}

export interface SensorFieldDefaults {
  name?: string;
  type?: string;
  unit?: string;
  rawUnit?: string;
  description?: string;
  metadata?: string;
}

export function SensorFields({ errors, defaults = {}, idPrefix }: { errors: FieldErrors; defaults?: SensorFieldDefaults; idPrefix: string }) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <Field name="name" id={id("name")} label="Name" defaultValue={defaults.name} errors={errors} autoComplete="off" required autoFocus />
      <Field name="type" id={id("type")} label="Type" defaultValue={defaults.type} errors={errors} autoComplete="off" placeholder="generic" />
      <div className="row" style={{ alignItems: "flex-start" }}>
        <Field name="rawUnit" id={id("rawUnit")} label="Raw unit" defaultValue={defaults.rawUnit} errors={errors} placeholder="mV" style={{ flex: 1 }} required />
        <Field name="unit" id={id("unit")} label="Physical unit" defaultValue={defaults.unit} errors={errors} placeholder="°C" style={{ flex: 1 }} required />
      </div>
      <Field name="description" id={id("description")} label="Description" defaultValue={defaults.description} errors={errors} multiline />
      <Field
        name="metadata"
        id={id("metadata")}
        label="Metadata (JSON object)"
        defaultValue={defaults.metadata}
        errors={errors}
        multiline
        placeholder='{"location": "bay 3"}'
        hint="Optional."
      />
    </>
  );
}
