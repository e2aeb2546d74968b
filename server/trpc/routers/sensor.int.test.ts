// sensor router: tokens shown once and stored as hash + hint, rotation grace and revocation as ingest will see them,
// projects shared under editor-in-both, append-only conversion profiles and preview, soft delete, and access.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { findActiveCredentialByHash } from "../../../db/queries/sensors";
import { conversionProfiles, sensorCredentials, sensors } from "../../../db/schema";
import { hashSensorToken } from "../../../domain/sensor/token";
import { useTestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import { auditRowsForAction, clientErrorShape, trpcErrorOf } from "../../../test/helpers";
import type { SessionUser } from "../../auth/session-user";

const MINUTE = 60_000;

describe("sensor router", () => {
  const db = useTestDatabase();
  let owner: SessionUser;
  let editor: SessionUser;
  let viewer: SessionUser;
  let projectId: string;

  beforeAll(async () => {
    owner = await makeUser(db.db);
    editor = await makeUser(db.db);
    viewer = await makeUser(db.db);
    projectId = (await makeProject(db.db, owner, [{ user: editor, role: "editor" }, { user: viewer, role: "viewer" }])).id;
  });

  const make = (name = `Sensor ${randomUUID().slice(0, 8)}`) =>
    callerFor(db.db, editor).sensor.create({ projectId, name, type: "thermocouple", unit: "°C", rawUnit: "mV" });
  const activeNow = (token: string, now = new Date()) => findActiveCredentialByHash(db.db, hashSensorToken(token), now);

  describe("create and the token", () => {
    it("returns the token once; the database, byId, list and audit hold only its hash and hint", async () => {
      const { sensor, token } = await make("Token once");
      expect(token).toMatch(/^etp_[A-Za-z0-9_-]{43}$/);

      const stored = await db.db.select().from(sensorCredentials).where(eq(sensorCredentials.sensorId, sensor.id));
      expect(stored).toHaveLength(1);
      expect(stored[0]!.tokenHash).toBe(hashSensorToken(token));
      expect(stored[0]!.hint).toBe(`etp_…${token.slice(-4)}`);

      const detail = await callerFor(db.db, viewer).sensor.byId({ projectId, id: sensor.id });
      const listed = await callerFor(db.db, viewer).sensor.list({ projectId });
      const audit = (await auditRowsForAction(db.db, "sensor.created", sensor.id)).map((row) => row.after);
      expect(audit).toEqual([expect.objectContaining({ id: sensor.id, tokenHint: stored[0]!.hint })]);
      for (const visible of [detail, listed, audit]) {
        const text = JSON.stringify(visible);
        expect(text).not.toContain(token);
        expect(text).not.toContain(stored[0]!.tokenHash);
      }
      expect(detail).toMatchObject({ name: "Token once", unit: "°C", rawUnit: "mV", activeProfileVersion: 1, projects: [{ id: projectId, isPrimary: true }] });
      expect(detail.credentials).toEqual([expect.objectContaining({ hint: stored[0]!.hint, active: true, revokedAt: null, expiresAt: null })]);
      expect(detail.profiles).toEqual([expect.objectContaining({ version: 1, spec: { kind: "linear", gain: 1, offset: 0 }, active: true })]);
      expect(listed.items.find((s) => s.id === sensor.id)).toMatchObject({ tokenHint: stored[0]!.hint, activeProfileVersion: 1, projectCount: 1 });
      expect(await activeNow(token)).toEqual({ sensorId: sensor.id, credentialId: stored[0]!.id, expiresAt: null });
    });

    it("replays the stored result for the same idempotency key and creates one sensor", async () => {
      const input = { projectId, name: "Idem sensor", unit: "Pa", rawUnit: "counts", idempotencyKey: `key-${randomUUID()}` };
      const first = await callerFor(db.db, editor).sensor.create(input);
      const second = await callerFor(db.db, editor).sensor.create({ ...input });
      expect(second).toEqual(first);
      expect(await db.db.select().from(sensors).where(eq(sensors.name, "Idem sensor"))).toHaveLength(1);
    });
  });

  describe("rotation and revocation", () => {
    it("keeps the old token working through a 15-minute grace, and not after it", async () => {
      const { sensor, token: old } = await make();
      const before = Date.now();
      const rotated = await callerFor(db.db, editor).sensor.rotateToken({ projectId, id: sensor.id, graceMinutes: 15 });

      expect(rotated.token).not.toBe(old);
      expect(rotated.previousExpiresAt!.getTime()).toBeGreaterThanOrEqual(before + 15 * MINUTE);
      expect(rotated.previousExpiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + 15 * MINUTE);
      expect(await activeNow(old)).toMatchObject({ sensorId: sensor.id });
      expect(await activeNow(rotated.token)).toMatchObject({ sensorId: sensor.id, credentialId: rotated.credentialId });
      const later = new Date(Date.now() + 16 * MINUTE);
      expect(await activeNow(old, later)).toBeUndefined();
      expect(await activeNow(rotated.token, later)).toMatchObject({ sensorId: sensor.id });

      const audit = await auditRowsForAction(db.db, "sensor.token_rotated", sensor.id);
      expect(audit).toHaveLength(1);
      const logged = JSON.stringify(audit.map((row) => [row.before, row.after]));
      expect(logged).toContain(rotated.hint);
      expect(logged).not.toContain(rotated.token);
      expect(logged).not.toContain(hashSensorToken(rotated.token));
    });

    it("cuts the old token off at once with grace 0", async () => {
      const { sensor, token: old } = await make();
      const rotated = await callerFor(db.db, editor).sensor.rotateToken({ projectId, id: sensor.id, graceMinutes: 0 });
      expect(await activeNow(old)).toBeUndefined();
      expect(await activeNow(rotated.token)).toMatchObject({ sensorId: sensor.id });
      const detail = await callerFor(db.db, viewer).sensor.byId({ projectId, id: sensor.id });
      expect(detail.credentials.map((c) => c.active)).toEqual([true, false]);
    });

    it("revokes a token immediately", async () => {
      const { sensor, token } = await make();
      const [credential] = (await callerFor(db.db, viewer).sensor.byId({ projectId, id: sensor.id })).credentials;
      const revoked = await callerFor(db.db, editor).sensor.revokeToken({ projectId, id: sensor.id, credentialId: credential!.id });
      expect(revoked.revokedAt).toBeInstanceOf(Date);
      expect(await activeNow(token)).toBeUndefined();
      expect(await auditRowsForAction(db.db, "sensor.token_revoked", sensor.id)).toHaveLength(1);
    });

    it("gives NOT_FOUND for a credential of another sensor", async () => {
      const a = await make();
      const b = await make();
      const [credential] = (await callerFor(db.db, viewer).sensor.byId({ projectId, id: b.sensor.id })).credentials;
      const error = await trpcErrorOf(callerFor(db.db, editor).sensor.revokeToken({ projectId, id: a.sensor.id, credentialId: credential!.id }));
      expect(error.code).toBe("NOT_FOUND");
      expect(await activeNow(b.token)).toBeDefined();
    });
  });

  describe("projects", () => {
    it("adds a project only with write access in it, lists the sensor there, and refuses to remove the primary", async () => {
      const { sensor } = await make();
      const viewerIn = (await makeProject(db.db, owner, [{ user: editor, role: "viewer" }])).id;
      const notMember = (await makeProject(db.db, owner)).id;
      const second = (await makeProject(db.db, owner, [{ user: editor, role: "editor" }])).id;

      const asViewer = await trpcErrorOf(callerFor(db.db, editor).sensor.addProject({ projectId, id: sensor.id, targetProjectId: viewerIn }));
      expect(asViewer.code).toBe("FORBIDDEN");
      const asStranger = await trpcErrorOf(callerFor(db.db, editor).sensor.addProject({ projectId, id: sensor.id, targetProjectId: notMember }));
      expect(asStranger.code).toBe("NOT_FOUND");

      const added = await callerFor(db.db, editor).sensor.addProject({ projectId, id: sensor.id, targetProjectId: second });
      expect(added.projects.map((p) => [p.id, p.isPrimary])).toEqual([[projectId, true], [second, false]]);
      const listed = await callerFor(db.db, editor).sensor.list({ projectId: second });
      expect(listed.items.map((s) => s.id)).toEqual([sensor.id]);
      expect(listed.items[0]!.projectCount).toBe(2);
      // Reachable from the second project too.
      expect((await callerFor(db.db, editor).sensor.byId({ projectId: second, id: sensor.id })).id).toBe(sensor.id);

      const primary = await trpcErrorOf(callerFor(db.db, editor).sensor.removeProject({ projectId: second, id: sensor.id, targetProjectId: projectId }));
      expect(primary.code).toBe("CONFLICT");

      const removed = await callerFor(db.db, editor).sensor.removeProject({ projectId, id: sensor.id, targetProjectId: second });
      expect(removed.projects.map((p) => p.id)).toEqual([projectId]);
      expect((await callerFor(db.db, editor).sensor.list({ projectId: second })).items).toEqual([]);
      const gone = await trpcErrorOf(callerFor(db.db, editor).sensor.byId({ projectId: second, id: sensor.id }));
      expect(gone.code).toBe("NOT_FOUND");
    });
  });

  describe("conversion profiles", () => {
    it("adds versions 2 and 3 without touching earlier ones, and activates a chosen version", async () => {
      const { sensor } = await make();
      const v1 = (await db.db.select().from(conversionProfiles).where(eq(conversionProfiles.sensorId, sensor.id)))[0]!;
      const v2 = await callerFor(db.db, editor).sensor.saveProfile({ projectId, id: sensor.id, spec: { kind: "linear", gain: 2, offset: 1 } });
      const v3 = await callerFor(db.db, editor).sensor.saveProfile({
        projectId, id: sensor.id, spec: { kind: "polynomial", coefficients: [0, 0, 1] }, activate: false,
      });
      expect([v2.version, v3.version]).toEqual([2, 3]);

      const rows = await db.db.select().from(conversionProfiles).where(eq(conversionProfiles.sensorId, sensor.id));
      expect(rows.map((r) => r.version).sort()).toEqual([1, 2, 3]);
      expect(rows.find((r) => r.version === 1)).toEqual(v1);
      const detail = await callerFor(db.db, viewer).sensor.byId({ projectId, id: sensor.id });
      expect(detail.activeProfileVersion).toBe(2);
      expect(detail.profiles.map((p) => [p.version, p.active])).toEqual([[3, false], [2, true], [1, false]]);

      await callerFor(db.db, editor).sensor.activateProfile({ projectId, id: sensor.id, version: 1 });
      expect((await callerFor(db.db, viewer).sensor.byId({ projectId, id: sensor.id })).activeProfileVersion).toBe(1);
      expect(await auditRowsForAction(db.db, "conversion_profile.created", sensor.id)).toHaveLength(2);
      expect(await auditRowsForAction(db.db, "conversion_profile.activated", sensor.id)).toHaveLength(1);

      const unknown = await trpcErrorOf(callerFor(db.db, editor).sensor.activateProfile({ projectId, id: sensor.id, version: 9 }));
      expect(unknown.code).toBe("NOT_FOUND");
    });

    it("rejects a lookup table whose raw values do not increase, with the field path, and saves nothing", async () => {
      const { sensor } = await make();
      const spec = { kind: "lookup" as const, outOfRange: "clamp" as const, points: [{ raw: 0, value: 0 }, { raw: 5, value: 1 }, { raw: 5, value: 2 }] };
      const error = await trpcErrorOf(callerFor(db.db, editor).sensor.saveProfile({ projectId, id: sensor.id, spec }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(Object.keys(clientErrorShape(error, "sensor.saveProfile").data.fieldErrors ?? {})).toEqual(["spec.points.2.raw"]);
      expect(await db.db.select().from(conversionProfiles).where(eq(conversionProfiles.sensorId, sensor.id))).toHaveLength(1);
    });

    it("previews stored versions and unsaved specs, clamping or rejecting outside a table", async () => {
      const { sensor } = await make();
      await callerFor(db.db, editor).sensor.saveProfile({ projectId, id: sensor.id, spec: { kind: "linear", gain: 2, offset: 1 } });
      const preview = callerFor(db.db, viewer).sensor.previewConversion;
      expect(await preview({ projectId, id: sensor.id, raw: 3 })).toEqual({ version: 2, value: 7 });
      expect(await preview({ projectId, id: sensor.id, raw: 3, version: 1 })).toEqual({ version: 1, value: 3 });

      const points = [{ raw: 0, value: 0 }, { raw: 10, value: 100 }];
      expect(await preview({ projectId, spec: { kind: "lookup", points, outOfRange: "clamp" }, raw: 2.5 })).toEqual({ version: null, value: 25 });
      expect(await preview({ projectId, spec: { kind: "lookup", points, outOfRange: "clamp" }, raw: 20 })).toEqual({ version: null, value: 100 });
      expect(await preview({ projectId, spec: { kind: "lookup", points, outOfRange: "reject" }, raw: 20 })).toEqual({ version: null, code: "out_of_range" });

      const missing = await trpcErrorOf(preview({ projectId, id: sensor.id, raw: 1, version: 7 }));
      expect(missing.code).toBe("NOT_FOUND");
    });
  });

  describe("update and delete", () => {
    it("changes only the given fields", async () => {
      const { sensor } = await make("Before");
      const after = await callerFor(db.db, editor).sensor.update({ projectId, id: sensor.id, name: "After", metadata: { bench: 2 } });
      expect(after).toMatchObject({ name: "After", type: "thermocouple", unit: "°C", rawUnit: "mV", metadata: { bench: 2 } });
    });

    it("soft-deletes: hidden from list and byId, every token revoked, the row kept", async () => {
      const { sensor, token } = await make();
      const rotated = await callerFor(db.db, editor).sensor.rotateToken({ projectId, id: sensor.id });
      await callerFor(db.db, editor).sensor.delete({ projectId, id: sensor.id });

      expect((await callerFor(db.db, viewer).sensor.list({ projectId, limit: 200 })).items.map((s) => s.id)).not.toContain(sensor.id);
      expect((await trpcErrorOf(callerFor(db.db, viewer).sensor.byId({ projectId, id: sensor.id }))).code).toBe("NOT_FOUND");
      expect(await activeNow(token)).toBeUndefined();
      expect(await activeNow(rotated.token)).toBeUndefined();
      const creds = await db.db.select().from(sensorCredentials).where(eq(sensorCredentials.sensorId, sensor.id));
      expect(creds.every((c) => c.revokedAt !== null)).toBe(true);
      const [row] = await db.db.select().from(sensors).where(eq(sensors.id, sensor.id));
      expect(row!.deletedAt).toBeInstanceOf(Date);
      expect(await auditRowsForAction(db.db, "sensor.deleted", sensor.id)).toHaveLength(1);
    });
  });

  describe("access", () => {
    it("gives a viewer FORBIDDEN on writes and changes nothing", async () => {
      const { sensor, token } = await make();
      const calls = [
        () => callerFor(db.db, viewer).sensor.create({ projectId, name: "Viewer made", unit: "V", rawUnit: "V" }),
        () => callerFor(db.db, viewer).sensor.rotateToken({ projectId, id: sensor.id }),
        () => callerFor(db.db, viewer).sensor.delete({ projectId, id: sensor.id }),
        () => callerFor(db.db, viewer).sensor.saveProfile({ projectId, id: sensor.id, spec: { kind: "linear", gain: 3, offset: 0 } }),
      ];
      for (const call of calls) expect((await trpcErrorOf(call())).code).toBe("FORBIDDEN");
      expect(await db.db.select().from(sensors).where(eq(sensors.name, "Viewer made"))).toHaveLength(0);
      expect(await activeNow(token)).toBeDefined();
    });

    it("gives NOT_FOUND for a sensor of another project, even to that project's owner acting from here", async () => {
      const { sensor } = await make();
      const other = (await makeProject(db.db, owner)).id;
      for (const call of [
        () => callerFor(db.db, owner).sensor.byId({ projectId: other, id: sensor.id }),
        () => callerFor(db.db, owner).sensor.rotateToken({ projectId: other, id: sensor.id }),
        () => callerFor(db.db, owner).sensor.update({ projectId: other, id: sensor.id, name: "x" }),
        () => callerFor(db.db, owner).sensor.previewConversion({ projectId: other, id: sensor.id, raw: 1 }),
        () => callerFor(db.db, editor).sensor.byId({ projectId: randomUUID(), id: sensor.id }),
      ]) {
        expect((await trpcErrorOf(call())).code).toBe("NOT_FOUND");
      }
    });
  });
});
