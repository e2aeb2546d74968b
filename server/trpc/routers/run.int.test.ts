// run router: idempotent create, input errors, status transitions and the running-session invariant, duration,
// keyset pagination for every sort (NULL startedAt, microsecond ties), history, compare, and project isolation.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cursorSchema } from "../../../contracts/common";
import { auditEvents, experiments, runs } from "../../../db/schema";
import type { ExperimentStatus } from "../../../domain/experiment/status";
import { useTestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import { auditRowsWhere, clientErrorShape, trpcErrorOf } from "../../../test/helpers";
import type { SessionUser } from "../../auth/session-user";

type Params = Record<string, string | number | boolean>;

describe("run router", () => {
  const db = useTestDatabase();
  let owner: SessionUser, editor: SessionUser, viewer: SessionUser;
  let projectId: string, experimentId: string, foreignProjectId: string, foreignExperimentId: string;
  const as = (user: SessionUser) => callerFor(db.db, user).run;

  async function makeExperiment(project: string, status: ExperimentStatus = "active") {
    const [row] = await db.db.insert(experiments).values({ projectId: project, name: `Exp ${randomUUID().slice(0, 6)}`, status }).returning();
    return row!.id;
  }
  const newRun = (over: { name?: string; params?: Params; metadata?: Record<string, unknown>; tags?: string[] } = {}) =>
    as(owner).create({ projectId, experimentId, name: "Run", ...over });
  const runRows = (id: string) => db.db.select().from(runs).where(eq(runs.id, id));
  const runAudit = (id: string) => auditRowsWhere(db.db, eq(auditEvents.entityType, "run"), eq(auditEvents.entityId, id));

  beforeAll(async () => {
    [owner, editor, viewer] = [await makeUser(db.db), await makeUser(db.db), await makeUser(db.db)];
    const stranger = await makeUser(db.db);
    projectId = (await makeProject(db.db, owner, [{ user: editor, role: "editor" }, { user: viewer, role: "viewer" }])).id;
    experimentId = await makeExperiment(projectId);
    foreignProjectId = (await makeProject(db.db, stranger)).id;
    foreignExperimentId = await makeExperiment(foreignProjectId);
  });

  describe("create", () => {
    it("creates a draft run and audits it", async () => {
      const run = await newRun({ name: " Calibration ", params: { lr: 0.1, opt: "adam", warm: true }, tags: ["a", "b", "a"] });
      expect(run).toMatchObject({ name: "Calibration", status: "draft", tags: ["a", "b"], durationMs: null, sessionCount: 0 });
      const audit = await runAudit(run.id);
      expect(audit.map((a) => [a.action, a.actorId])).toEqual([["run.created", owner.id]]);
      expect(audit[0]?.after).toMatchObject({ experimentId, params: { lr: 0.1, opt: "adam", warm: true } });
    });

    it("replays the same key, refuses it for a different input, and writes one run under 5 concurrent retries", async () => {
      const input = { projectId, experimentId, name: "Idem", idempotencyKey: `key-${randomUUID()}` };
      const first = await as(owner).create(input);
      expect(await as(owner).create(input)).toEqual(first);
      expect((await trpcErrorOf(as(owner).create({ ...input, name: "Other" }))).code).toBe("UNPROCESSABLE_CONTENT");

      const key = `race-${randomUUID()}`;
      const settled = await Promise.allSettled(Array.from({ length: 5 }, () => callerFor(db.db, owner).run.create({ ...input, name: "Race", idempotencyKey: key })));
      const ids = new Set(settled.map((s) => (s.status === "fulfilled" ? s.value.id : `rejected: ${String(s.reason)}`)));
      expect(ids.size).toBe(1);
      expect(await db.db.select().from(runs).where(and(eq(runs.experimentId, experimentId), eq(runs.name, "Race")))).toHaveLength(1);
      expect(await db.db.select().from(runs).where(eq(runs.name, "Idem"))).toHaveLength(1);
    });

    it.each([
      ["a nested object", { nested: { a: 1 } }, "params.nested"],
      ["an array", { list: [1, 2] }, "params.list"],
      ["null", { gone: null }, "params.gone"],
    ])("refuses a param holding %s with BAD_REQUEST naming its path", async (_label, params, path) => {
      const error = await trpcErrorOf(newRun({ params: params as unknown as Params }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(Object.keys(clientErrorShape(error, "run.create").data.fieldErrors ?? {})).toEqual([path]);
    });

    it("refuses metadata that is not an object", async () => {
      const error = await trpcErrorOf(newRun({ metadata: ["x"] as unknown as Record<string, unknown> }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(clientErrorShape(error, "run.create").data.fieldErrors).toHaveProperty("metadata");
    });

    it("gives NOT_FOUND for another project's experiment, CONFLICT for an archived one, FORBIDDEN to a viewer", async () => {
      expect((await trpcErrorOf(as(owner).create({ projectId, experimentId: foreignExperimentId, name: "X" }))).code).toBe("NOT_FOUND");
      const archived = await makeExperiment(projectId, "archived");
      const error = await trpcErrorOf(as(owner).create({ projectId, experimentId: archived, name: "X" }));
      expect([error.code, error.message]).toEqual(["CONFLICT", "This experiment is archived, so it takes no new runs."]);
      expect((await trpcErrorOf(as(viewer).create({ projectId, experimentId, name: "X" }))).code).toBe("FORBIDDEN");
      expect(await db.db.select().from(runs).where(eq(runs.name, "X"))).toHaveLength(0);
    });
  });

  describe("transitions", () => {
    it("start → complete sets the timestamps and audits before/after", async () => {
      const { id } = await newRun();
      const started = await as(editor).start({ projectId, id });
      expect(started).toMatchObject({ status: "running", finishedAt: null });
      expect(started.startedAt).toBeInstanceOf(Date);
      const done = await as(editor).complete({ projectId, id });
      expect(done.status).toBe("succeeded");
      expect(done.durationMs).toBe(done.finishedAt!.getTime() - done.startedAt!.getTime());
      expect((await runAudit(id)).slice(1).map((a) => [a.action, a.before, a.after])).toEqual([
        ["run.status_changed", { status: "draft", reason: null }, { status: "running", reason: null }],
        ["run.status_changed", { status: "running", reason: null }, { status: "succeeded", reason: null }],
      ]);
      expect((await as(owner).archive({ projectId, id })).status).toBe("archived");
    });

    it("fail stores the reason; archive works from draft", async () => {
      const { id } = await newRun();
      await as(owner).start({ projectId, id });
      expect(await as(owner).fail({ projectId, id, reason: " Sensor cable cut " })).toMatchObject({ status: "failed", failureReason: "Sensor cable cut" });
      expect((await runAudit(id)).at(-1)?.after).toEqual({ status: "failed", reason: "Sensor cable cut" });
      const draft = await newRun();
      expect((await as(owner).archive({ projectId, id: draft.id })).status).toBe("archived");
    });

    it.each([
      ["complete", "draft", "A run cannot go from draft to succeeded. Allowed from draft: running, archived."],
      ["start", "succeeded", "A run cannot go from succeeded to running. Allowed from succeeded: archived."],
      ["archive", "running", "A run cannot go from running to archived. Allowed from running: succeeded, failed."],
    ] as const)("refuses %s from %s with 409 naming the allowed targets", async (action, from, message) => {
      const { id } = await newRun();
      await db.db.update(runs).set({ status: from }).where(eq(runs.id, id));
      const error = await trpcErrorOf(as(owner)[action]({ projectId, id }));
      expect([error.code, error.message]).toEqual(["CONFLICT", message]);
      expect((await runRows(id))[0]?.status).toBe(from);
      expect(await runAudit(id)).toHaveLength(1);
    });

    it("refuses to complete or fail while a capture session runs, naming its ordinal", async () => {
      const { id } = await newRun();
      await as(owner).start({ projectId, id });
      const session = await callerFor(db.db, owner).captureSession.start({ projectId, runId: id });
      await callerFor(db.db, owner).captureSession.stop({ projectId, id: session.id });
      await callerFor(db.db, owner).captureSession.start({ projectId, runId: id });
      for (const call of [() => as(owner).complete({ projectId, id }), () => as(owner).fail({ projectId, id, reason: "x" })]) {
        const error = await trpcErrorOf(call());
        expect(error.code).toBe("CONFLICT");
        expect(error.message).toMatch(/^Capture session #2 is still running\./);
      }
      expect((await runRows(id))[0]?.status).toBe("running");
    });

    it("gives NOT_FOUND for another project's run and FORBIDDEN to a viewer", async () => {
      const { id } = await newRun();
      const other = (await makeProject(db.db, owner)).id;
      expect((await trpcErrorOf(as(owner).start({ projectId: other, id }))).code).toBe("NOT_FOUND");
      expect((await trpcErrorOf(as(viewer).start({ projectId, id }))).code).toBe("FORBIDDEN");
      expect((await runRows(id))[0]?.status).toBe("draft");
    });
  });

  describe("byId", () => {
    it("returns the experiment name, duration, session count and the running session", async () => {
      const { id } = await newRun();
      await as(owner).start({ projectId, id });
      const session = await callerFor(db.db, owner).captureSession.start({ projectId, runId: id });
      await db.db.update(runs).set({ startedAt: new Date(Date.now() - 90_000) }).where(eq(runs.id, id));
      const run = await as(viewer).byId({ projectId, id });
      expect(run).toMatchObject({ id, experimentId, sessionCount: 1, runningSession: { id: session.id, ordinalNumber: 1 } });
      expect(run.runningSession?.startedAt.getTime()).toBe(session.startedAt.getTime());
      expect(run.durationMs).toBeGreaterThanOrEqual(90_000);
      expect(run.durationMs).toBeLessThan(100_000);
      const [exp] = await db.db.select().from(experiments).where(eq(experiments.id, experimentId));
      expect(run.experimentName).toBe(exp?.name);

      await db.db.update(runs).set({ startedAt: new Date("2025-01-01T00:00:00Z"), finishedAt: new Date("2025-01-01T00:01:30Z") }).where(eq(runs.id, id));
      expect((await as(viewer).byId({ projectId, id })).durationMs).toBe(90_000);
      const other = (await makeProject(db.db, owner)).id;
      expect((await trpcErrorOf(as(owner).byId({ projectId: other, id }))).code).toBe("NOT_FOUND");
    });
  });

  describe("list", () => {
    // Names, statuses and timestamps repeat (so the id tiebreak matters), some created_at differ only in microseconds,
    // and a third of the runs never started.
    const T = (us: number) => `2025-03-01T10:00:00.${String(us).padStart(6, "0")}Z`;
    const seeds = [
      ["gamma", "draft", T(100), null], ["alpha", "running", T(100), T(500)], ["beta", "failed", T(101), T(500)],
      ["alpha", "draft", T(900), null], ["delta", "succeeded", T(1100), T(2000)], ["beta", "running", T(1100), T(400)],
      ["alpha", "archived", T(1100), null], ["gamma", "running", T(1999), T(2000)], ["epsilon", "draft", T(5000), null],
      ["beta", "succeeded", T(5000), T(3000)], ["alpha", "failed", T(5001), T(500)], ["zeta", "draft", T(9000), null],
    ] as const;
    type Seeded = { id: string; name: string; status: string; createdAt: string; startedAt: string | null };
    const seeded: Seeded[] = [];
    let listExperimentId: string;

    beforeAll(async () => {
      listExperimentId = await makeExperiment(projectId);
      for (const [name, status, createdAt, startedAt] of seeds) {
        const [row] = await db.sql<{ id: string }[]>`
          insert into runs (project_id, experiment_id, name, status, params, created_at, started_at)
          values (${projectId}, ${listExperimentId}, ${name}, ${status}, ${JSON.stringify({ lr: seeded.length })}::jsonb, ${createdAt}::timestamptz, ${startedAt}::timestamptz)
          returning id`;
        seeded.push({ id: row!.id, name, status, createdAt, startedAt });
      }
    });

    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    function expectedOrder(field: "createdAt" | "name" | "status" | "startedAt", direction: "asc" | "desc") {
      const sign = direction === "asc" ? 1 : -1;
      return [...seeded]
        .sort((a, b) => {
          const [va, vb] = [a[field], b[field]];
          if (va !== vb) return va === null ? 1 : vb === null ? -1 : sign * cmp(va, vb);
          return sign * cmp(a.id, b.id);
        })
        .map((r) => r.id);
    }

    it.each(["createdAt", "name", "status", "startedAt"] as const)("pages by %s both ways without gaps or repeats", async (field) => {
      for (const direction of ["asc", "desc"] as const) {
        const ids: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await as(viewer).list({ projectId, experimentId: listExperimentId, sort: { field, direction }, cursor, limit: 5 });
          ids.push(...page.items.map((i) => i.id));
          cursor = page.nextCursor ?? undefined;
          pages++;
        } while (cursor && pages < 10);
        expect([direction, ids]).toEqual([direction, expectedOrder(field, direction)]);
        expect(pages).toBe(3);
      }
    });

    it("returns the item shape with session counts, applies the filter, and refuses a cursor of another sort", async () => {
      const running = seeded.find((r) => r.status === "running")!;
      await db.sql`insert into capture_sessions (project_id, run_id, ordinal_number, status) values (${projectId}, ${running.id}, 1, 'stopped'), (${projectId}, ${running.id}, 2, 'stopped')`;
      const page = await as(viewer).list({ projectId, experimentId: listExperimentId, filter: { status: ["running"] }, sort: { field: "name", direction: "asc" } });
      expect(page.items.map((i) => i.id).sort()).toEqual(seeded.filter((r) => r.status === "running").map((r) => r.id).sort());
      const item = page.items.find((i) => i.id === running.id)!;
      expect(item).toMatchObject({ sessionCount: 2, experimentId: listExperimentId, params: { lr: seeded.indexOf(running) }, tags: [], metadata: {} });
      expect(item.createdAt.getTime()).toBe(new Date(running.createdAt).getTime());
      expect(item.startedAt?.getTime()).toBe(new Date(running.startedAt!).getTime());
      expect(Object.keys(page.items[0]!).sort()).toEqual(
        ["createdAt", "durationMs", "experimentId", "finishedAt", "id", "metadata", "name", "params", "sessionCount", "startedAt", "status", "tags"],
      );
      const first = await as(viewer).list({ projectId, experimentId: listExperimentId, sort: { field: "name", direction: "asc" }, limit: 2 });
      for (const cursor of [first.nextCursor!, "not-a-cursor"]) {
        const error = await trpcErrorOf(as(viewer).list({ projectId, sort: { field: "createdAt", direction: "asc" }, cursor }));
        expect(error.code).toBe("BAD_REQUEST");
      }
      const forged = Buffer.from(JSON.stringify({ f: "name", d: "asc", v: "a\u0000", id: randomUUID() })).toString("base64url");
      expect((await trpcErrorOf(as(viewer).list({ projectId, sort: { field: "name", direction: "asc" }, cursor: forged }))).code).toBe("BAD_REQUEST");
      const other = (await makeProject(db.db, owner)).id;
      expect((await trpcErrorOf(as(owner).list({ projectId: other, experimentId: listExperimentId }))).code).toBe("NOT_FOUND");
      expect((await trpcErrorOf(as(owner).paramKeys({ projectId: other, experimentId: listExperimentId }))).code).toBe("NOT_FOUND");
    });

    it("pages by the longest, most escaped names with cursors the contract accepts", async () => {
      const longExperiment = await makeExperiment(projectId);
      const names = ["c", "a", "b"].map((last) => `${"\u0001".repeat(199)}${last}`);
      for (const name of names) await as(owner).create({ projectId, experimentId: longExperiment, name });
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await as(viewer).list({ projectId, experimentId: longExperiment, sort: { field: "name", direction: "desc" }, cursor, limit: 1 });
        seen.push(...page.items.map((i) => i.name.at(-1)!));
        cursor = page.nextCursor ?? undefined;
        expect(cursorSchema.safeParse(cursor).success).toBe(true);
      } while (cursor && seen.length < 5);
      expect(seen).toEqual(["c", "b", "a"]);
    });

    it("lists distinct param keys, sorted, per project or experiment", async () => {
      expect(await as(viewer).paramKeys({ projectId, experimentId: listExperimentId })).toEqual(["lr"]);
      await newRun({ params: { zeta: 1, alpha: "x", lr: 2 } });
      const keys = await as(viewer).paramKeys({ projectId });
      expect(keys).toEqual([...keys].sort());
      expect(keys).toEqual(expect.arrayContaining(["alpha", "lr", "zeta"]));
      expect(await as(owner).paramKeys({ projectId: (await makeProject(db.db, owner)).id })).toEqual([]);
    });
  });

  describe("history", () => {
    it("shows who changed what, when and why, sessions included, newest first", async () => {
      const { id } = await newRun();
      await as(owner).start({ projectId, id });
      const session = await callerFor(db.db, editor).captureSession.start({ projectId, runId: id });
      await callerFor(db.db, editor).captureSession.stop({ projectId, id: session.id });
      await as(editor).fail({ projectId, id, reason: "Vacuum leak" });
      const history = await as(viewer).history({ projectId, id });
      expect(history.map((h) => [h.actorEmail, h.action, h.entityId])).toEqual([
        [editor.email, "run.status_changed", id],
        [editor.email, "capture_session.status_changed", session.id],
        [editor.email, "capture_session.started", session.id],
        [owner.email, "run.status_changed", id],
        [owner.email, "run.created", id],
      ]);
      expect(history[0]).toMatchObject({ before: { status: "running", reason: null }, after: { status: "failed", reason: "Vacuum leak" } });
      expect(history[0]?.createdAt).toBeInstanceOf(Date);
    });
  });

  describe("compare", () => {
    it("lists keys and which of them differ", async () => {
      const a = await newRun({ params: { lr: 0.1, epochs: 10, opt: "adam" }, metadata: { operator: "Ada", rig: { id: 1, v: 2 } }, tags: ["x", "y"] });
      const b = await newRun({ params: { lr: 0.2, epochs: 10 }, metadata: { operator: "Ada", rig: { v: 2, id: 1 } }, tags: ["y", "x"] });
      const c = await newRun({ params: { lr: 0.1, epochs: 10, opt: "adam" }, metadata: { operator: "Ada", rig: { id: 2, v: 2 }, note: "n" }, tags: ["x", "y"] });
      await as(owner).start({ projectId, id: c.id });
      const result = await as(viewer).compare({ projectId, ids: [c.id, a.id, b.id] });
      expect(result.runs.map((r) => r.id)).toEqual([c.id, a.id, b.id]);
      expect(result.paramKeys).toEqual(["epochs", "lr", "opt"]);
      expect(result.metadataKeys).toEqual(["note", "operator", "rig"]);
      expect(result.differing).toEqual({ params: ["lr", "opt"], metadata: ["note", "rig"], tags: false, status: true });
    });

    it("gives NOT_FOUND naming the runs that are not in the project", async () => {
      const a = await newRun();
      const [foreignRun] = await db.db.insert(runs).values({ projectId: foreignProjectId, experimentId: foreignExperimentId, name: "F" }).returning();
      const foreign = foreignRun!.id;
      const error = await trpcErrorOf(as(owner).compare({ projectId, ids: [a.id, foreign] }));
      expect([error.code, error.message]).toEqual(["NOT_FOUND", `Runs not found: ${foreign}.`]);
    });
  });
});
