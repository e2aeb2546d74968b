// Sensor inputs: records, project membership, ingest tokens and conversion profiles. The conversion spec here checks
// shape only; its rules (monotonic tables, degree ≤ 5, …) are domain/conversion/profile.ts's validateConversionSpec.
import { z } from "zod";
import { LOOKUP_OUT_OF_RANGE, type ConversionSpec } from "../domain/conversion/profile";
import { DEFAULT_ROTATION_GRACE_MINUTES } from "../domain/sensor/token";
import { cursorSchema, idempotencyKeySchema, idSchema, limitSchema, metadataSchema, projectScopedInput } from "./common";

// zod 4 numbers refuse NaN and ±Infinity already.
const finite = z.number({ message: "Enter a finite number" });

export const conversionSpecSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("linear"), gain: finite, offset: finite }),
  z.object({ kind: z.literal("polynomial"), coefficients: z.array(finite).max(50) }),
  z.object({
    kind: z.literal("lookup"),
    points: z.array(z.object({ raw: finite, value: finite })).max(10_000),
    outOfRange: z.enum(LOOKUP_OUT_OF_RANGE),
  }),
]);
// The contract and the domain must describe the same thing; this line stops compiling if they drift apart.
const _specMatchesDomain: (spec: z.infer<typeof conversionSpecSchema>) => ConversionSpec = (spec) => spec;
export type ConversionSpecInput = z.infer<typeof conversionSpecSchema>;

export const DEFAULT_CONVERSION_SPEC: ConversionSpec = { kind: "linear", gain: 1, offset: 0 };

const unitSchema = z.string().trim().min(1, { message: "Enter a unit" }).max(40, { message: "Use at most 40 characters" });

const sensorFields = {
  name: z.string().trim().min(1, { message: "Enter a name" }).max(200, { message: "Use at most 200 characters" }),
  type: z.string().trim().min(1, { message: "Enter a type" }).max(60, { message: "Use at most 60 characters" }),
  unit: unitSchema,
  rawUnit: unitSchema,
  description: z.string().trim().max(5000, { message: "Use at most 5000 characters" }),
  metadata: metadataSchema,
};

export const createSensorInput = projectScopedInput.extend({
  name: sensorFields.name,
  type: sensorFields.type.default("generic"),
  unit: sensorFields.unit,
  rawUnit: sensorFields.rawUnit,
  description: sensorFields.description.default(""),
  metadata: sensorFields.metadata.default({}),
  /** Version 1 of the conversion profile; identity (gain 1, offset 0) when left out. */
  conversion: conversionSpecSchema.optional(),
  idempotencyKey: idempotencyKeySchema,
});
export type CreateSensorInput = z.infer<typeof createSensorInput>;

// From the plain fields, so that a field left out of an update is left alone rather than reset to its default.
export const updateSensorInput = z.object(sensorFields).partial().extend({ projectId: idSchema, id: idSchema });
export type UpdateSensorInput = z.infer<typeof updateSensorInput>;

export const sensorIdInput = projectScopedInput.extend({ id: idSchema });
export type SensorIdInput = z.infer<typeof sensorIdInput>;

export const listSensorsInput = projectScopedInput.extend({ cursor: cursorSchema, limit: limitSchema });
export type ListSensorsInput = z.infer<typeof listSensorsInput>;

/** `targetProjectId` is the project added or removed; the caller needs sensors:write in it and in `projectId`. */
export const sensorProjectInput = sensorIdInput.extend({ targetProjectId: idSchema });
export type SensorProjectInput = z.infer<typeof sensorProjectInput>;

export const rotateSensorTokenInput = sensorIdInput.extend({
  /** How long the replaced token keeps working; 0 cuts it off now. */
  graceMinutes: z.number().int().min(0).default(DEFAULT_ROTATION_GRACE_MINUTES),
});
export type RotateSensorTokenInput = z.infer<typeof rotateSensorTokenInput>;

export const revokeSensorTokenInput = sensorIdInput.extend({ credentialId: idSchema });
export type RevokeSensorTokenInput = z.infer<typeof revokeSensorTokenInput>;

export const saveConversionProfileInput = sensorIdInput.extend({ spec: conversionSpecSchema, activate: z.boolean().default(true) });
export type SaveConversionProfileInput = z.infer<typeof saveConversionProfileInput>;

const versionSchema = z.number().int().min(1);

export const activateConversionProfileInput = sensorIdInput.extend({ version: versionSchema });
export type ActivateConversionProfileInput = z.infer<typeof activateConversionProfileInput>;

/** Either a stored version of a sensor (its active one when `version` is left out) or an unsaved spec. */
export const previewConversionInput = z.union([
  sensorIdInput.extend({ raw: finite, version: versionSchema.optional() }),
  projectScopedInput.extend({ spec: conversionSpecSchema, raw: finite }),
]);
export type PreviewConversionInput = z.infer<typeof previewConversionInput>;
