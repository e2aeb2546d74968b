// Projects: create, edit, delete. Each write commits with its audit event.
import type { CreateProjectInput, DeleteProjectInput, LocateInput, UpdateProjectInput } from "../../contracts/project";
import { findProjectIdOf } from "../../db/queries/locate";
import * as q from "../../db/queries/projects";
import { updateUser } from "../../db/queries/users";
import { DomainError } from "../../domain/errors";
import { assertProjectNameConfirmed } from "../../domain/membership";
import { recordAudit } from "../audit";
import type { ProjectContext, UserContext } from "./context";

export function list(ctx: UserContext) {
  return q.listProjectsForUser(ctx.db, ctx.user.id);
}

export async function byId(ctx: ProjectContext) {
  const project = await q.findProject(ctx.db, ctx.project.id);
  return { ...project!, role: ctx.role, memberCount: await q.countMembers(ctx.db, ctx.project.id) };
}

export async function create(ctx: UserContext, input: CreateProjectInput) {
  return ctx.db.transaction(async (tx) => {
    const project = await q.insertProject(tx, { ...input, createdBy: ctx.user.id });
    await q.insertMember(tx, { projectId: project.id, userId: ctx.user.id, role: "owner" });
    await updateUser(tx, ctx.user.id, { activeProjectId: project.id });
    await recordAudit(tx, ctx, { action: "project.created", entityType: "project", entityId: project.id, projectId: project.id, after: project });
    return project;
  });
}

export async function update(ctx: ProjectContext, input: UpdateProjectInput) {
  return ctx.db.transaction(async (tx) => {
    const before = await q.findProject(tx, ctx.project.id);
    const after = await q.updateProject(tx, ctx.project.id, { name: input.name, description: input.description });
    await recordAudit(tx, ctx, { action: "project.updated", entityType: "project", entityId: ctx.project.id, before, after });
    return after!;
  });
}

export async function remove(ctx: ProjectContext, input: DeleteProjectInput) {
  assertProjectNameConfirmed(ctx.project.name, input.confirmName);
  return ctx.db.transaction(async (tx) => {
    const before = await q.findProject(tx, ctx.project.id);
    await q.deleteProject(tx, ctx.project.id);
    await recordAudit(tx, ctx, { action: "project.deleted", entityType: "project", entityId: ctx.project.id, before });
    return { id: ctx.project.id };
  });
}

/** Which project holds this experiment, run or session — for links that carry only the entity id. */
export async function locate(ctx: UserContext, input: LocateInput) {
  const projectId = await findProjectIdOf(ctx.db, input.kind, input.id);
  const membership = projectId ? await q.findMembership(ctx.db, { projectId, userId: ctx.user.id }) : undefined;
  if (!membership) throw new DomainError("NOT_FOUND", `That ${input.kind === "captureSession" ? "capture session" : input.kind} does not exist or is in a project you are not in.`);
  return { projectId: membership.id, projectName: membership.name, role: membership.role };
}
