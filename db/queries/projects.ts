import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Role } from "../../domain/access";
import type { Queryable } from "../client";
import { projectMembers, projects, users } from "../schema";

export type ProjectRow = typeof projects.$inferSelect;

export async function findMembership(db: Queryable, { projectId, userId }: { projectId: string; userId: string }) {
  const [row] = await db
    .select({ id: projects.id, name: projects.name, role: projectMembers.role })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
    .limit(1);
  return row;
}

/**
 * The user of a session and their membership in one project, in one round trip: the first query of every
 * project-scoped call. Undefined when the user does not exist; `membership` is undefined when they are not a member.
 */
export async function findSessionMembership(db: Queryable, { userId, projectId }: { userId: string; projectId: string }) {
  const rows = await db.execute<{
    id: string; email: string; name: string; active_project_id: string | null; session_version: number;
    project_id: string | null; project_name: string | null; role: Role | null;
  }>(sql`
    select u.id, u.email, u.name, u.active_project_id, u.session_version, p.id as project_id, p.name as project_name, m.role
    from users u
    left join project_members m on m.user_id = u.id and m.project_id = ${projectId}::uuid
    left join projects p on p.id = m.project_id
    where u.id = ${userId}::uuid`);
  const row = rows[0];
  if (!row) return undefined;
  return {
    user: { id: row.id, email: row.email, name: row.name, activeProjectId: row.active_project_id, sessionVersion: row.session_version },
    membership: row.project_id && row.project_name !== null && row.role ? { id: row.project_id, name: row.project_name, role: row.role } : undefined,
  };
}

export async function listProjectsForUser(db: Queryable, userId: string) {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      description: projects.description,
      role: projectMembers.role,
      createdAt: projects.createdAt,
      updatedAt: projects.updatedAt,
    })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(eq(projectMembers.userId, userId))
    .orderBy(asc(sql`lower(${projects.name})`), asc(projects.id));
}

export async function findProject(db: Queryable, id: string): Promise<ProjectRow | undefined> {
  const [row] = await db.select().from(projects).where(eq(projects.id, id)).limit(1);
  return row;
}

export async function insertProject(db: Queryable, values: { name: string; description: string; createdBy: string }) {
  const [row] = await db.insert(projects).values(values).returning();
  return row!;
}

export async function updateProject(db: Queryable, id: string, values: Partial<Pick<ProjectRow, "name" | "description">>) {
  const [row] = await db.update(projects).set({ ...values, updatedAt: new Date() }).where(eq(projects.id, id)).returning();
  return row;
}

export async function deleteProject(db: Queryable, id: string): Promise<void> {
  await db.delete(projects).where(eq(projects.id, id));
}

export async function listMembers(db: Queryable, projectId: string) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: projectMembers.role, addedAt: projectMembers.createdAt })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, projectId))
    .orderBy(asc(sql`lower(${users.email})`));
}

export async function insertMember(db: Queryable, values: { projectId: string; userId: string; role: Role }) {
  const [row] = await db.insert(projectMembers).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateMemberRole(db: Queryable, { projectId, userId, role }: { projectId: string; userId: string; role: Role }) {
  const [row] = await db
    .update(projectMembers)
    .set({ role })
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
    .returning();
  return row;
}

export async function deleteMember(db: Queryable, { projectId, userId }: { projectId: string; userId: string }): Promise<void> {
  await db.delete(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
}

/** Locks the project's owner rows so two concurrent demotions cannot both pass the last-owner check. */
export async function lockOwners(db: Queryable, projectId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, "owner")))
    .orderBy(asc(projectMembers.userId))
    .for("update");
  return rows.map((r) => r.userId);
}

export async function countMembers(db: Queryable, projectId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(projectMembers).where(eq(projectMembers.projectId, projectId));
  return row?.n ?? 0;
}

export async function findMember(db: Queryable, { projectId, userId }: { projectId: string; userId: string }) {
  const [row] = await db
    .select({ userId: users.id, email: users.email, name: users.name, role: projectMembers.role })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
    .limit(1);
  return row;
}
