// project router: create/list/byId/update/delete through the real procedure ladder, checked against what the database holds.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { projectMembers, projects, users } from "../../../db/schema";
import { useTestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import { auditRowsForAction, callerWithRequestId, clientErrorShape, trpcErrorOf } from "../../../test/helpers";
import type { SessionUser } from "../../auth/session-user";

describe("project router", () => {
  const db = useTestDatabase();
  let owner: SessionUser;
  let editor: SessionUser;
  let viewer: SessionUser;
  let outsider: SessionUser;

  beforeAll(async () => {
    owner = await makeUser(db.db);
    editor = await makeUser(db.db);
    viewer = await makeUser(db.db);
    outsider = await makeUser(db.db);
  });

  async function sharedProject(name = `Shared ${randomUUID().slice(0, 8)}`, description = "") {
    const { caller } = callerWithRequestId(db.db, owner);
    const project = await caller.project.create({ name, description });
    await db.db.insert(projectMembers).values([
      { projectId: project.id, userId: editor.id, role: "editor" },
      { projectId: project.id, userId: viewer.id, role: "viewer" },
    ]);
    return project;
  }

  describe("create", () => {
    it("makes the creator its owner and active project, and audits with the request id", async () => {
      const creator = await makeUser(db.db);
      const { caller, requestId } = callerWithRequestId(db.db, creator);

      const project = await caller.project.create({ name: "  Thermal drift  ", description: "Bench 4" });

      expect(project).toMatchObject({ name: "Thermal drift", description: "Bench 4", createdBy: creator.id });
      const members = await db.db.select().from(projectMembers).where(eq(projectMembers.projectId, project.id));
      expect(members.map((m) => ({ userId: m.userId, role: m.role }))).toEqual([{ userId: creator.id, role: "owner" }]);
      const [userRow] = await db.db.select().from(users).where(eq(users.id, creator.id));
      expect(userRow?.activeProjectId).toBe(project.id);

      const audit = await auditRowsForAction(db.db, "project.created", project.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        projectId: project.id,
        actorId: creator.id,
        actorEmail: creator.email,
        entityType: "project",
        requestId,
        before: null,
      });
      expect(audit[0]?.after).toMatchObject({ id: project.id, name: "Thermal drift", description: "Bench 4" });
    });

    it("rejects an empty name with a field error the client can show", async () => {
      const before = await db.db.select().from(projects);
      const error = await trpcErrorOf(callerFor(db.db, owner).project.create({ name: "   " }));

      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toBeInstanceOf(ZodError);
      const shape = clientErrorShape(error, "project.create");
      expect(shape.data.fieldErrors).toEqual({ name: ["Enter a project name"] });
      expect(await db.db.select().from(projects)).toHaveLength(before.length);
    });

    it("rejects a name over 120 characters", async () => {
      const error = await trpcErrorOf(callerFor(db.db, owner).project.create({ name: "x".repeat(121) }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(clientErrorShape(error, "project.create").data.fieldErrors).toEqual({ name: ["Use at most 120 characters"] });
    });

    it("needs a session", async () => {
      expect((await trpcErrorOf(callerFor(db.db, null).project.create({ name: "Nope" }))).code).toBe("UNAUTHORIZED");
    });
  });

  describe("list and byId", () => {
    it("lists only the caller's projects, with the caller's role", async () => {
      const lister = await makeUser(db.db);
      const mine = await makeProject(db.db, lister);
      const invited = await makeProject(db.db, outsider, [{ user: lister, role: "viewer" }]);
      const foreign = await makeProject(db.db, outsider);

      const list = await callerFor(db.db, lister).project.list();

      expect(list.map((p) => [p.id, p.role]).sort()).toEqual(
        [
          [mine.id, "owner"],
          [invited.id, "viewer"],
        ].sort(),
      );
      expect(list.map((p) => p.id)).not.toContain(foreign.id);
    });

    it("gives a member the project with their role and the member count", async () => {
      const project = await sharedProject("Visible", "for members");

      const seen = await callerFor(db.db, viewer).project.byId({ projectId: project.id });

      expect(seen).toMatchObject({ id: project.id, name: "Visible", description: "for members", role: "viewer", memberCount: 3 });
    });

    it("gives a non-member NOT_FOUND", async () => {
      const project = await sharedProject();
      expect((await trpcErrorOf(callerFor(db.db, outsider).project.byId({ projectId: project.id }))).code).toBe("NOT_FOUND");
    });
  });

  describe("update", () => {
    it("lets an editor rename, and audits before and after", async () => {
      const project = await sharedProject("Old name", "Keep me");
      const { caller, requestId } = callerWithRequestId(db.db, editor);

      const updated = await caller.project.update({ projectId: project.id, name: "New name", description: "Changed" });

      expect(updated).toMatchObject({ id: project.id, name: "New name", description: "Changed" });
      const [row] = await db.db.select().from(projects).where(eq(projects.id, project.id));
      expect(row).toMatchObject({ name: "New name", description: "Changed" });
      const audit = await auditRowsForAction(db.db, "project.updated", project.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ projectId: project.id, actorId: editor.id, requestId });
      expect(audit[0]?.before).toMatchObject({ name: "Old name", description: "Keep me" });
      expect(audit[0]?.after).toMatchObject({ name: "New name", description: "Changed" });
    });

    // Known bug: zod 4 applies createProjectInput's `.default("")` inside `.partial()`, so an update that omits the
    // description wipes it. Fix contracts/project.ts (see the report), then turn this into a plain `it`.
    it("keeps the description when only the name is sent", async () => {
      const project = await sharedProject("Partial", "Precious notes");

      await callerFor(db.db, editor).project.update({ projectId: project.id, name: "Partial 2" });

      const [row] = await db.db.select().from(projects).where(eq(projects.id, project.id));
      expect(row).toMatchObject({ name: "Partial 2", description: "Precious notes" });
    });

    it("gives a viewer FORBIDDEN and changes nothing", async () => {
      const project = await sharedProject("Viewer cannot");
      const error = await trpcErrorOf(callerFor(db.db, viewer).project.update({ projectId: project.id, name: "Hacked" }));

      expect(error.code).toBe("FORBIDDEN");
      const [row] = await db.db.select().from(projects).where(eq(projects.id, project.id));
      expect(row?.name).toBe("Viewer cannot");
      expect(await auditRowsForAction(db.db, "project.updated", project.id)).toHaveLength(0);
    });

    it("gives a non-member NOT_FOUND, the same as a project that does not exist", async () => {
      const project = await sharedProject("Hidden");
      const notMember = await trpcErrorOf(callerFor(db.db, outsider).project.update({ projectId: project.id, name: "x" }));
      const missing = await trpcErrorOf(callerFor(db.db, outsider).project.update({ projectId: randomUUID(), name: "x" }));

      expect(notMember.code).toBe("NOT_FOUND");
      expect(missing.code).toBe("NOT_FOUND");
      expect(notMember.message).toBe(missing.message);
      const [row] = await db.db.select().from(projects).where(eq(projects.id, project.id));
      expect(row?.name).toBe("Hidden");
    });
  });

  describe("delete", () => {
    it("gives an editor FORBIDDEN", async () => {
      const project = await sharedProject("Editor cannot delete");
      const error = await trpcErrorOf(
        callerFor(db.db, editor).project.delete({ projectId: project.id, confirmName: "Editor cannot delete" }),
      );

      expect(error.code).toBe("FORBIDDEN");
      expect(await db.db.select().from(projects).where(eq(projects.id, project.id))).toHaveLength(1);
    });

    it("refuses a wrong confirmation name and leaves everything in place", async () => {
      const project = await sharedProject("Exact Name");
      const error = await trpcErrorOf(callerFor(db.db, owner).project.delete({ projectId: project.id, confirmName: "exact name" }));

      expect(error.code).toBe("BAD_REQUEST");
      expect(clientErrorShape(error, "project.delete").data.fieldErrors).toEqual({
        confirmName: ["Type “Exact Name” exactly to confirm"],
      });
      expect(await db.db.select().from(projects).where(eq(projects.id, project.id))).toHaveLength(1);
      expect(await db.db.select().from(projectMembers).where(eq(projectMembers.projectId, project.id))).toHaveLength(3);
      expect(await auditRowsForAction(db.db, "project.deleted", project.id)).toHaveLength(0);
    });

    it("deletes with the exact name, removes the memberships, and keeps the audit trail", async () => {
      const project = await sharedProject("Doomed", "bye");
      const { caller, requestId } = callerWithRequestId(db.db, owner);

      expect(await caller.project.delete({ projectId: project.id, confirmName: "Doomed" })).toEqual({ id: project.id });

      expect(await db.db.select().from(projects).where(eq(projects.id, project.id))).toHaveLength(0);
      expect(await db.db.select().from(projectMembers).where(eq(projectMembers.projectId, project.id))).toHaveLength(0);
      const audit = await auditRowsForAction(db.db, "project.deleted", project.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ projectId: project.id, actorId: owner.id, requestId, after: null });
      expect(audit[0]?.before).toMatchObject({ id: project.id, name: "Doomed", description: "bye" });
      // The creation event outlives the project too.
      expect(await auditRowsForAction(db.db, "project.created", project.id)).toHaveLength(1);
      expect((await trpcErrorOf(caller.project.byId({ projectId: project.id }))).code).toBe("NOT_FOUND");
    });
  });
});
