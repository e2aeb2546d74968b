// Project members: add by email, change role, remove. The last owner is protected by domain/membership.
import type { AddMemberInput, ChangeMemberRoleInput, RemoveMemberInput } from "../../contracts/project";
import type { Queryable } from "../../db/client";
import * as q from "../../db/queries/projects";
import { findUserByEmail } from "../../db/queries/users";
import { DomainError } from "../../domain/errors";
import { assertOwnerRemains } from "../../domain/membership";
import { recordAudit } from "../audit";
import type { ProjectContext } from "./context";

export function list(ctx: ProjectContext) {
  return q.listMembers(ctx.db, ctx.project.id);
}

export async function add(ctx: ProjectContext, input: AddMemberInput) {
  return ctx.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, input.email);
    if (!user) {
      throw new DomainError("NOT_FOUND", "No account uses this email. Ask them to sign up first, then add them.", {
        fieldErrors: { email: ["No account uses this email"] },
      });
    }
    const member = await q.insertMember(tx, { projectId: ctx.project.id, userId: user.id, role: input.role });
    if (!member) {
      throw new DomainError("CONFLICT", `${user.email} is already a member. Change their role instead.`, {
        fieldErrors: { email: ["Already a member"] },
      });
    }
    const after = { userId: user.id, email: user.email, role: member.role };
    await recordAudit(tx, ctx, { action: "member.added", entityType: "member", entityId: user.id, after });
    return after;
  });
}

async function findMemberOrThrow(tx: Queryable, projectId: string, userId: string) {
  const member = await q.findMember(tx, { projectId, userId });
  if (!member) throw new DomainError("NOT_FOUND", "That user is not a member of this project.");
  return member;
}

export async function changeRole(ctx: ProjectContext, input: ChangeMemberRoleInput) {
  return ctx.db.transaction(async (tx) => {
    const owners = await q.lockOwners(tx, ctx.project.id);
    const before = await findMemberOrThrow(tx, ctx.project.id, input.userId);
    assertOwnerRemains({ owners, userId: input.userId, nextRole: input.role });
    const updated = await q.updateMemberRole(tx, { projectId: ctx.project.id, userId: input.userId, role: input.role });
    const after = { ...before, role: updated!.role };
    await recordAudit(tx, ctx, { action: "member.role_changed", entityType: "member", entityId: input.userId, before, after });
    return after;
  });
}

export async function remove(ctx: ProjectContext, input: RemoveMemberInput) {
  return ctx.db.transaction(async (tx) => {
    const owners = await q.lockOwners(tx, ctx.project.id);
    const before = await findMemberOrThrow(tx, ctx.project.id, input.userId);
    assertOwnerRemains({ owners, userId: input.userId, nextRole: null });
    await q.deleteMember(tx, { projectId: ctx.project.id, userId: input.userId });
    await recordAudit(tx, ctx, { action: "member.removed", entityType: "member", entityId: input.userId, before });
    return { userId: input.userId };
  });
}
