// Walks every procedure of the app router, so procedures added later are covered without anyone remembering to.
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { can, isWriteScope } from "../../domain/access";
import { useTestDatabase } from "../../test/db";
import { callerFor, makeProject, makeUser } from "../../test/factories";
import type { SessionUser } from "../auth/session-user";
import { appRouter } from "./app-router";
import type { ProcedureMeta } from "./init";

type AnyProcedure = { _def: { type: "query" | "mutation" | "subscription"; meta?: ProcedureMeta } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);

async function call(caller: ReturnType<typeof callerFor>, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `UNEXPECTED ${String(error)}`;
  }
}

describe("every procedure of the app router", () => {
  const db = useTestDatabase();
  let owner: SessionUser;
  let viewer: SessionUser;
  let outsider: SessionUser;
  let projectId: string;

  beforeAll(async () => {
    owner = await makeUser(db.db);
    viewer = await makeUser(db.db);
    outsider = await makeUser(db.db);
    projectId = (await makeProject(db.db, owner, [{ user: viewer, role: "viewer" }])).id;
  });

  it("finds the procedures", () => {
    expect(procedures.length).toBeGreaterThanOrEqual(15);
  });

  it.each(procedures)("%s declares who may call it", (_path, procedure) => {
    const meta = procedure._def.meta ?? {};
    expect(meta.scope !== undefined || meta.access !== undefined).toBe(true);
  });

  const projectScoped = procedures.filter(([, p]) => p._def.meta?.scope);
  const userScoped = procedures.filter(([, p]) => !p._def.meta?.scope && p._def.meta?.access === "user");

  it.each(projectScoped)("%s gives NOT_FOUND to a non-member", async (path) => {
    expect(await codeOf(call(callerFor(db.db, outsider), path, { projectId }))).toBe("NOT_FOUND");
  });

  it.each(projectScoped)("%s gives NOT_FOUND for a project id that does not exist", async (path) => {
    expect(await codeOf(call(callerFor(db.db, owner), path, { projectId: randomUUID() }))).toBe("NOT_FOUND");
  });

  const writes = projectScoped.filter(([, p]) => isWriteScope(p._def.meta!.scope!) && !can("viewer", p._def.meta!.scope!));
  it("has project writes to check", () => expect(writes.length).toBeGreaterThanOrEqual(5));

  it.each(writes)("%s gives FORBIDDEN to a viewer", async (path) => {
    expect(await codeOf(call(callerFor(db.db, viewer), path, { projectId }))).toBe("FORBIDDEN");
  });

  it.each([...projectScoped, ...userScoped])("%s gives UNAUTHORIZED without a session", async (path) => {
    expect(await codeOf(call(callerFor(db.db, null), path, { projectId }))).toBe("UNAUTHORIZED");
  });
});
