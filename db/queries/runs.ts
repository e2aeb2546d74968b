// Runs: lookups scoped to a project, row locks for status changes, the keyset-paged list and the bulk tag update.
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { RunFilter } from "../../domain/run/filter";
import type { RunStatus } from "../../domain/run/status";
import type { Queryable } from "../client";
import { auditEvents, experiments, runs } from "../schema";
import { runFilterSql } from "./run-filter";

export type RunRow = typeof runs.$inferSelect;
export type NewRun = typeof runs.$inferInsert;

export async function insertRun(db: Queryable, values: NewRun): Promise<RunRow> {
  const [row] = await db.insert(runs).values(values).returning();
  return row!;
}

export async function findRunInProject(db: Queryable, { projectId, runId }: { projectId: string; runId: string }) {
  const [row] = await db
    .select({ run: runs, experimentName: experiments.name })
    .from(runs)
    .innerJoin(experiments, eq(experiments.id, runs.experimentId))
    .where(and(eq(runs.id, runId), eq(runs.projectId, projectId)))
    .limit(1);
  return row;
}

// A correlated count; with a LIMIT the planner evaluates it for the returned rows only. `runs.id` is spelled out:
// drizzle leaves columns unqualified in single-table selects, where "id" would mean capture_sessions.id here.
const sessionCount = sql<number>`(select count(*)::int from capture_sessions cs where cs.run_id = runs.id)`;

/** The run page's read in one round trip: the run, its experiment's name, its session count and its running session. */
export async function findRunDetail(db: Queryable, { projectId, runId }: { projectId: string; runId: string }) {
  const [row] = await db
    .select({
      run: runs,
      experimentName: experiments.name,
      sessionCount,
      runningSession: sql<{ id: string; ordinalNumber: number; startedAt: string } | null>`(
        select json_build_object('id', cs.id, 'ordinalNumber', cs.ordinal_number, 'startedAt', cs.started_at)
        from capture_sessions cs where cs.run_id = runs.id and cs.status = 'running' limit 1)`,
    })
    .from(runs)
    .innerJoin(experiments, eq(experiments.id, runs.experimentId))
    .where(and(eq(runs.id, runId), eq(runs.projectId, projectId)))
    .limit(1);
  if (!row) return undefined;
  const running = row.runningSession;
  return { ...row, runningSession: running ? { ...running, startedAt: new Date(running.startedAt) } : null };
}

/** Locks the run row for a status change; concurrent changes of the same run queue here. */
export async function lockRunInProject(db: Queryable, { projectId, runId }: { projectId: string; runId: string }): Promise<RunRow | undefined> {
  const [row] = await db
    .select()
    .from(runs)
    .where(and(eq(runs.id, runId), eq(runs.projectId, projectId)))
    .for("update");
  return row;
}

/** Locks many runs in id order, so two batches over overlapping runs cannot deadlock. Returns the ids found. */
export async function lockRunsInProject(db: Queryable, { projectId, runIds }: { projectId: string; runIds: string[] }): Promise<string[]> {
  const rows = await db
    .select({ id: runs.id })
    .from(runs)
    .where(and(eq(runs.projectId, projectId), inArray(runs.id, runIds)))
    .orderBy(asc(runs.id))
    .for("update");
  return rows.map((r) => r.id);
}

export async function updateRunStatus(
  db: Queryable,
  runId: string,
  values: { status: RunStatus; startedAt?: Date; finishedAt?: Date; failureReason?: string | null },
): Promise<RunRow> {
  const [row] = await db
    .update(runs)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(runs.id, runId))
    .returning();
  return row!;
}

export async function findRunsInProject(db: Queryable, { projectId, runIds }: { projectId: string; runIds: string[] }): Promise<RunRow[]> {
  return db
    .select()
    .from(runs)
    .where(and(eq(runs.projectId, projectId), inArray(runs.id, runIds)));
}

