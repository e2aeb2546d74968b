// The signed-in user: who am I, and which project is active.
import type { SetActiveProjectInput } from "../../contracts/user";
import { findMembership, listProjectsForUser } from "../../db/queries/projects";
import { updateUser } from "../../db/queries/users";
import { DomainError } from "../../domain/errors";
import { recordAudit } from "../audit";
import type { UserContext } from "./context";

/** The active project falls back to the first one the user belongs to, so a removed membership never strands the UI. */
export async function me(ctx: UserContext) {
  const projects = await listProjectsForUser(ctx.db, ctx.user.id);
  const active = projects.find((p) => p.id === ctx.user.activeProjectId) ?? projects[0] ?? null;
  return { ...ctx.user, activeProjectId: active?.id ?? null, activeProject: active, projects };
}

export async function setActiveProject(ctx: UserContext, input: SetActiveProjectInput) {
  const membership = await findMembership(ctx.db, { projectId: input.projectId, userId: ctx.user.id });
  if (!membership) throw new DomainError("NOT_FOUND", "Project not found.");
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, ctx.user.id, { activeProjectId: input.projectId });
    await recordAudit(tx, ctx, {
      action: "user.active_project_set", entityType: "user", entityId: ctx.user.id, projectId: null,
      before: { activeProjectId: ctx.user.activeProjectId }, after: { activeProjectId: input.projectId },
    });
  });
  return { activeProjectId: input.projectId };
}
