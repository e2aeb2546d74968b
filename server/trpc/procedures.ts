// The procedure ladder: public → authed (session) → project(scope) (membership + role → scope from domain/access).
import { projectScopedInput } from "../../contracts/common";
import { findMembership } from "../../db/queries/projects";
import { can, type Scope } from "../../domain/access";
import { DomainError } from "../../domain/errors";
import { baseProcedure } from "./init";

export const publicProcedure = baseProcedure.meta({ access: "public" });

export const authedProcedure = baseProcedure.meta({ access: "user" }).use(({ ctx, next }) => {
  if (!ctx.user) throw new DomainError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export function projectProcedure(scope: Scope) {
  return authedProcedure
    .meta({ scope })
    .input(projectScopedInput)
    .use(async ({ ctx, input, next }) => {
      const membership = await findMembership(ctx.db, { projectId: input.projectId, userId: ctx.user.id });
      // A project you are not in and a project that does not exist must look the same.
      if (!membership) throw new DomainError("NOT_FOUND", "Project not found.");
      if (!can(membership.role, scope)) {
        throw new DomainError("FORBIDDEN", `Your role (${membership.role}) does not allow this. Ask a project owner.`);
      }
      return next({ ctx: { ...ctx, project: { id: membership.id, name: membership.name }, role: membership.role } });
    });
}
