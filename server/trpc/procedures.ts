// The procedure ladder: public → authed (session) → project(scope) (membership + role → scope from domain/access).
// A cookie session is checked against the database in each call's first query; for project-scoped calls that query
// also reads the membership, so the session check costs no round trip of its own (docs/benchmarks.md).
import { projectScopedInput } from "../../contracts/common";
import { findMembership, findSessionMembership } from "../../db/queries/projects";
import { can, type Scope } from "../../domain/access";
import { DomainError } from "../../domain/errors";
import { currentSessionUser, resolveSessionUser, type SessionUser } from "../auth/session-user";
import type { TrpcContext } from "./context";
import { baseProcedure } from "./init";

export const publicProcedure = baseProcedure.meta({ access: "public" });

const sessionEnded = () => new DomainError("UNAUTHENTICATED", "Your session has ended. Sign in again.");

async function verifiedUser(ctx: TrpcContext): Promise<SessionUser> {
  if (ctx.user) return ctx.user;
  const user = ctx.sessionClaims ? await resolveSessionUser(ctx.db, ctx.sessionClaims) : null;
  if (!user) throw sessionEnded();
  return user;
}

export const authedProcedure = baseProcedure.meta({ access: "user" }).use(async ({ ctx, next }) => {
  return next({ ctx: { ...ctx, user: await verifiedUser(ctx) } });
});

type Membership = NonNullable<Awaited<ReturnType<typeof findMembership>>>;

async function userAndMembership(ctx: TrpcContext, projectId: string): Promise<{ user: SessionUser; membership?: Membership }> {
  if (ctx.user) return { user: ctx.user, membership: await findMembership(ctx.db, { projectId, userId: ctx.user.id }) };
  if (!ctx.sessionClaims) throw sessionEnded();
  const found = await findSessionMembership(ctx.db, { userId: ctx.sessionClaims.uid, projectId });
  const user = currentSessionUser(ctx.sessionClaims, found?.user);
  if (!user) throw sessionEnded();
  return { user, membership: found?.membership };
}

export function projectProcedure(scope: Scope) {
  return baseProcedure
    .meta({ access: "user", scope })
    .use(({ ctx, next }) => {
      // Signed out is a 401 before the input is looked at, as for every authed procedure.
      if (!ctx.user && !ctx.sessionClaims) throw sessionEnded();
      return next();
    })
    .input(projectScopedInput)
    .use(async ({ ctx, input, next }) => {
      const { user, membership } = await userAndMembership(ctx, input.projectId);
      // A project you are not in and a project that does not exist must look the same.
      if (!membership) throw new DomainError("NOT_FOUND", "Project not found.");
      if (!can(membership.role, scope)) {
        throw new DomainError("FORBIDDEN", `Your role (${membership.role}) does not allow this. Ask a project owner.`);
      }
      return next({ ctx: { ...ctx, user, project: { id: membership.id, name: membership.name }, role: membership.role } });
    });
}
