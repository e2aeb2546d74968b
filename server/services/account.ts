// Accounts: sign-up, credential checks, profile and password changes. Each write is one transaction with its audit event.
import type { SignInInput, SignUpInput } from "../../contracts/auth";
import type { ChangePasswordInput, UpdateProfileInput } from "../../contracts/user";
import type { Db } from "../../db/client";
import { bumpSessionVersion, findUserByEmail, findUserById, insertUser, updateUser, type UserRow } from "../../db/queries/users";
import { DomainError } from "../../domain/errors";
import { recordAudit } from "../audit";
import { checkRateLimit } from "../rate-limit";
import { burnVerifyTime, hashPassword, verifyPassword } from "../auth/password";
import type { UserContext } from "./context";

function publicUser(user: UserRow) {
  return { id: user.id, email: user.email, name: user.name, activeProjectId: user.activeProjectId };
}

export const SIGN_UP_LIMIT = {
  max: Number(process.env.SIGN_UP_MAX_PER_HOUR || 20),
  windowSeconds: 3600,
};

export async function signUp(db: Db, input: SignUpInput, { requestId, clientIp }: { requestId: string; clientIp?: string }) {
  if (clientIp) await checkRateLimit(db, `sign-up:${clientIp}`, SIGN_UP_LIMIT);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const user = await insertUser(tx, { email: input.email, name: input.name, passwordHash });
    if (!user) {
      throw new DomainError("CONFLICT", "An account with this email already exists. Sign in instead.", {
        fieldErrors: { email: ["An account with this email already exists"] },
      });
    }
    await recordAudit(tx, { actor: { id: user.id, email: user.email }, requestId }, {
      action: "user.signed_up", entityType: "user", entityId: user.id, after: publicUser(user),
    });
    return publicUser(user);
  });
}

/** The user for a correct email/password pair, or null. Never says which half was wrong. */
export async function verifyCredentials(db: Db, input: SignInInput): Promise<UserRow | null> {
  const user = await findUserByEmail(db, input.email);
  if (!user?.passwordHash) {
    await burnVerifyTime(input.password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, input.password)) ? user : null;
}

export async function updateProfile(ctx: UserContext, input: UpdateProfileInput) {
  return ctx.db.transaction(async (tx) => {
    const before = await findUserById(tx, ctx.user.id);
    if (!before) throw new DomainError("UNAUTHENTICATED", "Your account no longer exists.");
    const taken = await findUserByEmail(tx, input.email);
    if (taken && taken.id !== before.id) throw emailTaken();
    const after = await updateUser(tx, before.id, { name: input.name, email: input.email }).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    });
    await recordAudit(tx, ctx, {
      action: "user.profile_updated", entityType: "user", entityId: before.id,
      before: publicUser(before), after: after && publicUser(after),
    });
    return publicUser(after!);
  });
}

/** Changing the password signs out every session of the user, this one included. */
export async function changePassword(ctx: UserContext, input: ChangePasswordInput) {
  const user = await findUserById(ctx.db, ctx.user.id);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError("BAD_INPUT", "The current password is not correct.", {
      fieldErrors: { currentPassword: ["The current password is not correct"] },
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash });
    await bumpSessionVersion(tx, user.id);
    await recordAudit(tx, ctx, { action: "user.password_changed", entityType: "user", entityId: user.id });
  });
  return { signedOut: true as const };
}

export async function endAllSessions(db: Db, userId: string, requestId: string) {
  await db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) return;
    await bumpSessionVersion(tx, userId);
    await recordAudit(tx, { actor: { id: user.id, email: user.email }, requestId }, {
      action: "user.signed_out", entityType: "user", entityId: user.id,
    });
  });
}

function emailTaken(): DomainError {
  return new DomainError("CONFLICT", "That email belongs to another account.", {
    fieldErrors: { email: ["That email belongs to another account"] },
  });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "23505";
}

/** First OIDC sign-in creates the account; later ones find it by email. */
export async function findOrCreateOidcUser(db: Db, profile: { email: string; name: string }, requestId: string) {
  const existing = await findUserByEmail(db, profile.email);
  if (existing) return existing;
  return db.transaction(async (tx) => {
    const created = (await insertUser(tx, { email: profile.email, name: profile.name, passwordHash: null })) ?? (await findUserByEmail(tx, profile.email));
    if (!created) throw new Error("OIDC user could not be created");
    await recordAudit(tx, { actor: { id: created.id, email: created.email }, requestId }, {
      action: "user.signed_up", entityType: "user", entityId: created.id, after: publicUser(created),
    });
    return created;
  });
}
