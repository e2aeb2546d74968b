// POST /api/v1/telemetry: who may post (401 for every kind of bad token, with one message; rotation grace; revocation
// through the process's token cache) and the limits (413 on the wire and after gunzip, 429 with Retry-After).
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifyCredentialChange } from "../../../db/queries/telemetry-notify";
import { sensorCredentials } from "../../../db/schema";
import { generateSensorToken, hashSensorToken } from "../../../domain/sensor/token";
import { useTestDatabase } from "../../../test/db";
import { DEFAULT_TEST_LIMITS, makeSensorWorld, readingsAt, startIngestServer } from "./ingest-test-kit";

describe("POST /api/v1/telemetry: tokens and limits", () => {
  const db = useTestDatabase();
  let api: Awaited<ReturnType<typeof startIngestServer>>;
  let small: Awaited<ReturnType<typeof startIngestServer>>;
  let world: Awaited<ReturnType<typeof makeSensorWorld>>;
  const credentialsOf = async (sensorId: string) =>
    (await world.caller.sensor.byId({ projectId: world.project.id, id: sensorId })).credentials;

  beforeAll(async () => {
    api = await startIngestServer(db, DEFAULT_TEST_LIMITS);
    small = await startIngestServer(db, { maxBodyBytes: 20_000, maxDecompressedBytes: 40_000, ratePerSecond: 2, burstPerTenSeconds: 1 });
    world = await makeSensorWorld(db);
  });
  afterAll(async () => {
    await api.close();
    await small.close();
  });

  it("401 with one identical message for a missing, malformed, unknown, revoked or expired token, or a token in the URL", async () => {
    const sensor = await world.makeSensor();
    const revoked = await world.makeSensor();
    const [credential] = await credentialsOf(revoked.id);
    await world.caller.sensor.revokeToken({ projectId: world.project.id, id: revoked.id, credentialId: credential!.id });
    const expired = await world.makeSensor();
    await db.db.update(sensorCredentials).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(sensorCredentials.sensorId, expired.id));

    const body = { readings: readingsAt(1) };
    const answers = [
      await api.post(body),
      await api.post(body, { headers: { authorization: sensor.token } }),
      await api.post(body, { headers: { authorization: `Basic ${sensor.token}` } }),
      await api.post(body, { token: "not-a-token" }),
      await api.post(body, { token: generateSensorToken().token }),
      await api.post(body, { token: revoked.token }),
      await api.post(body, { token: expired.token }),
      await (async () => {
        const res = await fetch(`${api.url}?token=${sensor.token}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
        return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
      })(),
    ];
    expect(new Set(answers.map((a) => JSON.stringify([a.status, a.body.error!.code, a.body.error!.message])))).toEqual(
      new Set([JSON.stringify([401, "UNAUTHENTICATED", "A valid sensor token is required: send Authorization: Bearer <token>."])]),
    );
  });

  it("revoke cuts a cached token off at once (NOTIFY evicts it from the cache)", async () => {
    const sensor = await world.makeSensor();
    expect((await api.post({ readings: readingsAt(1) }, { token: sensor.token })).status).toBe(202);
    const [credential] = await credentialsOf(sensor.id);
    await world.caller.sensor.revokeToken({ projectId: world.project.id, id: sensor.id, credentialId: credential!.id });
    await expect.poll(async () => (await api.post({ readings: readingsAt(1, Date.now() - 5000) }, { token: sensor.token })).status, { timeout: 2000 }).toBe(401);
  });

  it("rotation with grace: the old token works inside the grace period and stops when it ends; grace 0 stops it at once", async () => {
    const sensor = await world.makeSensor();
    expect((await api.post({ readings: readingsAt(1, Date.now() - 90_000) }, { token: sensor.token })).status).toBe(202);
    const rotated = await world.caller.sensor.rotateToken({ projectId: world.project.id, id: sensor.id, graceMinutes: 15 });
    expect((await api.post({ readings: readingsAt(1, Date.now() - 80_000) }, { token: sensor.token })).status).toBe(202);
    expect((await api.post({ readings: readingsAt(1, Date.now() - 70_000) }, { token: rotated.token })).status).toBe(202);

    // The grace period ends (moved into the past, and announced as every credential change is).
    const oldHash = hashSensorToken(sensor.token);
    await db.db.transaction(async (tx) => {
      await tx.update(sensorCredentials).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(sensorCredentials.tokenHash, oldHash));
      await notifyCredentialChange(tx, oldHash);
    });
    await expect.poll(async () => (await api.post({ readings: readingsAt(1, Date.now() - 60_000) }, { token: sensor.token })).status, { timeout: 2000 }).toBe(401);

    const again = await world.caller.sensor.rotateToken({ projectId: world.project.id, id: sensor.id, graceMinutes: 0 });
    await expect.poll(async () => (await api.post({ readings: readingsAt(1, Date.now() - 50_000) }, { token: rotated.token })).status, { timeout: 2000 }).toBe(401);
    expect((await api.post({ readings: readingsAt(1, Date.now() - 40_000) }, { token: again.token })).status).toBe(202);
  });

  it("413 when the body is over the byte limit, on the wire or after gunzip (a gzip bomb)", async () => {
    const sensor = await world.makeSensor();
    const big = await small.post({ readings: readingsAt(500) }, { token: sensor.token });
    expect([big.status, big.body.error!.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    const bomb = { readings: readingsAt(1), padding: "0".repeat(5_000_000) };
    const res = await small.post(bomb, { token: sensor.token, gzip: true });
    expect([res.status, res.body.error!.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    expect(res.body.error!.message).toMatch(/decompressed/);
    const corrupt = await small.post(null, { token: sensor.token, raw: randomBytes(64), headers: { "content-encoding": "gzip" } });
    expect(corrupt.status).toBe(400);
  });

  it("429 with Retry-After once a token exceeds its rate; another token is not affected", async () => {
    const [a, b] = [await world.makeSensor(), await world.makeSensor()];
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await small.post({ readings: readingsAt(1, Date.now() - 10_000 - i * 1000) }, { token: a.token });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get("retry-after");
    }
    expect(statuses.slice(0, 3)).toEqual([202, 202, 202]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await small.post({ readings: readingsAt(1) }, { token: b.token })).status).toBe(202);
  });
});
