// Sensor records: create (with its first token and profile version), list, read, edit, soft delete, and the projects
// a sensor belongs to. Each write is one transaction: load (locked) → rule → write → audit.
import { z } from "zod";
import { idSchema } from "../../../contracts/common";
import { DEFAULT_CONVERSION_SPEC, type CreateSensorInput, type ListSensorsInput, type SensorIdInput, type SensorProjectInput, type UpdateSensorInput } from "../../../contracts/sensor";
import { findMembership } from "../../../db/queries/projects";
import { notifyCredentialChange } from "../../../db/queries/telemetry-notify";
import { findRecorders } from "../../../db/queries/run-sensors";
import * as q from "../../../db/queries/sensors";
import { can } from "../../../domain/access";
import { sensorRecordingConflict } from "../../../domain/capture-session/recording";
import { DomainError } from "../../../domain/errors";
import { generateSensorToken, isCredentialActive } from "../../../domain/sensor/token";
import { recordAudit } from "../../audit";
import { withIdempotency } from "../../idempotency";
import type { ProjectContext } from "../context";
import { validateSpecField } from "./profiles";
import { findSensorOrThrow, sensorNotFound } from "./shared";

export async function create(ctx: ProjectContext, input: CreateSensorInput) {
  const spec = input.conversion ?? DEFAULT_CONVERSION_SPEC;
  validateSpecField(spec, "conversion");
  // A replay of the same key returns the stored result, plaintext token included. That is acceptable: keys are per user,
  // so only the user who created the sensor (and was shown the token) can replay it; the token is still never in audit.
  return withIdempotency({ db: ctx.db, userId: ctx.user.id, scope: "sensor.create", key: input.idempotencyKey, input }, (db) =>
    db.transaction(async (tx) => {
      const { name, type, unit, rawUnit, description, metadata } = input;
      const created = await q.insertSensor(tx, { name, type, unit, rawUnit, description, metadata, createdBy: ctx.user.id });
      await q.insertSensorProject(tx, { sensorId: created.id, projectId: ctx.project.id, isPrimary: true });
      await q.insertProfile(tx, { sensorId: created.id, version: 1, spec, createdBy: ctx.user.id });
      const sensor = await q.updateSensor(tx, created.id, { activeProfileVersion: 1 });
      const { token, hash, hint } = generateSensorToken();
      await q.insertCredential(tx, { sensorId: sensor.id, tokenHash: hash, hint, createdBy: ctx.user.id });
      await recordAudit(tx, ctx, { action: "sensor.created", entityType: "sensor", entityId: sensor.id, after: { ...sensor, tokenHint: hint, conversion: spec } });
      return { sensor: { ...sensor, tokenHint: hint }, token };
    }),
  );
}

const cursorTuple = z.tuple([z.string().max(1000).regex(/^[^\0]*$/), idSchema]);

function decodeCursor(cursor: string): { name: string; id: string } {
  let parsed: ReturnType<typeof cursorTuple.safeParse> | undefined;
  try {
    parsed = cursorTuple.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) {
    const message = "Invalid cursor. Start again from the first page.";
    throw new DomainError("BAD_INPUT", message, { fieldErrors: { cursor: [message] } });
  }
  return { name: parsed.data[0], id: parsed.data[1] };
}

