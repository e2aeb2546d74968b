// Shared by every export route: the membership check and the download response. Free of next/headers, so the
// node:http front server can load it before Next.js starts (see server/auth/session-cookie.ts).
import type { Db } from "../../db/client";
import { findMembership } from "../../db/queries/projects";
import { can, type Scope } from "../../domain/access";
import { DomainError } from "../../domain/errors";

export async function authorize(db: Db, user: { id: string }, projectId: string, scope: Scope) {
  const membership = await findMembership(db, { projectId, userId: user.id });
  if (!membership) throw new DomainError("NOT_FOUND", "Project not found.");
  if (!can(membership.role, scope)) throw new DomainError("FORBIDDEN", "Your role does not allow exporting this.");
}

export function download(body: ReadableStream<Uint8Array>, name: string, format: "csv" | "json", requestId: string): Response {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-${stamp}.${format}"`,
      "cache-control": "no-store",
      "x-request-id": requestId,
    },
  });
}

