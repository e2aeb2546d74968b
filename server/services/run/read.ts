// Reading runs: one run with its live session, the keyset-paged list, param names, and the status history.
import type { ListRunsInput, RunIdInput } from "../../../contracts/run";
import { findExperimentInProject } from "../../../db/queries/experiments";
import { findRunDetail, findRunInProject, listParamKeys, listRunHistory, listRuns } from "../../../db/queries/runs";
import { DomainError } from "../../../domain/errors";
import type { ProjectContext } from "../context";
import { decodeRunCursor, encodeRunCursor, toRunItem } from "./view";

const MAX_PARAM_KEYS = 200;
const MAX_HISTORY = 200;

async function findRunOrThrow(ctx: ProjectContext, runId: string) {
  const found = await findRunInProject(ctx.db, { projectId: ctx.project.id, runId });
  if (!found) throw new DomainError("NOT_FOUND", "Run not found.");
  return found;
}

export async function byId(ctx: ProjectContext, input: RunIdInput) {
  const found = await findRunDetail(ctx.db, { projectId: ctx.project.id, runId: input.id });
  if (!found) throw new DomainError("NOT_FOUND", "Run not found.");
  const { run, experimentName, sessionCount, runningSession } = found;
  return {
    ...toRunItem(run, sessionCount),
    experimentName,
    failureReason: run.failureReason,
    createdBy: run.createdBy,
    updatedAt: run.updatedAt,
    runningSession,
  };
}

/** A foreign or unknown experiment is a 404, not an empty list that looks like "no runs yet". */
export async function assertExperimentInProject(ctx: ProjectContext, experimentId: string | undefined): Promise<void> {
  if (experimentId && !(await findExperimentInProject(ctx.db, { projectId: ctx.project.id, id: experimentId }))) {
    throw new DomainError("NOT_FOUND", "Experiment not found.");
  }
}

export async function list(ctx: ProjectContext, input: ListRunsInput) {
  await assertExperimentInProject(ctx, input.experimentId);
  const rows = await listRuns(ctx.db, {
    projectId: ctx.project.id,
    experimentId: input.experimentId,
    filter: input.filter,
    sort: input.sort,
    after: input.cursor ? decodeRunCursor(input.cursor, input.sort) : undefined,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const now = new Date();
  const last = page.at(-1);
  return {
    items: page.map((r) => toRunItem(r.run, r.sessionCount, now)),
    nextCursor: rows.length > input.limit && last ? encodeRunCursor(input.sort, last.sortKey, last.run.id) : null,
  };
}

export async function paramKeys(ctx: ProjectContext, input: { experimentId?: string }): Promise<string[]> {
  await assertExperimentInProject(ctx, input.experimentId);
  return listParamKeys(ctx.db, { projectId: ctx.project.id, experimentId: input.experimentId, limit: MAX_PARAM_KEYS });
}

/** Who changed what, when and why, on the run and its capture sessions; newest first. */
export async function history(ctx: ProjectContext, input: RunIdInput) {
  await findRunOrThrow(ctx, input.id);
  const rows = await listRunHistory(ctx.db, { runId: input.id, limit: MAX_HISTORY });
  return rows.map((row) => ({ ...row, id: row.id.toString() }));
}
