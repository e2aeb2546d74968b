// Experiments of a project: list (filters, keyset pages, run counts), create (idempotent), edit, status changes and
// delete. Each write is one transaction: load (locked) → domain rule → write → audit.
import type {
  CreateExperimentInput, ExperimentIdInput, ListExperimentsInput, TransitionExperimentInput, UpdateExperimentInput,
} from "../../contracts/experiment";
import type { Queryable } from "../../db/client";
import * as q from "../../db/queries/experiments";
import { DomainError } from "../../domain/errors";
import { assertNoRunningRuns } from "../../domain/experiment/rules";
import { experimentStatus } from "../../domain/experiment/status";
import { recordAudit } from "../audit";
import { withIdempotency } from "../idempotency";
import type { ProjectContext } from "./context";
import { decodeCursor, encodeCursor } from "./experiment/cursor";

export type { RunCounts } from "../../db/queries/experiments";

function notFound(): DomainError {
  return new DomainError("NOT_FOUND", "That experiment does not exist or is in another project.");
}

async function findOrThrow(db: Queryable, ctx: ProjectContext, id: string, forUpdate = false) {
  const experiment = await q.findExperimentInProject(db, { projectId: ctx.project.id, id }, { forUpdate });
  if (!experiment) throw notFound();
  return experiment;
}

export async function list(ctx: ProjectContext, input: ListExperimentsInput) {
  const rows = await q.listExperimentPage(ctx.db, {
    projectId: ctx.project.id,
    filter: input.filter,
    sort: input.sort,
    after: input.cursor ? decodeCursor(input.cursor, input.sort) : undefined,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ sortKey: _sortKey, ...item }) => item),
    nextCursor: rows.length > input.limit && last ? encodeCursor(input.sort, last) : null,
  };
}

export async function byId(ctx: ProjectContext, input: ExperimentIdInput) {
  const experiment = await findOrThrow(ctx.db, ctx, input.id);
  return { ...experiment, runCounts: await q.countRunsByStatus(ctx.db, experiment.id) };
}

export async function create(ctx: ProjectContext, input: CreateExperimentInput) {
  return withIdempotency({ db: ctx.db, userId: ctx.user.id, scope: "experiment.create", key: input.idempotencyKey, input }, (db) =>
    db.transaction(async (tx) => {
      const { name, description, type, tags, metadata } = input;
      const experiment = await q.insertExperiment(tx, { projectId: ctx.project.id, name, description, type, tags, metadata, createdBy: ctx.user.id });
      await recordAudit(tx, ctx, { action: "experiment.created", entityType: "experiment", entityId: experiment.id, after: experiment });
      return experiment;
    }),
  );
}

export async function update(ctx: ProjectContext, input: UpdateExperimentInput) {
  // Only the fields the caller sent; drizzle leaves a column alone when its value is undefined.
  const { projectId: _projectId, id, ...changes } = input;
  return ctx.db.transaction(async (tx) => {
    const before = await findOrThrow(tx, ctx, id, true);
    if (Object.values(changes).every((v) => v === undefined)) return before;
    const after = (await q.updateExperiment(tx, { projectId: ctx.project.id, id }, changes))!;
    await recordAudit(tx, ctx, { action: "experiment.updated", entityType: "experiment", entityId: id, before, after });
    return after;
  });
}

export async function transition(ctx: ProjectContext, input: TransitionExperimentInput) {
  return ctx.db.transaction(async (tx) => {
    // Locked, so two concurrent changes cannot both pass the check against the same old status.
    const before = await findOrThrow(tx, ctx, input.id, true);
    experimentStatus.assertTransition(before.status, input.to);
    const after = (await q.updateExperiment(tx, { projectId: ctx.project.id, id: input.id }, { status: input.to }))!;
    await recordAudit(tx, ctx, {
      action: "experiment.status_changed",
      entityType: "experiment",
      entityId: input.id,
      before: { status: before.status },
      after: { status: after.status },
    });
    return after;
  });
}

export async function remove(ctx: ProjectContext, input: ExperimentIdInput) {
  return ctx.db.transaction(async (tx) => {
    // FOR UPDATE on the experiment blocks new runs from being inserted (their foreign-key check takes FOR KEY SHARE on
    // it); locking every existing run makes a concurrent start of a draft run either finish first (and we count it) or
    // wait for us and find its run gone. Neither relies on how the run service locks.
    const before = await findOrThrow(tx, ctx, input.id, true);
    assertNoRunningRuns(await q.lockRunsAndCountRunning(tx, input.id));
    await q.deleteExperiment(tx, { projectId: ctx.project.id, id: input.id });
    await recordAudit(tx, ctx, { action: "experiment.deleted", entityType: "experiment", entityId: input.id, before });
    return { id: input.id };
  });
}

export function types(ctx: ProjectContext) {
  return q.listExperimentTypes(ctx.db, ctx.project.id);
}

export function tags(ctx: ProjectContext) {
  return q.listExperimentTags(ctx.db, ctx.project.id, 500);
}
