// Conversion profiles: append-only versions (each save is a new version, numbered under the sensor's row lock), the
// active version, and a preview of a raw value through a stored version or an unsaved spec.
import type { ActivateConversionProfileInput, PreviewConversionInput, SaveConversionProfileInput } from "../../../contracts/sensor";
import * as q from "../../../db/queries/sensors";
import { convert, validateConversionSpec, type ConversionSpec } from "../../../domain/conversion/profile";
import { DomainError } from "../../../domain/errors";
import { recordAudit } from "../../audit";
import type { ProjectContext } from "../context";
import { findSensorOrThrow } from "./shared";

/** validateConversionSpec reports paths inside the spec (`points.2.raw`); the client sees them under its input field. */
export function validateSpecField(spec: ConversionSpec, field: string): void {
  try {
    validateConversionSpec(spec);
  } catch (error) {
    const fieldErrors = error instanceof DomainError ? (error.details?.fieldErrors as Record<string, string[]> | undefined) : undefined;
    if (!(error instanceof DomainError) || !fieldErrors) throw error;
    const prefixed = Object.fromEntries(Object.entries(fieldErrors).map(([path, messages]) => [`${field}.${path}`, messages]));
    throw new DomainError(error.code, error.message, { ...error.details, fieldErrors: prefixed });
  }
}

function profileNotFound(version: number): DomainError {
  return new DomainError("NOT_FOUND", `This sensor has no conversion profile version ${version}.`, { fieldErrors: { version: ["No such version"] } });
}

export async function saveProfile(ctx: ProjectContext, input: SaveConversionProfileInput) {
  validateSpecField(input.spec, "spec");
  return ctx.db.transaction(async (tx) => {
    const sensor = await findSensorOrThrow(tx, ctx, input.id, true);
    const version = await q.nextProfileVersion(tx, sensor.id);
    const profile = await q.insertProfile(tx, { sensorId: sensor.id, version, spec: input.spec, createdBy: ctx.user.id });
    if (input.activate) await q.updateSensor(tx, sensor.id, { activeProfileVersion: version });
    await recordAudit(tx, ctx, {
      action: "conversion_profile.created",
      entityType: "sensor",
      entityId: sensor.id,
      after: { version, spec: input.spec, activated: input.activate },
    });
    return { ...profile, active: input.activate };
  });
}

export async function activateProfile(ctx: ProjectContext, input: ActivateConversionProfileInput) {
  return ctx.db.transaction(async (tx) => {
    const sensor = await findSensorOrThrow(tx, ctx, input.id, true);
    const profile = await q.findProfile(tx, { sensorId: sensor.id, version: input.version });
    if (!profile) throw profileNotFound(input.version);
    if (sensor.activeProfileVersion !== input.version) {
      await q.updateSensor(tx, sensor.id, { activeProfileVersion: input.version });
      await recordAudit(tx, ctx, {
        action: "conversion_profile.activated",
        entityType: "sensor",
        entityId: sensor.id,
        before: { version: sensor.activeProfileVersion },
        after: { version: input.version },
      });
    }
    return { ...profile, active: true };
  });
}

/** `{ value }` or the reason code ingest would reject the reading with; `version` is null for an unsaved spec. */
export async function previewConversion(ctx: ProjectContext, input: PreviewConversionInput) {
  let spec: ConversionSpec;
  let version: number | null = null;
  if ("spec" in input) {
    validateSpecField(input.spec, "spec");
    spec = input.spec;
  } else {
    const sensor = await findSensorOrThrow(ctx.db, ctx, input.id);
    const wanted = input.version ?? sensor.activeProfileVersion;
    if (wanted === null) throw new DomainError("CONFLICT", "This sensor has no active conversion profile.", { reason: "no_active_profile" });
    const profile = await q.findProfile(ctx.db, { sensorId: sensor.id, version: wanted });
    if (!profile) throw profileNotFound(wanted);
    spec = profile.spec;
    version = profile.version;
  }
  const result = convert(spec, input.raw);
  return result.ok ? { version, value: result.value } : { version, code: result.code };
}
