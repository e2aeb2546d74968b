// Experiments of a project. Issue #3 adds create/edit/status; this is the read side the shell needs.
import type { ListExperimentsInput } from "../../contracts/experiment";
import { listExperiments } from "../../db/queries/experiments";
import { DomainError } from "../../domain/errors";
import type { ProjectContext } from "./context";

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(time ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) throw new DomainError("BAD_INPUT", "Invalid cursor.", { fieldErrors: { cursor: ["Invalid cursor"] } });
  return { createdAt, id };
}

export async function list(ctx: ProjectContext, input: ListExperimentsInput) {
  const rows = await listExperiments(ctx.db, {
    projectId: ctx.project.id,
    limit: input.limit + 1,
    after: input.cursor ? decodeCursor(input.cursor) : undefined,
  });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > input.limit && last ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString("base64url") : null;
  return { items, nextCursor };
}
