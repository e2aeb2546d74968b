// The SQL of experiments: the list filter (shared with the CSV export), keyset pages, run counts per status, and the
// row locks that status changes and deletes rely on.
import { and, arrayContains, arrayOverlaps, asc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { ExperimentListFilter } from "../../contracts/experiment";
import type { ExperimentStatus } from "../../domain/experiment/status";
import { RUN_STATUSES, type RunStatus } from "../../domain/run/status";
import type { Queryable } from "../client";
import { experiments, runs } from "../schema";

export type ExperimentRow = typeof experiments.$inferSelect;
export type ExperimentSortField = "createdAt" | "updatedAt" | "name";
export type SortDirection = "asc" | "desc";
export type RunCounts = Record<RunStatus, number>;

/** `%`, `_` and `\` in the user's text match themselves, not "anything". */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/** The WHERE of the experiment list. Empty filter arrays mean "no filter on this field". */
export function experimentListWhere(projectId: string, filter: ExperimentListFilter): SQL {
  const conditions: SQL[] = [eq(experiments.projectId, projectId)];
  if (filter.status?.length) conditions.push(inArray(experiments.status, filter.status));
  if (filter.type?.length) conditions.push(inArray(experiments.type, filter.type));
  if (filter.tagsAny?.length) conditions.push(arrayOverlaps(experiments.tags, filter.tagsAny));
  if (filter.tagsAll?.length) conditions.push(arrayContains(experiments.tags, filter.tagsAll));
  if (filter.created?.from) conditions.push(gte(experiments.createdAt, filter.created.from));
  if (filter.created?.to) conditions.push(lt(experiments.createdAt, filter.created.to));
  if (filter.updated?.from) conditions.push(gte(experiments.updatedAt, filter.updated.from));
  if (filter.updated?.to) conditions.push(lt(experiments.updatedAt, filter.updated.to));
  if (filter.search) {
    // search_text is the stored lower(name || ' ' || description) with a trigram index (drizzle/0010); it is not in
    // db/schema, since nothing else reads it.
    conditions.push(sql`${experiments}.search_text like '%' || lower(${escapeLike(filter.search)}) || '%' escape '\\'`);
  }
  return and(...conditions) ?? sql`true`;
}

/**
 * Per sort field: the ORDER BY expression, its value as exact text for the cursor (timestamps to the microsecond, which a
 * JS Date would round away), and how a cursor's text is read back. Names sort case-insensitively.
 */
const SORT_KEYS: Record<ExperimentSortField, { expr: SQL; key: SQL<string>; fromCursor: (value: string) => SQL }> = {
  createdAt: {
    expr: sql`${experiments.createdAt}`,
    key: sql<string>`to_char(${experiments.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    fromCursor: (value) => sql`${value}::timestamptz`,
  },
  updatedAt: {
    expr: sql`${experiments.updatedAt}`,
    key: sql<string>`to_char(${experiments.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    fromCursor: (value) => sql`${value}::timestamptz`,
  },
  name: {
    expr: sql`lower(${experiments.name})`,
    key: sql<string>`lower(${experiments.name})`,
    fromCursor: (value) => sql`${value}::text`,
  },
};

/** What a listed (or exported) experiment carries: every column but the project and the author. */
export const experimentListColumns = {
  id: experiments.id,
  name: experiments.name,
  description: experiments.description,
  type: experiments.type,
  status: experiments.status,
  tags: experiments.tags,
  metadata: experiments.metadata,
  createdAt: experiments.createdAt,
  updatedAt: experiments.updatedAt,
};

export interface ExperimentPageQuery {
  projectId: string;
  filter: ExperimentListFilter;
  sort: { field: ExperimentSortField; direction: SortDirection };
  /** The sort key text and id of the last row of the previous page. */
  after?: { value: string; id: string };
  limit: number;
}

type ExperimentListItem = Pick<ExperimentRow, keyof typeof experimentListColumns>;

type RawExperimentListRow = {
  id: string;
  name: string;
  description: string;
  type: ExperimentRow["type"];
  status: ExperimentStatus;
  tags: string[];
  metadata: ExperimentRow["metadata"];
  created_at: string;
  updated_at: string;
  sort_key: string;
  run_counts: Partial<RunCounts> | null;
};

// Run counts per status as one JSON object, correlated per listed row (runs_experiment_status_idx).
const runCountsJson = sql`(
  select jsonb_object_agg(c.status, c.n)
  from (select r.status, count(*)::int as n from runs r where r.experiment_id = experiments.id group by r.status) c)`;

/**
 * One page in (sort key, id) order with each experiment's run counts; `sortKey` is what the next page's cursor
 * carries. Raw rows mapped here: drizzle's generic per-field result mapping cost about 1 ms of CPU per 50-row page.
 */
export async function listExperimentPage(
  db: Queryable,
  { projectId, filter, sort, after, limit }: ExperimentPageQuery,
): Promise<(ExperimentListItem & { sortKey: string; runCounts: RunCounts })[]> {
  const { expr, key, fromCursor } = SORT_KEYS[sort.field];
  const conditions = [experimentListWhere(projectId, filter)];
  if (after) {
    // A row comparison over (key, id): the same total order as the ORDER BY, so no row is skipped or repeated.
    const op = sort.direction === "asc" ? sql`>` : sql`<`;
    conditions.push(sql`(${expr}, ${experiments.id}) ${op} (${fromCursor(after.value)}, ${after.id}::uuid)`);
  }
  // The indexes are (project_id, x DESC NULLS FIRST, id DESC NULLS FIRST), PostgreSQL's default order for DESC, so a plain
  // asc/desc walks them forwards or backwards instead of sorting.
  const order = sort.direction === "asc" ? sql`asc` : sql`desc`;
  const rows = await db.execute<RawExperimentListRow>(sql`
    select id, name, description, type, status, tags, metadata, created_at, updated_at,
           ${key} as sort_key, ${runCountsJson} as run_counts
    from ${experiments}
    where ${and(...conditions)}
    order by ${expr} ${order}, ${experiments.id} ${order}
    limit ${limit}`);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    type: r.type,
    status: r.status,
    tags: r.tags,
    metadata: r.metadata,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    sortKey: r.sort_key,
    runCounts: { ...emptyRunCounts(), ...r.run_counts },
  }));
}

