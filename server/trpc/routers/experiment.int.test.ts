// experiment router: idempotent create, list filters / search / keyset pages over every sort, run counts, edits, status
// machine and delete guarded against running runs, all through the real procedure ladder against PostgreSQL.
import { randomUUID } from "node:crypto";
import type { inferRouterInputs } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { captureSessions, experiments, runs } from "../../../db/schema";
import { experimentStatus, type ExperimentStatus } from "../../../domain/experiment/status";
import type { RunStatus } from "../../../domain/run/status";
import { useTestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import { auditRowsForAction, callerWithRequestId, clientErrorShape, trpcErrorOf, waitForLockWaiters } from "../../../test/helpers";
import type { SessionUser } from "../../auth/session-user";
import type { AppRouter } from "../app-router";

type ListInput = inferRouterInputs<AppRouter>["experiment"]["list"];
type CreateInput = inferRouterInputs<AppRouter>["experiment"]["create"];
/** Deliberately ill-typed input, to reach the server's validation. */
const wrongType = (value: unknown) => value as never;

describe("experiment router", () => {
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

  const make = (fields: Omit<CreateInput, "projectId">) => callerFor(db.db, editor).experiment.create({ projectId, ...fields });

  /** A project of its own, with rows inserted directly so timestamps, statuses and tags are exactly as the test says. */
  async function seededProject(rows: Partial<typeof experiments.$inferInsert>[], sqlTimes: { createdAt?: string; updatedAt?: string }[] = []) {
    const id = (await makeProject(db.db, owner, [{ user: viewer, role: "viewer" }])).id;
    const inserted = await db.db
      .insert(experiments)
      .values(
        rows.map((r, i) => ({
          name: "x",
          ...r,
          projectId: id,
          ...(sqlTimes[i]?.createdAt ? { createdAt: sql`${sqlTimes[i].createdAt}::timestamptz` } : {}),
          ...(sqlTimes[i]?.updatedAt ? { updatedAt: sql`${sqlTimes[i].updatedAt}::timestamptz` } : {}),
        })),
      )
      .returning();
    return { projectId: id, rows: inserted };
  }

  describe("create", () => {
    it("trims, de-duplicates tags, starts as draft, and audits the new row with the request id", async () => {
      const { caller, requestId } = callerWithRequestId(db.db, editor);
      const made = await caller.experiment.create({
        projectId, name: "  Thermal drift ", description: "Bench 4", type: "calibration", tags: ["heat", " heat ", "b2"], metadata: { bench: "B2" },
      });

      expect(made).toMatchObject({ projectId, name: "Thermal drift", description: "Bench 4", type: "calibration", status: "draft", tags: ["heat", "b2"], metadata: { bench: "B2" }, createdBy: editor.id });
      const [row] = await db.db.select().from(experiments).where(eq(experiments.id, made.id));
      expect(row).toMatchObject({ name: "Thermal drift", tags: ["heat", "b2"] });
      const audit = await auditRowsForAction(db.db, "experiment.created", made.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ projectId, actorId: editor.id, entityType: "experiment", requestId, before: null });
      expect(audit[0]?.after).toMatchObject({ id: made.id, name: "Thermal drift", tags: ["heat", "b2"] });
    });

    it("replays the first result for the same key and input, and writes one row and one audit event", async () => {
      const input = { projectId, name: "Idem once", idempotencyKey: `key-${randomUUID()}` };
      const first = await callerFor(db.db, editor).experiment.create(input);
      const second = await callerFor(db.db, editor).experiment.create({ ...input });

      expect(second).toEqual(first);
      expect(await db.db.select().from(experiments).where(and(eq(experiments.projectId, projectId), eq(experiments.name, "Idem once")))).toHaveLength(1);
      expect(await auditRowsForAction(db.db, "experiment.created", first.id)).toHaveLength(1);
    });

    it("refuses the same key with a different input as UNPROCESSABLE_CONTENT", async () => {
      const key = `key-${randomUUID()}`;
      await callerFor(db.db, editor).experiment.create({ projectId, name: "Idem A", idempotencyKey: key });
      const error = await trpcErrorOf(callerFor(db.db, editor).experiment.create({ projectId, name: "Idem B", idempotencyKey: key }));

      expect(error.code).toBe("UNPROCESSABLE_CONTENT");
      expect(await db.db.select().from(experiments).where(eq(experiments.name, "Idem B"))).toHaveLength(0);
    });

    it("gives five concurrent creates with one key one row and the same id", async () => {
      const input = { projectId, name: "Idem race", idempotencyKey: `key-${randomUUID()}` };
      let calls: Promise<{ id: string }>[] = [];
      // Holding the project row makes the first insert wait (its foreign-key check) while the other four wait on its key.
      await db.sql.begin(async (tx) => {
        await tx`select 1 from projects where id = ${projectId} for update`;
        calls = Array.from({ length: 5 }, () => callerFor(db.db, editor).experiment.create(input));
        await waitForLockWaiters(db.sql, 5);
      });
      const results = await Promise.all(calls);

      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(await db.db.select().from(experiments).where(eq(experiments.name, "Idem race"))).toHaveLength(1);
    });

    it.each([
      ["metadata that is an array", { metadata: wrongType(["a"]) }, "metadata"],
      ["metadata that is a string", { metadata: wrongType("operator=Ada") }, "metadata"],
      ["an empty tag", { tags: ["ok", "  "] }, "tags.1"],
      ["a tag over 50 characters", { tags: ["t".repeat(51)] }, "tags.0"],
    ])("rejects %s with a field error", async (_label, fields, path) => {
      const error = await trpcErrorOf(callerFor(db.db, editor).experiment.create({ projectId, name: "Invalid", ...fields }));

      expect(error.code).toBe("BAD_REQUEST");
      expect(Object.keys(clientErrorShape(error, "experiment.create").data.fieldErrors ?? {})).toEqual([path]);
    });

    it("gives a viewer FORBIDDEN and writes nothing", async () => {
      const error = await trpcErrorOf(callerFor(db.db, viewer).experiment.create({ projectId, name: "Viewer made" }));
      expect(error.code).toBe("FORBIDDEN");
      expect(await db.db.select().from(experiments).where(eq(experiments.name, "Viewer made"))).toHaveLength(0);
    });
  });

  describe("list filters", () => {
    let fp: string;
    const day = (d: number) => new Date(Date.UTC(2025, 0, d));
    beforeAll(async () => {
      fp = (
        await seededProject([
          { name: "Alpha probe", description: "baseline", type: "calibration", status: "draft", tags: ["thermal", "bench"], createdAt: day(1), updatedAt: day(11) },
          { name: "Beta 50% load", type: "stress", status: "active", tags: ["thermal"], createdAt: day(2), updatedAt: day(12) },
          { name: "a_b test", description: "Underscore literal", type: "stress", status: "completed", tags: ["bench", "night"], createdAt: day(3), updatedAt: day(13) },
          { name: "axb control", type: "calibration", status: "archived", createdAt: day(4), updatedAt: day(14) },
          { name: "Path", description: "C:\\data\\run", type: "field", status: "active", tags: ["night", "thermal", "bench"], createdAt: day(5), updatedAt: day(15) },
          { name: "Gamma 500 load", type: "field", status: "draft", tags: ["zeta"], createdAt: day(6), updatedAt: day(16) },
        ])
      ).projectId;
    });
    const names = async (filter: ListInput["filter"]) =>
      (await callerFor(db.db, viewer).experiment.list({ projectId: fp, filter, limit: 200 })).items.map((i) => i.name).sort();

    it.each<[string, ListInput["filter"], string[]]>([
      ["no filter (and nothing of other projects)", {}, ["Alpha probe", "Beta 50% load", "a_b test", "axb control", "Path", "Gamma 500 load"]],
      ["empty arrays mean no filter", { status: [], type: [], tagsAny: [], tagsAll: [] }, ["Alpha probe", "Beta 50% load", "a_b test", "axb control", "Path", "Gamma 500 load"]],
      ["one status", { status: ["active"] }, ["Beta 50% load", "Path"]],
      ["two statuses", { status: ["draft", "archived"] }, ["Alpha probe", "axb control", "Gamma 500 load"]],
      ["type", { type: ["stress"] }, ["Beta 50% load", "a_b test"]],
      ["any of the tags", { tagsAny: ["night", "zeta"] }, ["a_b test", "Path", "Gamma 500 load"]],
      ["all of the tags", { tagsAll: ["thermal", "bench"] }, ["Alpha probe", "Path"]],
      ["created from (inclusive) to (exclusive)", { created: { from: day(2), to: day(4) } }, ["Beta 50% load", "a_b test"]],
      ["created from only", { created: { from: day(5) } }, ["Path", "Gamma 500 load"]],
      ["updated to only", { updated: { to: day(12) } }, ["Alpha probe"]],
      ["updated range", { updated: { from: day(13), to: day(15) } }, ["a_b test", "axb control"]],
      ["search, case-insensitive", { search: "ALPHA" }, ["Alpha probe"]],
      ["search in the description", { search: "underscore" }, ["a_b test"]],
      ["search with a literal %", { search: "50%" }, ["Beta 50% load"]],
      ["search with a literal _", { search: "a_b" }, ["a_b test"]],
      ["search with a literal backslash", { search: "c:\\data" }, ["Path"]],
      ["search combined with status", { search: "load", status: ["draft"] }, ["Gamma 500 load"]],
      ["type and any tag", { type: ["calibration"], tagsAny: ["thermal"] }, ["Alpha probe"]],
      ["status, all tags and created", { status: ["active", "completed"], tagsAll: ["night"], created: { from: day(4) } }, ["Path"]],
    ])("%s", async (_label, filter, expected) => {
      expect(await names(filter)).toEqual([...expected].sort());
    });

    it("lists the project's distinct types and tags, sorted", async () => {
      const caller = callerFor(db.db, viewer);
      expect(await caller.experiment.types({ projectId: fp })).toEqual(["calibration", "field", "stress"]);
      expect(await caller.experiment.tags({ projectId: fp })).toEqual(["bench", "night", "thermal", "zeta"]);
    });

    it("returns at most 500 tags", async () => {
      const all = Array.from({ length: 550 }, (_, i) => `tag-${String(i).padStart(3, "0")}`);
      const { projectId: tp } = await seededProject(Array.from({ length: 12 }, (_, e) => ({ tags: all.slice(e * 46, e * 46 + 50) })));
      expect(await callerFor(db.db, viewer).experiment.tags({ projectId: tp })).toEqual(all.slice(0, 500));
    });
  });

  describe("list pages", () => {
    const NAMES = ["Alpha", "alpha", "Bravo", "charlie", "Delta"];
    // Same-millisecond timestamps that differ in microseconds: a cursor rounded to a JS Date would skip or repeat rows.
    const CREATED = [".000000", ".000100", ".000101", ".500000"].map((f) => `2025-03-01T00:00:00${f}Z`);
    const UPDATED = ["2025-03-02T00:00:00.000001Z", "2025-03-02T00:00:00.000002Z", "2025-03-02T10:00:00.000000Z"];
    let pp: string;
    let seeded: { id: string; name: string; createdAt: string; updatedAt: string }[];

    beforeAll(async () => {
      const spec = Array.from({ length: 60 }, (_, i) => ({ name: NAMES[i % 5]!, createdAt: CREATED[i % 4]!, updatedAt: UPDATED[i % 3]! }));
      const made = await seededProject(spec.map((r) => ({ name: r.name })), spec);
      pp = made.projectId;
      seeded = made.rows.map((r, i) => ({ id: r.id, ...spec[i]! }));
    });

    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const SORTS = (["createdAt", "updatedAt", "name"] as const).flatMap((field) => (["asc", "desc"] as const).map((direction) => ({ field, direction })));

    it.each(SORTS)("pages through $field $direction with no gap and no repeat", async (sort) => {
      const keyOf = (r: (typeof seeded)[number]) => (sort.field === "name" ? r.name.toLowerCase() : r[sort.field]);
      const sign = sort.direction === "asc" ? 1 : -1;
      const expected = [...seeded].sort((a, b) => sign * (cmp(keyOf(a), keyOf(b)) || cmp(a.id, b.id))).map((r) => r.id);

      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const result = await callerFor(db.db, viewer).experiment.list({ projectId: pp, sort, cursor, limit: 7 });
        expect(result.items.length).toBeLessThanOrEqual(7);
        seen.push(...result.items.map((i) => i.id));
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      expect(seen).toEqual(expected);
    });

    it("refuses an invalid cursor with a field error", async () => {
      const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
      const first = await callerFor(db.db, viewer).experiment.list({ projectId: pp, limit: 1 });
      const cursors = [
        "not-a-cursor",
        b64({ after: 1 }),
        b64(["createdAt", "desc", "yesterday", randomUUID()]),
        b64(["createdAt", "desc", "2025-02-30T00:00:00.000000Z", randomUUID()]),
        b64(["name", "asc", "alpha", "not-a-uuid"]),
      ];
      for (const cursor of cursors) {
        const error = await trpcErrorOf(callerFor(db.db, viewer).experiment.list({ projectId: pp, sort: { field: "createdAt", direction: "desc" }, cursor }));
        expect(error.code).toBe("BAD_REQUEST");
        expect(clientErrorShape(error, "experiment.list").data.fieldErrors).toHaveProperty("cursor");
      }
      // A cursor of one sort order does not page another.
      const other = await trpcErrorOf(callerFor(db.db, viewer).experiment.list({ projectId: pp, sort: { field: "name", direction: "asc" }, cursor: first.nextCursor! }));
      expect(clientErrorShape(other, "experiment.list").data.fieldErrors).toHaveProperty("cursor");
    });
  });

  describe("run counts and byId", () => {
    const zero: Record<RunStatus, number> = { draft: 0, running: 0, succeeded: 0, failed: 0, archived: 0 };

    it("counts runs per status on the list and on byId", async () => {
      const { projectId: rp, rows } = await seededProject([{ name: "With runs" }, { name: "Without" }]);
      const statuses: RunStatus[] = ["running", "running", "succeeded", "draft", "draft", "draft"];
      await db.db.insert(runs).values(statuses.map((status, i) => ({ projectId: rp, experimentId: rows[0]!.id, name: `r${i}`, status })));
      const expected = { ...zero, draft: 3, running: 2, succeeded: 1 };

      const list = await callerFor(db.db, viewer).experiment.list({ projectId: rp });
      expect(Object.fromEntries(list.items.map((i) => [i.name, i.runCounts]))).toEqual({ "With runs": expected, Without: zero });
      const one = await callerFor(db.db, viewer).experiment.byId({ projectId: rp, id: rows[0]!.id });
      expect(one).toMatchObject({ id: rows[0]!.id, name: "With runs", runCounts: expected });
      // The list's own row mapping gives what byId's gives (dates as Dates), minus the project and the author.
      const { projectId: _p, createdBy: _c, runCounts: _r, ...listed } = one;
      expect(list.items.find((i) => i.id === one.id)).toEqual({ ...listed, runCounts: expected });
    });

    it("gives NOT_FOUND for another project's experiment, even to a member of both, and changes nothing", async () => {
      const { rows } = await seededProject([{ name: "Elsewhere" }]);
      const id = rows[0]!.id;
      const caller = callerFor(db.db, owner);
      const calls = [
        () => caller.experiment.byId({ projectId, id }),
        () => caller.experiment.update({ projectId, id, name: "Stolen" }),
        () => caller.experiment.transition({ projectId, id, to: "active" }),
        () => caller.experiment.delete({ projectId, id }),
      ];
      for (const call of calls) expect((await trpcErrorOf(call())).code).toBe("NOT_FOUND");
      expect(await db.db.select().from(experiments).where(eq(experiments.id, id))).toMatchObject([{ name: "Elsewhere", status: "draft" }]);
    });
  });

  describe("update", () => {
    it("changes only the given fields, bumps updated_at, and audits before and after", async () => {
      const made = await make({ name: "Keep", description: "desc", type: "calibration", tags: ["a"], metadata: { k: 1 } });
      const { caller, requestId } = callerWithRequestId(db.db, editor);

      const renamed = await caller.experiment.update({ projectId, id: made.id, name: "Renamed" });
      expect(renamed).toMatchObject({ name: "Renamed", description: "desc", type: "calibration", tags: ["a"], metadata: { k: 1 }, status: "draft" });
      const retagged = await callerFor(db.db, editor).experiment.update({ projectId, id: made.id, tags: ["b", "b"], metadata: { k: 2 } });
      expect(retagged).toMatchObject({ name: "Renamed", description: "desc", type: "calibration", tags: ["b"], metadata: { k: 2 } });

      const [row] = await db.db
        .select({ bumped: sql<boolean>`${experiments.updatedAt} > ${experiments.createdAt}`, createdAt: experiments.createdAt })
        .from(experiments)
        .where(eq(experiments.id, made.id));
      expect(row).toEqual({ bumped: true, createdAt: made.createdAt });
      const audit = await auditRowsForAction(db.db, "experiment.updated", made.id);
      expect(audit).toHaveLength(2);
      expect(audit[0]).toMatchObject({ requestId, actorId: editor.id, before: { name: "Keep" }, after: { name: "Renamed", description: "desc" } });
    });

    it("gives a viewer FORBIDDEN", async () => {
      const made = await make({ name: "Viewer cannot edit" });
      expect((await trpcErrorOf(callerFor(db.db, viewer).experiment.update({ projectId, id: made.id, name: "x" }))).code).toBe("FORBIDDEN");
    });
  });

  describe("transition", () => {
    const allowed = experimentStatus.statuses.flatMap((from) => experimentStatus.allowedFrom(from).map((to): [ExperimentStatus, ExperimentStatus] => [from, to]));

    it("has the four transitions of the status machine to check", () => expect(allowed).toHaveLength(4));

    it.each(allowed)("moves %s → %s and audits it", async (from, to) => {
      const made = await make({ name: `Move ${from} ${to}` });
      await db.db.update(experiments).set({ status: from }).where(eq(experiments.id, made.id));
      const { caller, requestId } = callerWithRequestId(db.db, editor);

      expect(await caller.experiment.transition({ projectId, id: made.id, to })).toMatchObject({ id: made.id, status: to });
      expect(await db.db.select({ status: experiments.status }).from(experiments).where(eq(experiments.id, made.id))).toEqual([{ status: to }]);
      const audit = await auditRowsForAction(db.db, "experiment.status_changed", made.id);
      expect(audit).toMatchObject([{ requestId, before: { status: from }, after: { status: to } }]);
    });

    it("refuses draft → completed with 409 naming the allowed targets, and changes nothing", async () => {
      const made = await make({ name: "Skip ahead" });
      const error = await trpcErrorOf(callerFor(db.db, editor).experiment.transition({ projectId, id: made.id, to: "completed" }));

      expect(error.code).toBe("CONFLICT");
      expect(error.message).toContain("Allowed from draft: active, archived.");
      expect(clientErrorShape(error, "experiment.transition").data.domainCode).toBe("INVALID_TRANSITION");
      expect(await db.db.select({ status: experiments.status }).from(experiments).where(eq(experiments.id, made.id))).toEqual([{ status: "draft" }]);
      expect(await auditRowsForAction(db.db, "experiment.status_changed", made.id)).toHaveLength(0);
    });
  });

  describe("delete", () => {
    async function withRuns(name: string, statuses: RunStatus[]) {
      const made = await make({ name });
      const values = statuses.map((status, i) => ({ projectId, experimentId: made.id, name: `r${i}`, status }));
      const inserted = values.length > 0 ? await db.db.insert(runs).values(values).returning() : [];
      return { id: made.id, runIds: inserted.map((r) => r.id) };
    }
    const experimentRows = (id: string) => db.db.select().from(experiments).where(eq(experiments.id, id));

    it("refuses while a run is running, and changes nothing", async () => {
      const { id, runIds } = await withRuns("Busy", ["running", "succeeded"]);
      const error = await trpcErrorOf(callerFor(db.db, editor).experiment.delete({ projectId, id }));

      expect(error.code).toBe("CONFLICT");
      expect(error.message).toContain("1 run is still running");
      expect(await experimentRows(id)).toHaveLength(1);
      expect(await db.db.select().from(runs).where(eq(runs.experimentId, id))).toHaveLength(runIds.length);
      expect(await auditRowsForAction(db.db, "experiment.deleted", id)).toHaveLength(0);
    });

    it("deletes otherwise: runs and their capture sessions go too, the audit trail stays", async () => {
      const { id, runIds } = await withRuns("Done", ["draft", "succeeded", "failed"]);
      await db.db.insert(captureSessions).values({ projectId, runId: runIds[1]!, ordinalNumber: 1, status: "stopped" });
      const { caller, requestId } = callerWithRequestId(db.db, editor);

      expect(await caller.experiment.delete({ projectId, id })).toEqual({ id });
      expect(await experimentRows(id)).toHaveLength(0);
      expect(await db.db.select().from(runs).where(eq(runs.experimentId, id))).toHaveLength(0);
      expect(await db.db.select().from(captureSessions).where(eq(captureSessions.runId, runIds[1]!))).toHaveLength(0);
      expect(await auditRowsForAction(db.db, "experiment.deleted", id)).toMatchObject([{ requestId, after: null, before: { id, name: "Done" } }]);
      expect(await auditRowsForAction(db.db, "experiment.created", id)).toHaveLength(1);
    });

    it("sees a run that is being started while it deletes, and refuses", async () => {
      const { id, runIds } = await withRuns("Starting", ["draft"]);
      let deletion: Promise<unknown> = Promise.resolve();
      // The run start is uncommitted while the delete looks: the delete must wait for it, not count it as a draft.
      await db.sql.begin(async (tx) => {
        await tx`update runs set status = 'running' where id = ${runIds[0]!}`;
        deletion = callerFor(db.db, editor).experiment.delete({ projectId, id });
        await waitForLockWaiters(db.sql, 1);
      });

      expect((await trpcErrorOf(deletion)).code).toBe("CONFLICT");
      expect(await experimentRows(id)).toHaveLength(1);
    });

    it("gives a viewer FORBIDDEN", async () => {
      const { id } = await withRuns("Viewer cannot delete", []);
      expect((await trpcErrorOf(callerFor(db.db, viewer).experiment.delete({ projectId, id }))).code).toBe("FORBIDDEN");
      expect(await experimentRows(id)).toHaveLength(1);
    });
  });
});
