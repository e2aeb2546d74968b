// Ingest tokens: rotation with a grace period for the replaced token, and immediate revocation. The plaintext is returned
// once and never stored; audit events carry hints only.
import type { RevokeSensorTokenInput, RotateSensorTokenInput } from "../../../contracts/sensor";
import * as q from "../../../db/queries/sensors";
import { notifyCredentialChange } from "../../../db/queries/telemetry-notify";
import { DomainError } from "../../../domain/errors";
import { generateSensorToken, rotationExpiry } from "../../../domain/sensor/token";
import { recordAudit } from "../../audit";
import type { ProjectContext } from "../context";
import { findSensorOrThrow } from "./shared";

export async function rotateToken(ctx: ProjectContext, input: RotateSensorTokenInput) {
  const now = new Date();
  const expiresAt = rotationExpiry(now, input.graceMinutes);
  return ctx.db.transaction(async (tx) => {
    // Locked, so two concurrent rotations each see the other's new credential as "previous", never both as live.
    const sensor = await findSensorOrThrow(tx, ctx, input.id, true);
    const previous = await q.expireLiveCredentials(tx, { sensorId: sensor.id, now, expiresAt });
    // Ingest caches tokens for a few seconds; the notice makes every process re-read the new expiry.
    for (const c of previous) await notifyCredentialChange(tx, c.tokenHash);
    const { token, hash, hint } = generateSensorToken();
    const credential = await q.insertCredential(tx, { sensorId: sensor.id, tokenHash: hash, hint, createdBy: ctx.user.id });
    await recordAudit(tx, ctx, {
      action: "sensor.token_rotated",
      entityType: "sensor",
      entityId: sensor.id,
      before: { credentials: previous.map((c) => ({ id: c.id, hint: c.hint, expiresAt: c.expiresAt })) },
      after: { credentialId: credential.id, hint, graceMinutes: input.graceMinutes },
    });
    const previousExpiresAt = previous.length > 0 ? new Date(Math.max(...previous.map((c) => c.expiresAt?.getTime() ?? 0))) : null;
    return { credentialId: credential.id, token, hint, previousExpiresAt };
  });
}

export async function revokeToken(ctx: ProjectContext, input: RevokeSensorTokenInput) {
  return ctx.db.transaction(async (tx) => {
    const sensor = await findSensorOrThrow(tx, ctx, input.id, true);
    const existing = await q.findCredential(tx, { sensorId: sensor.id, credentialId: input.credentialId });
    if (!existing) throw new DomainError("NOT_FOUND", "That token does not exist for this sensor.");
    // Revoking twice is harmless and keeps the first revocation time.
    if (existing.revokedAt) return { id: existing.id, hint: existing.hint, revokedAt: existing.revokedAt };
    const [revoked] = await q.revokeCredentials(tx, { sensorId: sensor.id, credentialId: existing.id });
    await notifyCredentialChange(tx, revoked!.tokenHash);
    await recordAudit(tx, ctx, { action: "sensor.token_revoked", entityType: "sensor", entityId: sensor.id, after: { credentialId: existing.id, hint: existing.hint } });
    return { id: existing.id, hint: existing.hint, revokedAt: revoked!.revokedAt! };
  });
}
