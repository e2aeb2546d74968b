// member router: add / changeRole / remove, the last-owner invariant (also under real concurrency), and their audit rows.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Role } from "../../../domain/access";
import { auditEvents, projectMembers } from "../../../db/schema";
import { useTestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import { auditRowsWhere, callerWithRequestId, clientErrorShape, raceThroughMemberLock, trpcErrorOf } from "../../../test/helpers";
import type { SessionUser } from "../../auth/session-user";

describe("member router", () => {
  const db = useTestDatabase();
  let owner: SessionUser;
  let editor: SessionUser;
  let viewer: SessionUser;
  let projectId: string;

  // A fresh project per test keeps the owner counts of one test from leaking into the next.
  beforeEach(async () => {
    owner = await makeUser(db.db);
    editor = await makeUser(db.db);
    viewer = await makeUser(db.db);
    projectId = (await makeProject(db.db, owner, [
      { user: editor, role: "editor" },
      { user: viewer, role: "viewer" },
    ])).id;
  });

  async function roleOf(userId: string): Promise<Role | undefined> {
    const [row] = await db.db
      .select({ role: projectMembers.role })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
    return row?.role;
  }

  async function ownerIds(): Promise<string[]> {
    const rows = await db.db
      .select({ userId: projectMembers.userId })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, "owner")));
    return rows.map((r) => r.userId);
  }

  const memberAudit = () => auditRowsWhere(db.db, eq(auditEvents.projectId, projectId), eq(auditEvents.entityType, "member"));

  describe("add", () => {
    it("adds a user by email, ignoring case, as a viewer by default, with one audit row", async () => {
      const newcomer = await makeUser(db.db, { email: "Dana.Lab@Example.test" });
      const { caller, requestId } = callerWithRequestId(db.db, owner);

      const added = await caller.member.add({ projectId, email: "  dana.lab@EXAMPLE.TEST " });

      expect(added).toEqual({ userId: newcomer.id, email: "Dana.Lab@Example.test", role: "viewer" });
      expect(await roleOf(newcomer.id)).toBe("viewer");
      const audit = await memberAudit();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: "member.added",
        entityId: newcomer.id,
        actorId: owner.id,
        requestId,
        before: null,
        after: { userId: newcomer.id, email: "Dana.Lab@Example.test", role: "viewer" },
      });
    });

    it("adds with an explicit role", async () => {
      const newcomer = await makeUser(db.db);
      await callerFor(db.db, owner).member.add({ projectId, email: newcomer.email, role: "editor" });
      expect(await roleOf(newcomer.id)).toBe("editor");
    });

    it("gives NOT_FOUND with a field error for an email nobody uses", async () => {
      const error = await trpcErrorOf(callerFor(db.db, owner).member.add({ projectId, email: "nobody@example.test" }));

      expect(error.code).toBe("NOT_FOUND");
      expect(clientErrorShape(error, "member.add").data.fieldErrors).toEqual({ email: ["No account uses this email"] });
      expect(await memberAudit()).toHaveLength(0);
    });

    it("gives CONFLICT for an existing member and writes no duplicate", async () => {
      const error = await trpcErrorOf(callerFor(db.db, owner).member.add({ projectId, email: viewer.email.toUpperCase(), role: "owner" }));

      expect(error.code).toBe("CONFLICT");
      const rows = await db.db
        .select()
        .from(projectMembers)
        .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, viewer.id)));
      expect(rows.map((r) => r.role)).toEqual(["viewer"]);
      expect(await memberAudit()).toHaveLength(0);
    });

    it("gives an editor FORBIDDEN", async () => {
      const newcomer = await makeUser(db.db);
      const error = await trpcErrorOf(callerFor(db.db, editor).member.add({ projectId, email: newcomer.email }));

      expect(error.code).toBe("FORBIDDEN");
      expect(await roleOf(newcomer.id)).toBeUndefined();
    });

    it("rejects a malformed email with BAD_REQUEST", async () => {
      const error = await trpcErrorOf(callerFor(db.db, owner).member.add({ projectId, email: "not-an-email" }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(clientErrorShape(error, "member.add").data.fieldErrors).toEqual({ email: ["Enter a valid email address"] });
    });
  });

  describe("list", () => {
    it("shows every member to a viewer", async () => {
      const members = await callerFor(db.db, viewer).member.list({ projectId });

      expect(members.map((m) => [m.userId, m.role]).sort()).toEqual(
        [
          [owner.id, "owner"],
          [editor.id, "editor"],
          [viewer.id, "viewer"],
        ].sort(),
      );
    });

    it("gives a non-member NOT_FOUND", async () => {
      const outsider = await makeUser(db.db);
      expect((await trpcErrorOf(callerFor(db.db, outsider).member.list({ projectId }))).code).toBe("NOT_FOUND");
    });
  });

  describe("changeRole", () => {
    it("changes a role and audits before and after", async () => {
      const { caller, requestId } = callerWithRequestId(db.db, owner);

      const after = await caller.member.changeRole({ projectId, userId: viewer.id, role: "editor" });

      expect(after).toMatchObject({ userId: viewer.id, role: "editor" });
      expect(await roleOf(viewer.id)).toBe("editor");
      const audit = await memberAudit();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: "member.role_changed",
        entityId: viewer.id,
        actorId: owner.id,
        requestId,
        before: { userId: viewer.id, email: viewer.email, role: "viewer" },
        after: { userId: viewer.id, email: viewer.email, role: "editor" },
      });
    });

    it("gives NOT_FOUND for a user who is not a member", async () => {
      const stranger = await makeUser(db.db);
      const error = await trpcErrorOf(callerFor(db.db, owner).member.changeRole({ projectId, userId: stranger.id, role: "editor" }));
      expect(error.code).toBe("NOT_FOUND");
      expect(await roleOf(stranger.id)).toBeUndefined();
    });

    it("will not demote the last owner", async () => {
      const error = await trpcErrorOf(callerFor(db.db, owner).member.changeRole({ projectId, userId: owner.id, role: "editor" }));

      expect(error.code).toBe("CONFLICT");
      expect(clientErrorShape(error, "member.changeRole").data.details).toEqual({ reason: "last_owner" });
      expect(await roleOf(owner.id)).toBe("owner");
      expect(await memberAudit()).toHaveLength(0);
    });

    it("demotes one of two owners", async () => {
      await callerFor(db.db, owner).member.changeRole({ projectId, userId: editor.id, role: "owner" });

      await callerFor(db.db, editor).member.changeRole({ projectId, userId: owner.id, role: "viewer" });

      expect(await ownerIds()).toEqual([editor.id]);
      expect(await roleOf(owner.id)).toBe("viewer");
      expect((await memberAudit()).map((r) => r.action)).toEqual(["member.role_changed", "member.role_changed"]);
    });

    it("lets exactly one of two owners demoting each other at the same moment win", async () => {
      const second = editor;
      await callerFor(db.db, owner).member.changeRole({ projectId, userId: second.id, role: "owner" });
      const auditBefore = (await memberAudit()).length;

      // Both calls pass the membership check, then queue on the owner rows; the gate releases them together.
      const results = await raceThroughMemberLock(db.sql, projectId, 2, () => [
        callerFor(db.db, owner).member.changeRole({ projectId, userId: second.id, role: "editor" }),
        callerFor(db.db, second).member.changeRole({ projectId, userId: owner.id, role: "editor" }),
      ]);

      const fulfilled = results.filter((r) => r.status === "fulfilled");
      const codes = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: unknown }).code] : []));
      expect(fulfilled).toHaveLength(1);
      expect(codes).toEqual(["CONFLICT"]);
      expect(await ownerIds()).toHaveLength(1);
      expect((await memberAudit()).length).toBe(auditBefore + 1);
    });

    it("gives an editor FORBIDDEN", async () => {
      const error = await trpcErrorOf(callerFor(db.db, editor).member.changeRole({ projectId, userId: viewer.id, role: "editor" }));
      expect(error.code).toBe("FORBIDDEN");
      expect(await roleOf(viewer.id)).toBe("viewer");
    });
  });

  describe("remove", () => {
    it("removes a member and audits what was removed", async () => {
      const { caller, requestId } = callerWithRequestId(db.db, owner);

      expect(await caller.member.remove({ projectId, userId: editor.id })).toEqual({ userId: editor.id });

      expect(await roleOf(editor.id)).toBeUndefined();
      const audit = await memberAudit();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: "member.removed",
        entityId: editor.id,
        requestId,
        before: { userId: editor.id, role: "editor" },
        after: null,
      });
      expect((await trpcErrorOf(callerFor(db.db, editor).project.byId({ projectId }))).code).toBe("NOT_FOUND");
    });

    it("will not remove the last owner", async () => {
      const error = await trpcErrorOf(callerFor(db.db, owner).member.remove({ projectId, userId: owner.id }));

      expect(error.code).toBe("CONFLICT");
      expect(await roleOf(owner.id)).toBe("owner");
      expect(await memberAudit()).toHaveLength(0);
    });

    it("gives a viewer FORBIDDEN", async () => {
      const error = await trpcErrorOf(callerFor(db.db, viewer).member.remove({ projectId, userId: editor.id }));
      expect(error.code).toBe("FORBIDDEN");
      expect(await roleOf(editor.id)).toBe("editor");
    });
  });
});