const SORT_COLUMNS = { createdAt: runs.createdAt, name: runs.name, status: runs.status, startedAt: runs.startedAt } as const;
export type RunListSort = { field: keyof typeof SORT_COLUMNS; direction: "asc" | "desc" };
/** Where the previous page ended: the sort value as text (timestamps in UTC with microseconds) and the id. */
export type RunListAfter = { value: string | null; id: string };
const TIMESTAMP_SORTS = new Set(["createdAt", "startedAt"]);

function sortKeyText(field: RunListSort["field"]): SQL<string | null> {
  const column = SORT_COLUMNS[field];
  // Microseconds matter: rows written in one transaction share now() to the microsecond, and JS dates keep only ms.
  return TIMESTAMP_SORTS.has(field)
    ? sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : sql<string | null>`${column}`;
}

/** Rows after the cursor in the order of orderBy(). Only startedAt can be null, and its nulls come last. */
function afterCursor(sort: RunListSort, after: RunListAfter): SQL {
  const column = SORT_COLUMNS[sort.field];
  const op = sql.raw(sort.direction === "asc" ? ">" : "<");
  if (after.value === null) return sql`(${column} is null and ${runs.id} ${op} ${after.id})`;
  const value = TIMESTAMP_SORTS.has(sort.field) ? sql`${after.value}::timestamptz` : sql`${after.value}`;
  const rowCompare = sql`(${column}, ${runs.id}) ${op} (${value}, ${after.id}::uuid)`;
  return sort.field === "startedAt" ? sql`(${rowCompare} or ${column} is null)` : rowCompare;
}

/**
 * startedAt puts never-started runs last in both directions. The other columns are never null and keep the default
 * NULLS clause, which is what runs_*_created_idx (DESC, i.e. NULLS FIRST) gives read forwards or backwards: that one
 * index serves both directions of the default sort.
 */
function orderBy({ field, direction }: RunListSort): SQL[] {
  const dir = sql.raw(direction);
  const nulls = sql.raw(field === "startedAt" ? " nulls last" : "");
  return [sql`${SORT_COLUMNS[field]} ${dir}${nulls}`, sql`${runs.id} ${dir}`];
}

/** The columns a run-list item shows (server/services/run/view.ts). */
export type RunListColumns = Pick<RunRow, "id" | "experimentId" | "name" | "status" | "params" | "metadata" | "tags" | "startedAt" | "finishedAt" | "createdAt">;

type RawRunListRow = {
  id: string;
  experiment_id: string;
  name: string;
  status: RunStatus;
  params: RunRow["params"];
  metadata: RunRow["metadata"];
  tags: string[];
  started_at: string | null;
  finished_at: string | null;
  created_at: string;
  sort_key: string | null;
  session_count: number;
};

const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

/**
 * A keyset page of runs. Raw rows mapped here: drizzle's generic per-field result mapping cost about 1 ms of CPU on a
 * 50-run page, the largest cost left in run.list after serialisation (docs/benchmarks.md).
 */
export async function listRuns(
  db: Queryable,
  options: { projectId: string; experimentId?: string; filter?: RunFilter; sort: RunListSort; after?: RunListAfter; limit: number },
): Promise<{ run: RunListColumns; sortKey: string | null; sessionCount: number }[]> {
  const { sort } = options;
  const conditions: SQL[] = [eq(runs.projectId, options.projectId)];
  if (options.experimentId) conditions.push(eq(runs.experimentId, options.experimentId));
  if (options.filter) conditions.push(runFilterSql(options.filter));
  if (options.after) conditions.push(afterCursor(sort, options.after));
  const rows = await db.execute<RawRunListRow>(sql`
    select id, experiment_id, name, status, params, metadata, tags, started_at, finished_at, created_at,
           ${sortKeyText(sort.field)} as sort_key, ${sessionCount} as session_count
    from ${runs}
    where ${and(...conditions)}
    order by ${sql.join(orderBy(sort), sql`, `)}
    limit ${options.limit}`);
  return rows.map((r) => ({
    run: {
      id: r.id,
      experimentId: r.experiment_id,
      name: r.name,
      status: r.status,
      params: r.params,
      metadata: r.metadata,
      tags: r.tags,
      startedAt: dateOrNull(r.started_at),
      finishedAt: dateOrNull(r.finished_at),
      createdAt: new Date(r.created_at),
    },
    sortKey: r.sort_key,
    sessionCount: r.session_count,
  }));
}

