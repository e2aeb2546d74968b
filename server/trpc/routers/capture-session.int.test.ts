// captureSession router: ordinals, the one-running-session invariant under real concurrency (service and raw index),
// stop / fail / delete, idempotent start, and project isolation.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, captureSessions, experiments, runs } from "../../../db/schema";
import type { RunStatus } from "../../../domain/run/status";
import { useTestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import { trpcErrorOf, waitForLockWaiters } from "../../../test/helpers";
import type { SessionUser } from "../../auth/session-user";

describe("captureSession router", () => {
  const db = useTestDatabase();
  let owner: SessionUser, viewer: SessionUser;
  let projectId: string, experimentId: string, foreignProjectId: string;
  // Connections outside the pool: the gate that holds locks, and a watcher that sees who waits on them.
  let gate: postgres.Sql, rival: postgres.Sql, watcher: postgres.Sql;
  const as = (user: SessionUser) => callerFor(db.db, user).captureSession;

  async function makeRun(status: RunStatus = "running", project = projectId) {
    const [exp] = project === projectId ? [{ id: experimentId }] : await db.db.insert(experiments).values({ projectId: project, name: "E" }).returning();
    const [row] = await db.db.insert(runs).values({ projectId: project, experimentId: exp!.id, name: "R", status }).returning();
    return row!.id;
  }
  const sessionsOf = (runId: string) => db.db.select().from(captureSessions).where(eq(captureSessions.runId, runId)).orderBy(captureSessions.ordinalNumber);
  const auditOf = (id: string) => db.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "capture_session"), eq(auditEvents.entityId, id))).orderBy(auditEvents.id);

  beforeAll(async () => {
    owner = await makeUser(db.db);
    viewer = await makeUser(db.db);
    projectId = (await makeProject(db.db, owner, [{ user: viewer, role: "viewer" }])).id;
    foreignProjectId = (await makeProject(db.db, owner)).id;
    const [exp] = await db.db.insert(experiments).values({ projectId, name: "Sessions" }).returning();
    experimentId = exp!.id;
    [gate, rival, watcher] = [1, 2, 3].map(() => postgres(db.url, { max: 1, onnotice: () => {} })) as [postgres.Sql, postgres.Sql, postgres.Sql];
  });
  afterAll(async () => {
    await Promise.all([gate, rival, watcher].map((c) => c.end({ timeout: 5 })));
  });

  it("numbers sessions 1, 2, 3 across start and stop, audits and lists them", async () => {
    const runId = await makeRun();
    for (let i = 0; i < 3; i++) {
      const s = await as(owner).start({ projectId, runId });
      expect(s).toMatchObject({ runId, ordinalNumber: i + 1, status: "running", endedAt: null });
      expect((await auditOf(s.id)).map((a) => [a.action, a.after])).toEqual([["capture_session.started", { runId, ordinalNumber: i + 1, status: "running" }]]);
      const stopped = await as(owner).stop({ projectId, id: s.id });
      expect(stopped.status).toBe("stopped");
      expect(stopped.durationMs).toBe(stopped.endedAt!.getTime() - stopped.startedAt.getTime());
    }
    const listed = await as(viewer).list({ projectId, runId });
    expect(listed.map((s) => [s.ordinalNumber, s.status])).toEqual([[1, "stopped"], [2, "stopped"], [3, "stopped"]]);
  });

  it.each(["draft", "succeeded", "archived"] as const)("refuses to start a session in a %s run with 409", async (status) => {
    const runId = await makeRun(status);
    const error = await trpcErrorOf(as(owner).start({ projectId, runId }));
    expect([error.code, error.message]).toEqual(["CONFLICT", `Capture sessions start only in a running run; this run is ${status}. Start the run first.`]);
    expect(await sessionsOf(runId)).toHaveLength(0);
  });

  it("lets exactly one of 10 concurrent starts win; the other 9 get CONFLICT naming it", async () => {
    const runId = await makeRun();
    let calls: Promise<unknown>[] = [];
    // Hold the run row so all ten requests are inside their transactions, queued on it, before any proceeds.
    await gate.begin(async (tx) => {
      await tx`select 1 from runs where id = ${runId} for update`;
      calls = Array.from({ length: 10 }, () => callerFor(db.db, owner).captureSession.start({ projectId, runId }));
      await waitForLockWaiters(watcher, 10);
    });
    const results = await Promise.allSettled(calls);
    const codes = results.map((r) => (r.status === "fulfilled" ? "OK" : (r.reason as { code?: string }).code));
    expect(codes.filter((c) => c === "OK")).toHaveLength(1);
    expect(codes.filter((c) => c === "CONFLICT")).toHaveLength(9);
    const messages = new Set(results.flatMap((r) => (r.status === "rejected" ? [(r.reason as Error).message] : [])));
    expect([...messages]).toEqual(["Capture session #1 is already running. Stop it before starting another."]);
    expect((await sessionsOf(runId)).map((s) => [s.ordinalNumber, s.status])).toEqual([[1, "running"]]);
  });

  it("has the database refuse a second running session even from writers that bypass the service", async () => {
    const runId = await makeRun();
    let second: Promise<unknown> = Promise.resolve();
    await gate.begin(async (tx) => {
      await tx`insert into capture_sessions (project_id, run_id, ordinal_number) values (${projectId}, ${runId}, 1)`;
      second = rival`insert into capture_sessions (project_id, run_id, ordinal_number) values (${projectId}, ${runId}, 2)`.then(() => "inserted", (e: unknown) => e);
      await waitForLockWaiters(watcher, 1);
    });
    expect(await second).toMatchObject({ code: "23505", constraint_name: "capture_sessions_one_running_idx" });
    expect((await sessionsOf(runId)).map((s) => s.ordinalNumber)).toEqual([1]);
  });

  it("maps the index's unique violation to CONFLICT, never a 500", async () => {
    const runId = await makeRun();
    const first = await as(owner).start({ projectId, runId });
    await as(owner).stop({ projectId, id: first.id });
    let call: Promise<unknown> = Promise.resolve();
    // A writer outside the service revives session #1 without touching the run row (an insert would: its foreign-key
    // check share-locks the run, which the service's row lock waits for), so only the index stands in the way.
    await gate.begin(async (tx) => {
      await tx`update capture_sessions set status = 'running' where id = ${first.id}`;
      call = trpcErrorOf(as(owner).start({ projectId, runId, idempotencyKey: `start-${randomUUID()}` }));
      await waitForLockWaiters(watcher, 1);
    });
    const error = (await call) as { code: string; message: string };
    expect([error.code, error.message]).toEqual(["CONFLICT", "Capture session #1 is already running. Stop it before starting another."]);
    expect((await sessionsOf(runId)).map((s) => [s.ordinalNumber, s.status])).toEqual([[1, "running"]]);
  });

  it("replays an idempotent start", async () => {
    const runId = await makeRun();
    const input = { projectId, runId, idempotencyKey: `start-${randomUUID()}` };
    const first = await as(owner).start(input);
    expect(await as(owner).start(input)).toEqual(first);
    expect(await sessionsOf(runId)).toHaveLength(1);
  });

  it("fails a session with its reason and refuses moves the status table forbids", async () => {
    const runId = await makeRun();
    const s = await as(owner).start({ projectId, runId });
    const failed = await as(owner).fail({ projectId, id: s.id, reason: " Probe fell off " });
    expect(failed).toMatchObject({ status: "failed", failureReason: "Probe fell off" });
    expect(failed.endedAt).toBeInstanceOf(Date);
    expect((await auditOf(s.id)).at(-1)).toMatchObject({
      action: "capture_session.status_changed",
      before: { runId, ordinalNumber: 1, status: "running", reason: null },
      after: { runId, ordinalNumber: 1, status: "failed", reason: "Probe fell off" },
    });
    const error = await trpcErrorOf(as(owner).stop({ projectId, id: s.id }));
    expect([error.code, error.message]).toEqual(["CONFLICT", "A capture session cannot go from failed to stopped. Allowed from failed: archived."]);
  });

  it("refuses to delete a running session and deletes a stopped one", async () => {
    const runId = await makeRun();
    const s = await as(owner).start({ projectId, runId });
    const error = await trpcErrorOf(as(owner).delete({ projectId, id: s.id }));
    expect([error.code, error.message]).toEqual(["CONFLICT", "Capture session #1 is running. Stop it before deleting it."]);
    await as(owner).stop({ projectId, id: s.id });
    expect(await as(owner).delete({ projectId, id: s.id })).toEqual({ id: s.id, removal: "delete" });
    expect(await sessionsOf(runId)).toHaveLength(0);
    expect((await auditOf(s.id)).map((a) => a.action)).toEqual(["capture_session.started", "capture_session.status_changed", "capture_session.deleted"]);
  });

  it("numbers on from 1 after refused starts: a refusal rolls the run's counter back", async () => {
    const runId = await makeRun("draft");
    expect((await trpcErrorOf(as(owner).start({ projectId, runId }))).code).toBe("CONFLICT");
    await db.db.update(runs).set({ status: "running" }).where(eq(runs.id, runId));
    const first = await as(owner).start({ projectId, runId });
    expect((await trpcErrorOf(as(owner).start({ projectId, runId }))).message).toContain("#1 is already running");
    await as(owner).stop({ projectId, id: first.id });
    expect([first.ordinalNumber, (await as(owner).start({ projectId, runId })).ordinalNumber]).toEqual([1, 2]);
  });

  it("never reuses the ordinal of a deleted session", async () => {
    const runId = await makeRun();
    const first = await as(owner).start({ projectId, runId });
    await as(owner).stop({ projectId, id: first.id });
    await as(owner).delete({ projectId, id: first.id });
    const second = await as(owner).start({ projectId, runId });
    expect(second.ordinalNumber).toBe(2);
  });

  it("gives NOT_FOUND for another project's run or session, and FORBIDDEN to a viewer", async () => {
    const foreignRun = await makeRun("running", foreignProjectId);
    const foreign = await as(owner).start({ projectId: foreignProjectId, runId: foreignRun });
    for (const call of [
      () => as(owner).start({ projectId, runId: foreignRun }),
      () => as(owner).stop({ projectId, id: foreign.id }),
      () => as(owner).fail({ projectId, id: foreign.id, reason: "x" }),
      () => as(owner).delete({ projectId, id: foreign.id }),
      () => as(owner).list({ projectId, runId: foreignRun }),
    ]) {
      expect((await trpcErrorOf(call())).code).toBe("NOT_FOUND");
    }
    expect((await sessionsOf(foreignRun)).map((s) => s.status)).toEqual(["running"]);
    const runId = await makeRun();
    expect((await trpcErrorOf(as(viewer).start({ projectId, runId }))).code).toBe("FORBIDDEN");
    expect(await sessionsOf(runId)).toHaveLength(0);
  });

  it("keeps a deleted session's events in the run's history", async () => {
    const runId = await makeRun();
    const session = await as(owner).start({ projectId, runId });
    await as(owner).stop({ projectId, id: session.id });
    await as(owner).delete({ projectId, id: session.id });
    const history = await callerFor(db.db, viewer).run.history({ projectId, id: runId });
    expect(history.map((h) => h.action)).toEqual(["capture_session.deleted", "capture_session.status_changed", "capture_session.started"]);
    const otherRun = await makeRun();
    expect(await callerFor(db.db, viewer).run.history({ projectId, id: otherRun })).toEqual([]);
  });
});
