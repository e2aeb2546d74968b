// run.batchStatus and run.bulkTags: per-item results in input order, one audit row per changed run, the 500-id limit,
// idempotent replays that write nothing, and project isolation.
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, experiments, runs } from "../../../db/schema";
import type { RunStatus } from "../../../domain/run/status";
import { useTestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import { trpcErrorOf } from "../../../test/helpers";
import type { SessionUser } from "../../auth/session-user";

describe("run batch operations", () => {
  const db = useTestDatabase();
  let owner: SessionUser, viewer: SessionUser;
  let projectId: string, experimentId: string, foreignRunId: string;
  const as = (user: SessionUser) => callerFor(db.db, user).run;

  async function makeRun(status: RunStatus = "draft", tags: string[] = []) {
    const [row] = await db.db.insert(runs).values({ projectId, experimentId, name: "Batch", status, tags }).returning();
    return row!.id;
  }
  const auditOf = (ids: string[]) =>
    db.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "run"), inArray(auditEvents.entityId, ids))).orderBy(auditEvents.id);
  const statusOf = async (id: string) => (await db.db.select().from(runs).where(eq(runs.id, id)))[0]?.status;
  const tagsOf = async (id: string) => (await db.db.select().from(runs).where(eq(runs.id, id)))[0]?.tags;

  beforeAll(async () => {
    owner = await makeUser(db.db);
    viewer = await makeUser(db.db);
    projectId = (await makeProject(db.db, owner, [{ user: viewer, role: "viewer" }])).id;
    const [exp] = await db.db.insert(experiments).values({ projectId, name: "Batch exp" }).returning();
    experimentId = exp!.id;
    const foreignProject = (await makeProject(db.db, owner)).id;
    const [foreignExp] = await db.db.insert(experiments).values({ projectId: foreignProject, name: "Other" }).returning();
    const [foreignRun] = await db.db.insert(runs).values({ projectId: foreignProject, experimentId: foreignExp!.id, name: "F", status: "running" }).returning();
    foreignRunId = foreignRun!.id;
  });

  describe("batchStatus", () => {
    it("moves each run on its own and answers in input order; a replay returns the same answer and writes nothing", async () => {
      const ok = await makeRun("running");
      const draft = await makeRun("draft");
      const busy = await makeRun("running");
      const session = await callerFor(db.db, owner).captureSession.start({ projectId, runId: busy });
      const unknown = randomUUID();
      const input = { projectId, ids: [draft, ok, foreignRunId, busy, unknown], to: "succeeded" as const, idempotencyKey: `batch-${randomUUID()}` };

      const { results } = await as(owner).batchStatus(input);

      expect(results.map((r) => (r.ok ? [r.id, "ok", r.status] : [r.id, r.code]))).toEqual([
        [draft, "INVALID_TRANSITION"],
        [ok, "ok", "succeeded"],
        [foreignRunId, "NOT_FOUND"],
        [busy, "CONFLICT"],
        [unknown, "NOT_FOUND"],
      ]);
      expect(results[0]).toMatchObject({ message: "A run cannot go from draft to succeeded. Allowed from draft: running, archived." });
      expect(results[3]).toMatchObject({ message: expect.stringMatching(/^Capture session #1 is still running/) });
      expect([await statusOf(ok), await statusOf(draft), await statusOf(busy), await statusOf(foreignRunId)]).toEqual(["succeeded", "draft", "running", "running"]);
      const audit = await auditOf([ok, draft, busy, foreignRunId]);
      expect(audit.map((a) => [a.entityId, a.action, a.before, a.after])).toEqual([
        [ok, "run.status_changed", { status: "running", reason: null }, { status: "succeeded", reason: null }],
      ]);

      const auditCount = (await db.db.select().from(auditEvents)).length;
      await callerFor(db.db, owner).captureSession.stop({ projectId, id: session.id });
      const replay = await as(owner).batchStatus(input);
      expect(replay).toEqual({ results });
      expect(await statusOf(busy)).toBe("running");
      expect((await db.db.select().from(auditEvents)).length).toBe(auditCount + 1); // the stop, nothing from the replay
    });

    it("fails a run with the reason, and refuses `failed` without one for the whole call", async () => {
      const a = await makeRun("running");
      const b = await makeRun("running");
      const error = await trpcErrorOf(as(owner).batchStatus({ projectId, ids: [a, b], to: "failed" }));
      expect(error.code).toBe("BAD_REQUEST");
      expect([await statusOf(a), await statusOf(b)]).toEqual(["running", "running"]);
      expect(await auditOf([a, b])).toHaveLength(0);

      const { results } = await as(owner).batchStatus({ projectId, ids: [a, b, a], to: "failed", reason: "Power cut" });
      expect(results).toEqual([{ id: a, ok: true, status: "failed" }, { id: b, ok: true, status: "failed" }]);
      const rows = await db.db.select().from(runs).where(inArray(runs.id, [a, b]));
      expect(rows.map((r) => r.failureReason)).toEqual(["Power cut", "Power cut"]);
      expect((await auditOf([a, b])).map((e) => e.after)).toEqual([{ status: "failed", reason: "Power cut" }, { status: "failed", reason: "Power cut" }]);
    });

    it("refuses 501 ids with BAD_REQUEST, and a viewer with FORBIDDEN", async () => {
      const id = await makeRun("draft");
      const ids = [id, ...Array.from({ length: 500 }, () => randomUUID())];
      expect((await trpcErrorOf(as(owner).batchStatus({ projectId, ids, to: "archived" }))).code).toBe("BAD_REQUEST");
      expect((await trpcErrorOf(as(viewer).batchStatus({ projectId, ids: [id], to: "archived" }))).code).toBe("FORBIDDEN");
      expect(await statusOf(id)).toBe("draft");
      const { results } = await as(owner).batchStatus({ projectId, ids: ids.slice(0, 500), to: "archived" });
      expect(results.filter((r) => r.ok)).toEqual([{ id, ok: true, status: "archived" }]);
      expect(results).toHaveLength(500);
    });
  });

  describe("bulkTags", () => {
    it("adds and removes in one go, keeps order, dedupes, reports missing ids and audits each changed run", async () => {
      const r1 = await makeRun("draft", ["a", "b"]);
      const r2 = await makeRun("running", ["b", "c"]);
      const r3 = await makeRun("draft");
      const same = await makeRun("draft", ["a", "c", "d"]);
      const unknown = randomUUID();
      const input = { projectId, ids: [r1, foreignRunId, r2, r3, same, unknown], add: ["c", "d", "a", "c"], remove: ["b"], idempotencyKey: `tags-${randomUUID()}` };

      const result = await as(owner).bulkTags(input);

      expect(result).toEqual({ updated: 3, missing: [foreignRunId, unknown] });
      expect([await tagsOf(r1), await tagsOf(r2), await tagsOf(r3), await tagsOf(same)]).toEqual([
        ["a", "c", "d"],
        ["c", "d", "a"],
        ["c", "d", "a"],
        ["a", "c", "d"],
      ]);
      const audit = await auditOf([r1, r2, r3, same, foreignRunId]);
      expect(audit.map((a) => [a.entityId, a.action, a.before, a.after])).toEqual([
        [r1, "run.tags_changed", { tags: ["a", "b"] }, { tags: ["a", "c", "d"] }],
        [r2, "run.tags_changed", { tags: ["b", "c"] }, { tags: ["c", "d", "a"] }],
        [r3, "run.tags_changed", { tags: [] }, { tags: ["c", "d", "a"] }],
      ]);
      expect(await tagsOf(foreignRunId)).toEqual([]);

      expect(await as(owner).bulkTags(input)).toEqual(result);
      expect(await auditOf([r1, r2, r3, same])).toHaveLength(3);
      const again = await as(owner).bulkTags({ ...input, idempotencyKey: undefined });
      expect(again).toEqual({ updated: 0, missing: [foreignRunId, unknown] });
    });

    it("refuses a batch that would push a run past 50 tags, and changes none of the runs", async () => {
      const full = await makeRun("draft", Array.from({ length: 49 }, (_, i) => `t${i}`));
      const other = await makeRun("draft", ["x"]);
      const error = await trpcErrorOf(as(owner).bulkTags({ projectId, ids: [other, full], add: ["new-1", "new-2"] }));
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toContain("more than 50 tags");
      expect(await tagsOf(other)).toEqual(["x"]);
      expect(await tagsOf(full)).toHaveLength(49);
      expect(await auditOf([full, other])).toHaveLength(0);
      expect(await as(owner).bulkTags({ projectId, ids: [full], add: ["new-1"] })).toEqual({ updated: 1, missing: [] });
    });

    it("removes only, and a tag both added and removed ends up removed", async () => {
      const r = await makeRun("draft", ["x", "y", "z"]);
      expect(await as(owner).bulkTags({ projectId, ids: [r], remove: ["y", "nope"] })).toEqual({ updated: 1, missing: [] });
      expect(await tagsOf(r)).toEqual(["x", "z"]);
      await as(owner).bulkTags({ projectId, ids: [r], add: ["w"], remove: ["w", "x"] });
      expect(await tagsOf(r)).toEqual(["z"]);
    });

    it("refuses 501 ids and empty changes with BAD_REQUEST, and a viewer with FORBIDDEN", async () => {
      const id = await makeRun("draft", ["keep"]);
      const ids = [id, ...Array.from({ length: 500 }, () => randomUUID())];
      expect((await trpcErrorOf(as(owner).bulkTags({ projectId, ids, add: ["new"] }))).code).toBe("BAD_REQUEST");
      expect((await trpcErrorOf(as(owner).bulkTags({ projectId, ids: [id] }))).code).toBe("BAD_REQUEST");
      expect((await trpcErrorOf(as(viewer).bulkTags({ projectId, ids: [id], add: ["new"] }))).code).toBe("FORBIDDEN");
      expect(await tagsOf(id)).toEqual(["keep"]);
      expect(await as(owner).bulkTags({ projectId, ids: ids.slice(0, 500), add: ["new"] })).toMatchObject({ updated: 1 });
    });
  });
});
