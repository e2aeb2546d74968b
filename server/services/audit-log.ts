// Reading the project's audit trail, newest first, with keyset pagination.
import type { ListAuditInput } from "../../contracts/audit";
import { listAuditEvents } from "../../db/queries/audit";
import type { ProjectContext } from "./context";

export async function list(ctx: ProjectContext, input: ListAuditInput) {
  const rows = await listAuditEvents(ctx.db, {
    projectId: ctx.project.id,
    entityType: input.entityType || undefined,
    actorId: input.actorId,
    action: input.action || undefined,
    from: input.from,
    to: input.to,
    beforeId: input.cursor ? BigInt(input.cursor) : undefined,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const items = page.map((row) => ({ ...row, id: row.id.toString() }));
  return { items, nextCursor: rows.length > input.limit ? items.at(-1)!.id : null };
}
