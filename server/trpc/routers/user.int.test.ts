// auth.signUp and the user router: accounts, the active project, profile and password changes, and session revocation.
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, users } from "../../../db/schema";
import { findUserById } from "../../../db/queries/users";
import { useTestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import { auditRowsForAction, auditRowsWhere, clientErrorShape, sessionUserOf, trpcErrorOf } from "../../../test/helpers";
import { verifyPassword } from "../../auth/password";
import { resolveSessionUser, type SessionUser } from "../../auth/session-user";

const PASSWORD = "correct horse 42";

describe("auth.signUp and the user router", () => {
  const db = useTestDatabase();
  const publicCaller = () => callerFor(db.db, null);
  const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.test`;

  async function usersWithEmail(email: string) {
    return db.db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  }

  async function signedUp(label: string): Promise<SessionUser> {
    const created = await publicCaller().auth.signUp({ name: `${label} person`, email: uniqueEmail(label), password: PASSWORD });
    return sessionUserOf(created);
  }

  async function sessionVersionOf(userId: string): Promise<number | undefined> {
    return (await findUserById(db.db, userId))?.sessionVersion;
  }

  describe("auth.signUp", () => {
    it("stores an argon2id hash and the email in lower case, and audits the sign-up", async () => {
      const email = uniqueEmail("Mixed.Case").replace("example", "EXAMPLE");

      const created = await publicCaller().auth.signUp({ name: "  Ada  ", email, password: PASSWORD });

      expect(created).toEqual({ id: expect.any(String), email: email.toLowerCase(), name: "Ada", activeProjectId: null });
      const [row] = await db.db.select().from(users).where(eq(users.id, created.id));
      expect(row?.email).toBe(email.toLowerCase());
      expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(row?.passwordHash).not.toContain(PASSWORD);
      expect(await verifyPassword(row?.passwordHash ?? "", PASSWORD)).toBe(true);
      expect(row?.sessionVersion).toBe(1);
      const audit = await auditRowsForAction(db.db, "user.signed_up", created.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: created.id, projectId: null, entityType: "user" });
      expect(JSON.stringify(audit[0]?.after)).not.toContain("argon2");
    });

    it("refuses an email that exists in another case, with a field error, keeping one row", async () => {
      const email = uniqueEmail("dup");
      await publicCaller().auth.signUp({ name: "First", email, password: PASSWORD });

      const error = await trpcErrorOf(publicCaller().auth.signUp({ name: "Second", email: email.toUpperCase(), password: PASSWORD }));

      expect(error.code).toBe("CONFLICT");
      expect(clientErrorShape(error, "auth.signUp").data.fieldErrors).toEqual({ email: ["An account with this email already exists"] });
      const rows = await usersWithEmail(email);
      expect(rows.map((r) => r.name)).toEqual(["First"]);
    });

    it.each([
      ["too short", "abc123", "Use at least 10 characters"],
      ["letters only", "onlylettershere", "Mix letters and digits"],
      ["digits only", "12345678901", "Mix letters and digits"],
    ])("refuses a weak password (%s)", async (_label, password, message) => {
      const email = uniqueEmail("weak");
      const error = await trpcErrorOf(publicCaller().auth.signUp({ name: "Weak", email, password }));

      expect(error.code).toBe("BAD_REQUEST");
      expect(clientErrorShape(error, "auth.signUp").data.fieldErrors).toEqual({ password: [message] });
      expect(await usersWithEmail(email)).toHaveLength(0);
    });

    it("refuses an invalid email", async () => {
      const error = await trpcErrorOf(publicCaller().auth.signUp({ name: "Bad", email: "bad@", password: PASSWORD }));

      expect(error.code).toBe("BAD_REQUEST");
      expect(clientErrorShape(error, "auth.signUp").data.fieldErrors).toEqual({ email: ["Enter a valid email address"] });
    });

    it("creates one user when the same email signs up three times at once", async () => {
      const email = uniqueEmail("race");

      const results = await Promise.allSettled([
        publicCaller().auth.signUp({ name: "One", email, password: PASSWORD }),
        publicCaller().auth.signUp({ name: "Two", email: email.toUpperCase(), password: PASSWORD }),
        publicCaller().auth.signUp({ name: "Three", email, password: PASSWORD }),
      ]);

      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const codes = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: unknown }).code] : []));
      expect(codes).toEqual(["CONFLICT", "CONFLICT"]);
      const rows = await usersWithEmail(email);
      expect(rows).toHaveLength(1);
      expect(await auditRowsForAction(db.db, "user.signed_up", rows[0]?.id)).toHaveLength(1);
    });
  });

  describe("user.me and user.setActiveProject", () => {
    let member: SessionUser;
    let other: SessionUser;
    let alpha: { id: string };
    let beta: { id: string };
    let foreign: { id: string };

    beforeAll(async () => {
      member = await makeUser(db.db);
      other = await makeUser(db.db);
      beta = await callerFor(db.db, member).project.create({ name: "beta bench" });
      alpha = await callerFor(db.db, other).project.create({ name: "Alpha rig" });
      await callerFor(db.db, other).member.add({ projectId: alpha.id, email: member.email, role: "viewer" });
      foreign = await makeProject(db.db, other);
    });

    it("returns the user's projects and their active project", async () => {
      const me = await callerFor(db.db, { ...member, activeProjectId: beta.id }).user.me();

      expect(me.id).toBe(member.id);
      expect(me.projects.map((p) => [p.name, p.role])).toEqual([
        ["Alpha rig", "viewer"],
        ["beta bench", "owner"],
      ]);
      expect(me.activeProjectId).toBe(beta.id);
      expect(me.activeProject?.id).toBe(beta.id);
    });

    it("falls back to the first project when the active one is not theirs", async () => {
      const me = await callerFor(db.db, { ...member, activeProjectId: foreign.id }).user.me();

      expect(me.activeProjectId).toBe(alpha.id);
      expect(me.activeProject?.name).toBe("Alpha rig");
      expect(me.projects.map((p) => p.id)).not.toContain(foreign.id);
    });

    it("has no active project for a user without projects", async () => {
      const loner = await makeUser(db.db);
      const me = await callerFor(db.db, loner).user.me();
      expect(me).toMatchObject({ id: loner.id, activeProjectId: null, activeProject: null, projects: [] });
    });

    it("sets the active project to one of the user's projects, with an audit row", async () => {
      expect(await callerFor(db.db, member).user.setActiveProject({ projectId: alpha.id })).toEqual({ activeProjectId: alpha.id });

      expect((await findUserById(db.db, member.id))?.activeProjectId).toBe(alpha.id);
      const audit = await auditRowsWhere(db.db, eq(auditEvents.action, "user.active_project_set"), eq(auditEvents.entityId, member.id));
      expect(audit.at(-1)?.after).toEqual({ activeProjectId: alpha.id });
    });

    it("gives NOT_FOUND for a project the user is not in and leaves the active project alone", async () => {
      const before = (await findUserById(db.db, member.id))?.activeProjectId;

      const error = await trpcErrorOf(callerFor(db.db, member).user.setActiveProject({ projectId: foreign.id }));

      expect(error.code).toBe("NOT_FOUND");
      expect((await findUserById(db.db, member.id))?.activeProjectId).toBe(before);
    });
  });

  describe("user.updateProfile", () => {
    it("updates name and email, and audits before and after", async () => {
      const user = await signedUp("profile");
      const email = uniqueEmail("renamed");

      const after = await callerFor(db.db, user).user.updateProfile({ name: "Renamed", email: email.toUpperCase() });

      expect(after).toMatchObject({ id: user.id, name: "Renamed", email });
      const audit = await auditRowsForAction(db.db, "user.profile_updated", user.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]?.before).toMatchObject({ email: user.email });
      expect(audit[0]?.after).toMatchObject({ email, name: "Renamed" });
    });

    it("gives CONFLICT for an email another user has, and changes nothing", async () => {
      const user = await signedUp("mine");
      const taken = await signedUp("theirs");

      const error = await trpcErrorOf(callerFor(db.db, user).user.updateProfile({ name: "x", email: taken.email.toUpperCase() }));

      expect(error.code).toBe("CONFLICT");
      expect(clientErrorShape(error, "user.updateProfile").data.fieldErrors).toEqual({ email: ["That email belongs to another account"] });
      expect(await findUserById(db.db, user.id)).toMatchObject({ email: user.email, name: user.name });
      expect(await auditRowsForAction(db.db, "user.profile_updated", user.id)).toHaveLength(0);
    });
  });

  describe("user.changePassword and session versions", () => {
    it("refuses a wrong current password without touching the session version or hash", async () => {
      const user = await signedUp("wrongpw");
      const before = await findUserById(db.db, user.id);

      const error = await trpcErrorOf(
        callerFor(db.db, user).user.changePassword({ currentPassword: "not my password 1", newPassword: "brand new pass 7" }),
      );

      expect(error.code).toBe("BAD_REQUEST");
      expect(clientErrorShape(error, "user.changePassword").data.fieldErrors).toEqual({
        currentPassword: ["The current password is not correct"],
      });
      const after = await findUserById(db.db, user.id);
      expect(after?.sessionVersion).toBe(before?.sessionVersion);
      expect(after?.passwordHash).toBe(before?.passwordHash);
      expect(await auditRowsForAction(db.db, "user.password_changed", user.id)).toHaveLength(0);
    });

    it("refuses a user without a password (OIDC-only)", async () => {
      const oidcOnly = await makeUser(db.db);
      const error = await trpcErrorOf(
        callerFor(db.db, oidcOnly).user.changePassword({ currentPassword: "anything", newPassword: "brand new pass 7" }),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(await sessionVersionOf(oidcOnly.id)).toBe(1);
    });

    it("changes the password, bumps the session version and revokes the old session", async () => {
      const user = await signedUp("rightpw");
      const oldVersion = await sessionVersionOf(user.id);
      expect(await resolveSessionUser(db.db, { uid: user.id, sv: oldVersion })).toEqual(user);

      const result = await callerFor(db.db, user).user.changePassword({ currentPassword: PASSWORD, newPassword: "brand new pass 7" });

      expect(result).toEqual({ signedOut: true });
      const row = await findUserById(db.db, user.id);
      expect(row?.sessionVersion).toBe((oldVersion ?? 0) + 1);
      expect(await verifyPassword(row?.passwordHash ?? "", "brand new pass 7")).toBe(true);
      expect(await verifyPassword(row?.passwordHash ?? "", PASSWORD)).toBe(false);
      expect(await resolveSessionUser(db.db, { uid: user.id, sv: oldVersion })).toBeNull();
      expect(await resolveSessionUser(db.db, { uid: user.id, sv: row?.sessionVersion })).toEqual(user);
      expect(await auditRowsForAction(db.db, "user.password_changed", user.id)).toHaveLength(1);
    });

    it("rejects an invalid new password with BAD_REQUEST and keeps the old one", async () => {
      const user = await signedUp("weaknew");
      const error = await trpcErrorOf(callerFor(db.db, user).user.changePassword({ currentPassword: PASSWORD, newPassword: "short1" }));

      expect(error.code).toBe("BAD_REQUEST");
      expect(await sessionVersionOf(user.id)).toBe(1);
    });
  });

  describe("resolveSessionUser with garbage claims", () => {
    let user: SessionUser;
    beforeAll(async () => {
      user = await makeUser(db.db);
    });

    it.each([
      ["null claims", () => null],
      ["a non-uuid uid", () => ({ uid: "not-a-uuid", sv: 1 })],
      ["a missing sv", () => ({ uid: user.id })],
      ["a string sv", () => ({ uid: user.id, sv: "1" })],
      ["a numeric uid", () => ({ uid: 42, sv: 1 })],
      ["an unknown uid", () => ({ uid: "00000000-0000-4000-8000-000000000000", sv: 1 })],
      ["a future sv", () => ({ uid: user.id, sv: 2 })],
    ])("gives null for %s", async (_label, claims) => {
      expect(await resolveSessionUser(db.db, claims())).toBeNull();
    });

    it("gives the user for the right claims", async () => {
      expect(await resolveSessionUser(db.db, { uid: user.id, sv: 1 })).toEqual(user);
    });
  });
});