export function emptyRunCounts(): RunCounts {
  return Object.fromEntries(RUN_STATUSES.map((s) => [s, 0])) as RunCounts;
}

/** One experiment's run counts per status, by the same correlated query the list uses. */
export async function countRunsByStatus(db: Queryable, experimentId: string): Promise<RunCounts> {
  const rows = await db.execute<{ run_counts: Partial<RunCounts> | null }>(sql`
    select ${runCountsJson} as run_counts from ${experiments} where id = ${experimentId}::uuid`);
  return { ...emptyRunCounts(), ...rows[0]?.run_counts };
}

export async function findExperimentInProject(
  db: Queryable,
  { projectId, id }: { projectId: string; id: string },
  options: { forUpdate?: boolean } = {},
): Promise<ExperimentRow | undefined> {
  const query = db
    .select()
    .from(experiments)
    .where(and(eq(experiments.projectId, projectId), eq(experiments.id, id)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

export type NewExperiment = Pick<ExperimentRow, "projectId" | "name" | "description" | "type" | "tags" | "metadata" | "createdBy">;

export async function insertExperiment(db: Queryable, values: NewExperiment): Promise<ExperimentRow> {
  const [row] = await db.insert(experiments).values(values).returning();
  return row!;
}

export type ExperimentChanges = Partial<Pick<ExperimentRow, "name" | "description" | "type" | "tags" | "metadata"> & { status: ExperimentStatus }>;

/** Sets only the given columns, and always bumps updated_at. */
export async function updateExperiment(db: Queryable, { projectId, id }: { projectId: string; id: string }, changes: ExperimentChanges) {
  const [row] = await db
    .update(experiments)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(experiments.projectId, projectId), eq(experiments.id, id)))
    .returning();
  return row;
}

export async function deleteExperiment(db: Queryable, { projectId, id }: { projectId: string; id: string }): Promise<void> {
  await db.delete(experiments).where(and(eq(experiments.projectId, projectId), eq(experiments.id, id)));
}

/**
 * Locks every run of the experiment and counts the running ones. All runs, not only the running ones: a run being
 * started right now is still 'draft' in our snapshot, and only by waiting on its row lock do we see it as 'running'.
 */
export async function lockRunsAndCountRunning(db: Queryable, experimentId: string): Promise<number> {
  const locked = db.select({ status: runs.status }).from(runs).where(eq(runs.experimentId, experimentId)).for("update").as("locked");
  const [row] = await db
    .select({ n: sql<number>`count(*) filter (where ${locked.status} = 'running')`.mapWith(Number) })
    .from(locked);
  return row?.n ?? 0;
}

/** Distinct experiment types of the project, for the filter UI. */
export async function listExperimentTypes(db: Queryable, projectId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ type: experiments.type })
    .from(experiments)
    .where(eq(experiments.projectId, projectId))
    .orderBy(asc(experiments.type));
  return rows.map((r) => r.type);
}

/** Distinct tags of the project's experiments, sorted, at most `limit`. */
export async function listExperimentTags(db: Queryable, projectId: string, limit = 500): Promise<string[]> {
  const rows = await db.execute<{ tag: string }>(sql`
    select distinct t.tag from ${experiments}, unnest(${experiments.tags}) as t(tag)
    where ${experiments.projectId} = ${projectId}
    order by t.tag
    limit ${limit}`);
  return [...rows].map((r) => r.tag);
}
