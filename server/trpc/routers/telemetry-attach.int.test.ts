// telemetry.unattached / telemetry.attach: readings stored against the sensor alone are moved into a run or session
// later, under the ingest late-data policy, audited, and only within the target's window.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, experiments, runs, telemetryReadings } from "../../../db/schema";
import { useTestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import { trpcErrorOf } from "../../../test/helpers";
import type { SessionUser } from "../../auth/session-user";
import { readingsFrom, writeReadings } from "../../telemetry/stream/test-support";

describe("attaching unattached readings", () => {
  const db = useTestDatabase();
  let owner: SessionUser, viewer: SessionUser;
  let projectId: string, otherProjectId: string, experimentId: string, sensorId: string;
  const rowsOf = () => db.db.select().from(telemetryReadings).where(eq(telemetryReadings.sensorId, sensorId)).orderBy(telemetryReadings.seq);

  async function makeRun(status: "draft" | "running" | "succeeded" | "archived", startedAt: Date, finishedAt: Date | null = null, project = projectId) {
    const [row] = await db.db.insert(runs).values({ projectId: project, experimentId, name: `R ${status}`, status, startedAt, finishedAt }).returning();
    return row!.id;
  }

  beforeAll(async () => {
    owner = await makeUser(db.db);
    viewer = await makeUser(db.db);
    projectId = (await makeProject(db.db, owner, [{ user: viewer, role: "viewer" }])).id;
    otherProjectId = (await makeProject(db.db, owner)).id;
    const [exp] = await db.db.insert(experiments).values({ projectId, name: "Attach" }).returning();
    experimentId = exp!.id;
    sensorId = (await callerFor(db.db, owner).sensor.create({ projectId, name: "Loose", unit: "°C", rawUnit: "mV" })).sensor.id;
  });

  it("moves the sensor's unattached readings inside the run's window into the run, and audits it", async () => {
    const t0 = Date.parse("2026-05-01T10:00:00Z");
    await writeReadings(db.db, { sensorId }, readingsFrom(t0, 5));
    await writeReadings(db.db, { sensorId }, readingsFrom(t0 + 60_000, 2, 100));
    const as = callerFor(db.db, owner).telemetry;
    expect(await as.unattached({ projectId, sensorId })).toMatchObject({ count: 7 });

    const runId = await makeRun("running", new Date(t0 - 1000));
    const result = await as.attach({ projectId, sensorId, runId, to: new Date(t0 + 10_000) });
    expect(result).toMatchObject({ attached: 5, runId, captureSessionId: null, late: false });
    expect((await rowsOf()).map((r) => r.runId)).toEqual([runId, runId, runId, runId, runId, null, null]);
    expect(await as.unattached({ projectId, sensorId })).toMatchObject({ count: 2 });
    const [audit] = await db.db.select().from(auditEvents).where(eq(auditEvents.action, "telemetry.attached"));
    expect(audit).toMatchObject({ entityId: runId, after: expect.objectContaining({ attached: 5, sensorId }) });

    // Nothing left in that window: a repeated call moves nothing and writes no second audit event.
    expect((await as.attach({ projectId, sensorId, runId, to: new Date(t0 + 10_000) })).attached).toBe(0);
    expect(await db.db.select().from(auditEvents).where(eq(auditEvents.action, "telemetry.attached"))).toHaveLength(1);
  });

  it("flags readings attached to a finished run as late, and refuses an archived run with 409", async () => {
    const t0 = Date.parse("2026-05-02T10:00:00Z");
    await writeReadings(db.db, { sensorId }, readingsFrom(t0, 3, 200));
    const as = callerFor(db.db, owner).telemetry;
    const archived = await makeRun("archived", new Date(t0 - 1000), new Date(t0 + 1000));
    const refused = await trpcErrorOf(as.attach({ projectId, sensorId, runId: archived }));
    expect([refused.code, refused.message]).toEqual(["CONFLICT", "This run is archived and accepts no more telemetry."]);
    const done = await makeRun("succeeded", new Date(t0 - 1000), new Date(t0 + 1000));
    expect(await as.attach({ projectId, sensorId, runId: done })).toMatchObject({ attached: 3, late: true });
    expect((await rowsOf()).filter((r) => r.runId === done).every((r) => r.late)).toBe(true);
  });

  it("attaches into a capture session of the run, within the session's window", async () => {
    const owners = callerFor(db.db, owner);
    const runId = (await owners.run.create({ projectId, experimentId, name: "Live" })).id;
    await owners.run.start({ projectId, id: runId });
    const session = await owners.captureSession.start({ projectId, runId });
    await writeReadings(db.db, { sensorId }, readingsFrom(Date.now() + 5, 4, 300));
    const result = await owners.telemetry.attach({ projectId, sensorId, captureSessionId: session.id, to: new Date(Date.now() + 1000) });
    expect(result).toMatchObject({ attached: 4, runId, captureSessionId: session.id, late: false });
    expect((await rowsOf()).filter((r) => r.captureSessionId === session.id).map((r) => r.rawValue)).toEqual([300, 301, 302, 303]);
  });

  it("refuses a viewer, another project's run, a draft run without a window, and bad input", async () => {
    const t0 = Date.parse("2026-05-03T10:00:00Z");
    const runId = await makeRun("running", new Date(t0));
    const denied = await trpcErrorOf(callerFor(db.db, viewer).telemetry.attach({ projectId, sensorId, runId }));
    expect(denied.code).toBe("FORBIDDEN");
    const [otherExp] = await db.db.insert(experiments).values({ projectId: otherProjectId, name: "Other" }).returning();
    const [foreign] = await db.db.insert(runs).values({ projectId: otherProjectId, experimentId: otherExp!.id, name: "F", status: "running", startedAt: new Date(t0) }).returning();
    const as = callerFor(db.db, owner).telemetry;
    expect((await trpcErrorOf(as.attach({ projectId, sensorId, runId: foreign!.id }))).code).toBe("NOT_FOUND");
    expect((await trpcErrorOf(as.attach({ projectId: otherProjectId, sensorId, runId: foreign!.id }))).code).toBe("NOT_FOUND");
    const draft = await db.db.insert(runs).values({ projectId, experimentId, name: "D" }).returning();
    const noWindow = await trpcErrorOf(as.attach({ projectId, sensorId, runId: draft[0]!.id }));
    expect([noWindow.code, noWindow.message]).toEqual(["BAD_REQUEST", "This run has not started, so it has no time window: give 'from' and 'to'."]);
    expect((await trpcErrorOf(as.attach({ projectId, sensorId } as never))).code).toBe("BAD_REQUEST");
  });
});