/** Distinct param names for the column chooser, alphabetical. */
export async function listParamKeys(db: Queryable, { projectId, experimentId, limit }: { projectId: string; experimentId?: string; limit: number }) {
  const rows = await db.execute<{ key: string }>(sql`
    select distinct k.key from ${runs} r cross join lateral jsonb_object_keys(r.params) as k(key)
    where r.project_id = ${projectId} ${experimentId ? sql`and r.experiment_id = ${experimentId}` : sql``}
    order by k.key limit ${limit}`);
  return rows.map((r) => r.key);
}

/** An array bound one element per parameter: a JS array inside `sql` is spread into a list, not bound as one value. */
function boundArray(values: readonly string[], type: "text" | "uuid"): SQL {
  const cast = sql.raw(type);
  return sql`array[${sql.join(
    values.map((v) => sql`${v}::${cast}`),
    sql`, `,
  )}]::${cast}[]`;
}

export interface TagChange {
  id: string;
  before: string[];
  /** Null when the run already had the result (nothing written). */
  after: string[] | null;
}

/**
 * Adds and removes tags on many runs in one statement. Existing tags keep their order, new ones are appended in the
 * order given, duplicates collapse to their first occurrence. Rows are locked in id order. Returns every run found.
 */
export async function updateRunTags(
  db: Queryable,
  { projectId, runIds, add, remove }: { projectId: string; runIds: string[]; add: string[]; remove: string[] },
): Promise<TagChange[]> {
  const addArr = boundArray(add, "text");
  const removeArr = boundArray(remove, "text");
  const rows = await db.execute<{ id: string; before: string[]; after: string[] | null }>(sql`
    with target as (
      select id, tags from ${runs}
      where project_id = ${projectId} and id = any(${boundArray(runIds, "uuid")})
      order by id for update
    ), computed as (
      select t.id, t.tags as before,
        coalesce((select array_agg(d.tag order by d.first) from (
          select u.tag, min(u.ord) as first from unnest(t.tags || ${addArr}) with ordinality as u(tag, ord)
          where not (u.tag = any(${removeArr})) group by u.tag
        ) d), '{}'::text[]) as next
      from target t
    ), updated as (
      update ${runs} r set tags = c.next, updated_at = now()
      from computed c where r.id = c.id and r.tags is distinct from c.next
      returning r.id, r.tags
    )
    select c.id, c.before, u.tags as after from computed c left join updated u on u.id = c.id`);
  return rows.map((r) => ({ id: r.id, before: r.before, after: r.after }));
}

/**
 * The audit trail of a run and of its capture sessions, newest first. Both halves are lookups on
 * audit_events_entity_idx. Events of sessions that were deleted are not found: their ids are gone with their rows.
 */
export async function listRunHistory(db: Queryable, { runId, limit }: { runId: string; limit: number }) {
  return db
    .select({
      id: auditEvents.id,
      actorId: auditEvents.actorId,
      actorEmail: auditEvents.actorEmail,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      before: auditEvents.before,
      after: auditEvents.after,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .where(
      or(
        and(eq(auditEvents.entityType, "run"), eq(auditEvents.entityId, runId)),
        // Session events carry their runId, so they stay in the history after the session itself is deleted.
        and(
          eq(auditEvents.entityType, "capture_session"),
          // The expression of audit_events_session_run_idx (drizzle/0005).
          sql`coalesce(${auditEvents.after} ->> 'runId', ${auditEvents.before} ->> 'runId') = ${runId}`,
        ),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}
