// runSensor router: choosing a run's sensors from its project's sensors, audit with before/after ids, project
// isolation and roles, and changing the sensors of a run while one of its capture sessions is recording.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { captureSessionSensors, experiments, runSensors, runs } from "../../../db/schema";
import type { RunStatus } from "../../../domain/run/status";
import { useTestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import { auditRowsForAction, clientErrorShape, trpcErrorOf } from "../../../test/helpers";
import type { SessionUser } from "../../auth/session-user";

describe("runSensor router", () => {
  const db = useTestDatabase();
  let owner: SessionUser, editor: SessionUser, viewer: SessionUser, stranger: SessionUser;
  let projectId: string, foreignProjectId: string;

  beforeAll(async () => {
    [owner, editor, viewer, stranger] = await Promise.all([makeUser(db.db), makeUser(db.db), makeUser(db.db), makeUser(db.db)]);
    projectId = (await makeProject(db.db, owner, [{ user: editor, role: "editor" }, { user: viewer, role: "viewer" }])).id;
    foreignProjectId = (await makeProject(db.db, owner, [{ user: editor, role: "editor" }])).id;
  });

  async function makeRun(name = `Run ${randomUUID().slice(0, 6)}`, status: RunStatus = "running", project = projectId) {
    const [exp] = await db.db.insert(experiments).values({ projectId: project, name: "E" }).returning();
    const [row] = await db.db.insert(runs).values({ projectId: project, experimentId: exp!.id, name, status }).returning();
    return row!.id;
  }
  async function makeSensor(name = `S ${randomUUID().slice(0, 6)}`, project = projectId) {
    const { sensor } = await callerFor(db.db, editor).sensor.create({ projectId: project, name, type: "thermocouple", unit: "°C", rawUnit: "mV" });
    return sensor.id;
  }
  const as = (user: SessionUser) => callerFor(db.db, user).runSensor;
  const linkedIds = async (runId: string) =>
    (await db.db.select().from(runSensors).where(eq(runSensors.runId, runId))).map((r) => r.sensorId).sort();
  const recordingRows = (sessionId: string) =>
    db.db.select().from(captureSessionSensors).where(eq(captureSessionSensors.captureSessionId, sessionId)).orderBy(captureSessionSensors.sensorId);

  it("sets and lists the run's sensors, auditing before and after ids; an unchanged set writes nothing", async () => {
    const runId = await makeRun("Listing");
    const [a, b] = [await makeSensor("Alpha"), await makeSensor("Beta")];
    expect(await as(viewer).list({ projectId, runId })).toEqual([]);

    const listed = await as(editor).set({ projectId, runId, sensorIds: [b, a] });
    expect(listed).toEqual([
      { id: a, name: "Alpha", type: "thermocouple", unit: "°C", rawUnit: "mV", addedAt: expect.any(Date), recording: null },
      { id: b, name: "Beta", type: "thermocouple", unit: "°C", rawUnit: "mV", addedAt: expect.any(Date), recording: null },
    ]);
    expect(await as(viewer).list({ projectId, runId })).toEqual(listed);

    await as(editor).set({ projectId, runId, sensorIds: [b] });
    await as(editor).set({ projectId, runId, sensorIds: [b] });
    expect(await linkedIds(runId)).toEqual([b]);
    const audit = await auditRowsForAction(db.db, "run.sensors_changed", runId);
    expect(audit.map((row) => [row.projectId, row.actorId, row.before, row.after])).toEqual([
      [projectId, editor.id, { sensorIds: [] }, { sensorIds: [a, b].sort(), added: [a, b].sort(), removed: [], captureSessionId: null }],
      [projectId, editor.id, { sensorIds: [a, b].sort() }, { sensorIds: [b], added: [], removed: [a], captureSessionId: null }],
    ]);
  });

  it("offers sensors shared into the run's project, and hides ones that left the project or were deleted", async () => {
    const runId = await makeRun();
    const shared = await makeSensor("Shared", foreignProjectId);
    await callerFor(db.db, editor).sensor.addProject({ projectId: foreignProjectId, id: shared, targetProjectId: projectId });
    const doomed = await makeSensor("Doomed");
    await as(editor).set({ projectId, runId, sensorIds: [shared, doomed] });

    await callerFor(db.db, editor).sensor.delete({ projectId, id: doomed });
    await callerFor(db.db, editor).sensor.removeProject({ projectId: foreignProjectId, id: shared, targetProjectId: projectId });
    expect(await as(viewer).list({ projectId, runId })).toEqual([]);
  });

  it("refuses a sensor of another project, or a deleted one, with NOT_FOUND naming it, and changes nothing", async () => {
    const runId = await makeRun();
    const mine = await makeSensor();
    const foreign = await makeSensor("Foreign", foreignProjectId);
    const deleted = await makeSensor("Deleted");
    await callerFor(db.db, editor).sensor.delete({ projectId, id: deleted });
    await as(editor).set({ projectId, runId, sensorIds: [mine] });

    for (const bad of [foreign, deleted, randomUUID()]) {
      const error = await trpcErrorOf(as(editor).set({ projectId, runId, sensorIds: [bad, mine] }));
      expect([error.code, error.message]).toEqual(["NOT_FOUND", `Sensor ${bad} does not exist or is not in this project.`]);
      expect(clientErrorShape(error, "runSensor.set").data).toMatchObject({ details: { sensorIds: [bad] }, fieldErrors: { sensorIds: [error.message] } });
    }
    expect(await linkedIds(runId)).toEqual([mine]);
  });

  it("answers NOT_FOUND for another project's run, through either project", async () => {
    const foreignRun = await makeRun("Foreign run", "running", foreignProjectId);
    const sensor = await makeSensor();
    for (const call of [() => as(editor).list({ projectId, runId: foreignRun }), () => as(editor).set({ projectId, runId: foreignRun, sensorIds: [sensor] })]) {
      const error = await trpcErrorOf(call());
      expect([error.code, error.message]).toEqual(["NOT_FOUND", "Run not found."]);
    }
    // Through its own project, the run exists but the sensor is not in that project.
    const error = await trpcErrorOf(as(editor).set({ projectId: foreignProjectId, runId: foreignRun, sensorIds: [sensor] }));
    expect([error.code, error.message]).toEqual(["NOT_FOUND", `Sensor ${sensor} does not exist or is not in this project.`]);
    expect(await linkedIds(foreignRun)).toEqual([]);
  });

  it("lets a viewer read but not write, and hides the project from non-members", async () => {
    const runId = await makeRun();
    const sensor = await makeSensor();
    const forbidden = await trpcErrorOf(as(viewer).set({ projectId, runId, sensorIds: [sensor] }));
    expect(forbidden.code).toBe("FORBIDDEN");
    for (const call of [() => as(stranger).list({ projectId, runId }), () => as(stranger).set({ projectId, runId, sensorIds: [sensor] })]) {
      expect((await trpcErrorOf(call())).code).toBe("NOT_FOUND");
    }
    expect(await linkedIds(runId)).toEqual([]);
  });

  it("rejects duplicate ids and more than 100 sensors as bad input", async () => {
    const runId = await makeRun();
    const sensor = await makeSensor();
    const duplicate = await trpcErrorOf(as(editor).set({ projectId, runId, sensorIds: [sensor, sensor] }));
    expect(clientErrorShape(duplicate, "runSensor.set").data.fieldErrors).toEqual({ sensorIds: ["Each sensor can be chosen only once"] });
    const tooMany = await trpcErrorOf(as(editor).set({ projectId, runId, sensorIds: Array.from({ length: 101 }, () => randomUUID()) }));
    expect(clientErrorShape(tooMany, "runSensor.set").data.fieldErrors).toEqual({ sensorIds: ["Choose at most 100 sensors"] });
  });

  it("starts an added sensor recording into the running session and stops a removed one, keeping its row", async () => {
    const runId = await makeRun("Live run");
    const [a, b] = [await makeSensor("Live A"), await makeSensor("Live B")];
    await as(editor).set({ projectId, runId, sensorIds: [a] });
    const session = await callerFor(db.db, editor).captureSession.start({ projectId, runId });
    expect((await recordingRows(session.id)).map((r) => [r.sensorId, r.recording])).toEqual([[a, true]]);

    const listed = await as(editor).set({ projectId, runId, sensorIds: [b] });
    expect(listed).toEqual([expect.objectContaining({ id: b, recording: { runId, runName: "Live run", captureSessionId: session.id, ordinal: 1 } })]);
    const rows = await recordingRows(session.id);
    expect(rows.map((r) => [r.sensorId, r.recording])).toEqual([[a, false], [b, true]].sort((x, y) => String(x[0]).localeCompare(String(y[0]))));
    const [audit] = (await auditRowsForAction(db.db, "run.sensors_changed", runId)).slice(-1);
    expect(audit!.after).toMatchObject({ added: [b], removed: [a], captureSessionId: session.id });

    // Re-adding a sensor that stopped earlier in the same session starts it again.
    await as(editor).set({ projectId, runId, sensorIds: [a, b] });
    expect((await recordingRows(session.id)).every((r) => r.recording)).toBe(true);
    await callerFor(db.db, editor).captureSession.stop({ projectId, id: session.id });
    expect((await recordingRows(session.id)).some((r) => r.recording)).toBe(false);
  });

  it("refuses with 409 to add a sensor recording into another run's session, and rolls the whole change back", async () => {
    const [busyRun, runId] = [await makeRun("Calibration A"), await makeRun("Second")];
    const [shared, other] = [await makeSensor("T1"), await makeSensor("T2")];
    await as(editor).set({ projectId, runId: busyRun, sensorIds: [shared] });
    const busy = await callerFor(db.db, editor).captureSession.start({ projectId, runId: busyRun });
    const session = await callerFor(db.db, editor).captureSession.start({ projectId, runId });

    const error = await trpcErrorOf(as(editor).set({ projectId, runId, sensorIds: [other, shared] }));
    expect([error.code, error.message]).toEqual(["CONFLICT", 'Sensor "T1" is recording into run "Calibration A", session #1. Stop that session first.']);
    expect(clientErrorShape(error, "runSensor.set").data).toMatchObject({
      httpStatus: 409,
      details: { reason: "sensor_recording", sensorId: shared, runId: busyRun, captureSessionId: busy.id, ordinal: 1 },
    });
    expect(await linkedIds(runId)).toEqual([]);
    expect(await recordingRows(session.id)).toEqual([]);

    // A run without a running session may list the sensor: it claims it only when a session starts.
    const idle = await makeRun("Idle");
    await as(editor).set({ projectId, runId: idle, sensorIds: [shared] });
    expect(await linkedIds(idle)).toEqual([shared]);
  });

  it("lets exactly one of two runs with running sessions add the same sensor at the same moment", async () => {
    const [runA, runB] = [await makeRun("Race A"), await makeRun("Race B")];
    const sensor = await makeSensor("Contended");
    const [sA, sB] = [
      await callerFor(db.db, editor).captureSession.start({ projectId, runId: runA }),
      await callerFor(db.db, owner).captureSession.start({ projectId, runId: runB }),
    ];
    const results = await Promise.allSettled([
      callerFor(db.db, editor).runSensor.set({ projectId, runId: runA, sensorIds: [sensor] }),
      callerFor(db.db, owner).runSensor.set({ projectId, runId: runB, sensorIds: [sensor] }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.flatMap((r) => (r.status === "rejected" ? [r.reason as { code: string; message: string }] : []));
    expect(ok).toHaveLength(1);
    expect(failed.map((e) => e.code)).toEqual(["CONFLICT"]);
    const winner = results[0]!.status === "fulfilled" ? { name: "Race A", session: sA } : { name: "Race B", session: sB };
    expect(failed[0]!.message).toBe(`Sensor "Contended" is recording into run "${winner.name}", session #1. Stop that session first.`);
    const recording = await db.db
      .select()
      .from(captureSessionSensors)
      .where(and(eq(captureSessionSensors.sensorId, sensor), eq(captureSessionSensors.recording, true)));
    expect(recording.map((r) => r.captureSessionId)).toEqual([winner.session.id]);
  });
});
