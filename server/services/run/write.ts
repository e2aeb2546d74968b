// Creating runs and tagging many at once. Both are idempotent: a retried request replays the first answer.
import type { BulkTagsInput, CreateRunInput } from "../../../contracts/run";
import { MAX_TAGS } from "../../../contracts/common";
import { findExperimentInProject } from "../../../db/queries/experiments";
import { insertRun, updateRunTags } from "../../../db/queries/runs";
import { DomainError } from "../../../domain/errors";
import type { ExperimentStatus } from "../../../domain/experiment/status";
import { recordAudit } from "../../audit";
import { withIdempotency } from "../../idempotency";
import type { ProjectContext } from "../context";
import { toRunItem, uniqueIds } from "./view";

// Belongs next to the experiment status machine in domain/experiment/rules.ts; kept here until that file takes it.
function assertExperimentAcceptsRuns(status: ExperimentStatus): void {
  if (status === "archived") {
    throw new DomainError("CONFLICT", "This experiment is archived, so it takes no new runs.", { reason: "experiment_archived" });
  }
}

export async function create(ctx: ProjectContext, input: CreateRunInput) {
  const request = { db: ctx.db, userId: ctx.user.id, scope: "run.create", key: input.idempotencyKey, input };
  return withIdempotency(request, (db) =>
    db.transaction(async (tx) => {
      // Locked so the experiment cannot be archived between this check and the insert.
      const experiment = await findExperimentInProject(tx, { projectId: ctx.project.id, id: input.experimentId }, { forUpdate: true });
      if (!experiment) {
        throw new DomainError("NOT_FOUND", "Experiment not found.", { fieldErrors: { experimentId: ["Experiment not found"] } });
      }
      assertExperimentAcceptsRuns(experiment.status);
      const run = await insertRun(tx, {
        projectId: ctx.project.id,
        experimentId: experiment.id,
        name: input.name,
        status: "draft",
        params: input.params,
        metadata: input.metadata,
        tags: input.tags,
        createdBy: ctx.user.id,
      });
      const { name, status, params, metadata, tags } = run;
      await recordAudit(tx, ctx, {
        action: "run.created",
        entityType: "run",
        entityId: run.id,
        after: { experimentId: experiment.id, name, status, params, metadata, tags },
      });
      return toRunItem(run, 0);
    }),
  );
}

/** A tag both added and removed ends up removed. Runs whose tags do not change are neither written nor audited. */
export async function bulkTags(ctx: ProjectContext, input: BulkTagsInput): Promise<{ updated: number; missing: string[] }> {
  const request = { db: ctx.db, userId: ctx.user.id, scope: "run.bulkTags", key: input.idempotencyKey, input };
  return withIdempotency(request, (db) =>
    db.transaction(async (tx) => {
      const ids = uniqueIds(input.ids);
      const changes = await updateRunTags(tx, { projectId: ctx.project.id, runIds: ids, add: input.add, remove: input.remove });
      // The same limit as on create; the transaction rolls every run back.
      const overfull = changes.filter((c) => (c.after?.length ?? 0) > MAX_TAGS).map((c) => c.id);
      if (overfull.length > 0) {
        throw new DomainError("CONFLICT", `${overfull.length} run(s) would have more than ${MAX_TAGS} tags. Remove some of their tags first.`, { runIds: overfull });
      }
      const byId = new Map(changes.map((c) => [c.id, c]));
      let updated = 0;
      for (const id of ids) {
        const change = byId.get(id);
        if (!change?.after) continue;
        updated++;
        await recordAudit(tx, ctx, {
          action: "run.tags_changed",
          entityType: "run",
          entityId: id,
          before: { tags: change.before },
          after: { tags: change.after },
        });
      }
      return { updated, missing: ids.filter((id) => !byId.has(id)) };
    }),
  );
}