export async function list(ctx: ProjectContext, input: ListSensorsInput) {
  const rows = await q.listSensorPage(ctx.db, {
    projectId: ctx.project.id,
    after: input.cursor ? decodeCursor(input.cursor) : undefined,
    limit: input.limit + 1,
    now: new Date(),
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: rows.length > input.limit && last ? Buffer.from(JSON.stringify([last.name, last.id]), "utf8").toString("base64url") : null,
  };
}

export async function byId(ctx: ProjectContext, input: SensorIdInput) {
  const sensor = await findSensorOrThrow(ctx.db, ctx, input.id);
  const now = new Date();
  const [projects, credentials, profiles] = await Promise.all([
    q.listSensorProjects(ctx.db, sensor.id),
    q.listCredentials(ctx.db, sensor.id),
    q.listProfiles(ctx.db, sensor.id),
  ]);
  return {
    ...sensor,
    projects,
    credentials: credentials.map((c) => ({ ...c, active: isCredentialActive(c, now) })),
    profiles: profiles.map((p) => ({ ...p, active: p.version === sensor.activeProfileVersion })),
  };
}

export async function update(ctx: ProjectContext, input: UpdateSensorInput) {
  // Only the fields the caller sent; drizzle leaves a column alone when its value is undefined.
  const { projectId: _projectId, id, ...changes } = input;
  return ctx.db.transaction(async (tx) => {
    const before = await findSensorOrThrow(tx, ctx, id, true);
    if (Object.values(changes).every((v) => v === undefined)) return before;
    const after = await q.updateSensor(tx, id, changes);
    await recordAudit(tx, ctx, { action: "sensor.updated", entityType: "sensor", entityId: id, before, after });
    return after;
  });
}

export async function remove(ctx: ProjectContext, input: SensorIdInput) {
  return ctx.db.transaction(async (tx) => {
    const before = await findSensorOrThrow(tx, ctx, input.id, true);
    // Under the sensor's row lock: a session claiming it (FOR KEY SHARE in lockProjectSensors) has committed or waits.
    const [recorder] = await findRecorders(tx, [input.id]);
    if (recorder) throw sensorRecordingConflict(recorder, "Stop that session before deleting the sensor.");
    await q.softDeleteSensor(tx, input.id);
    const revoked = await q.revokeCredentials(tx, { sensorId: input.id });
    for (const c of revoked) await notifyCredentialChange(tx, c.tokenHash);
    await recordAudit(tx, ctx, {
      action: "sensor.deleted",
      entityType: "sensor",
      entityId: input.id,
      before,
      after: { revokedCredentials: revoked.map((c) => c.hint) },
    });
    return { id: input.id };
  });
}

/** The caller must be able to write sensors in the other project too: not a member → NOT_FOUND, a viewer → FORBIDDEN. */
async function assertCanWriteIn(ctx: ProjectContext, projectId: string) {
  const membership = await findMembership(ctx.db, { projectId, userId: ctx.user.id });
  if (!membership) {
    throw new DomainError("NOT_FOUND", "Project not found.", { fieldErrors: { targetProjectId: ["Project not found"] } });
  }
  if (!can(membership.role, "sensors:write")) {
    throw new DomainError("FORBIDDEN", `Your role in the other project (${membership.role}) does not allow changing its sensors.`);
  }
  return membership;
}

export async function addProject(ctx: ProjectContext, input: SensorProjectInput) {
  const target = await assertCanWriteIn(ctx, input.targetProjectId);
  return ctx.db.transaction(async (tx) => {
    const sensor = await findSensorOrThrow(tx, ctx, input.id, true);
    if (await q.insertSensorProject(tx, { sensorId: sensor.id, projectId: target.id, isPrimary: false })) {
      await recordAudit(tx, ctx, { action: "sensor.project_added", entityType: "sensor", entityId: sensor.id, after: { projectId: target.id } });
    }
    return { id: sensor.id, projects: await q.listSensorProjects(tx, sensor.id) };
  });
}

export async function removeProject(ctx: ProjectContext, input: SensorProjectInput) {
  await assertCanWriteIn(ctx, input.targetProjectId);
  return ctx.db.transaction(async (tx) => {
    // Locked, so two concurrent removals cannot both pass the "not the last project" check.
    const sensor = await findSensorOrThrow(tx, ctx, input.id, true);
    const projects = await q.listSensorProjects(tx, sensor.id);
    const link = projects.find((p) => p.id === input.targetProjectId);
    if (!link) throw sensorNotFound();
    if (link.isPrimary) {
      throw new DomainError("CONFLICT", "This is the sensor's primary project, which cannot be removed.", { reason: "primary_project" });
    }
    if (projects.length <= 1) {
      throw new DomainError("CONFLICT", "A sensor must belong to at least one project.", { reason: "last_project" });
    }
    await q.deleteSensorProject(tx, { sensorId: sensor.id, projectId: link.id });
    await recordAudit(tx, ctx, { action: "sensor.project_removed", entityType: "sensor", entityId: sensor.id, before: { projectId: link.id } });
    return { id: sensor.id, projects: projects.filter((p) => p.id !== link.id) };
  });
}
