// Users, projects and callers for integration tests.
import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { insertMember, insertProject } from "../db/queries/projects";
import { insertUser } from "../db/queries/users";
import type { Role } from "../domain/access";
import type { SessionUser } from "../server/auth/session-user";
import { appRouter } from "../server/trpc/app-router";
import { createCallerFactory } from "../server/trpc/init";

const createCaller = createCallerFactory(appRouter);

export async function makeUser(db: Db, overrides: { email?: string; name?: string; passwordHash?: string | null } = {}): Promise<SessionUser> {
  const suffix = randomBytes(4).toString("hex");
  const row = await insertUser(db, {
    email: overrides.email ?? `user-${suffix}@example.test`,
    name: overrides.name ?? `User ${suffix}`,
    passwordHash: overrides.passwordHash ?? null,
  });
  if (!row) throw new Error("makeUser: email taken");
  return { id: row.id, email: row.email, name: row.name, activeProjectId: null };
}

export async function makeProject(db: Db, owner: SessionUser, members: { user: SessionUser; role: Role }[] = []) {
  const project = await insertProject(db, { name: `Project ${randomBytes(3).toString("hex")}`, description: "", createdBy: owner.id });
  await insertMember(db, { projectId: project.id, userId: owner.id, role: "owner" });
  for (const m of members) await insertMember(db, { projectId: project.id, userId: m.user.id, role: m.role });
  return project;
}

export function callerFor(db: Db, user: SessionUser | null) {
  return createCaller({ db, user, requestId: `test-${randomBytes(6).toString("hex")}`, clientIp: `test-${randomBytes(4).toString("hex")}` });
}
