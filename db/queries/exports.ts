// Keyset pages for the streamed exports: newest first, (created_at, id) as the key, so memory stays flat at any size.
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { ExperimentListFilter } from "../../contracts/experiment";
import type { RunFilter } from "../../domain/run/filter";
import type { Queryable } from "../client";
import { experiments, runs } from "../schema";
import { experimentListColumns, experimentListWhere } from "./experiments";
import { runFilterSql } from "./run-filter";

export interface ExportKey {
  createdAt: string;
  id: string;
}

const after = (table: typeof experiments | typeof runs, key: ExportKey | undefined): SQL =>
  key ? sql`(${table.createdAt}, ${table.id}) < (${key.createdAt}::timestamptz, ${key.id}::uuid)` : sql`true`;

export async function experimentExportPage(db: Queryable, q: { projectId: string; filter: ExperimentListFilter; after?: ExportKey; limit: number }) {
  return db
    .select({
      ...experimentListColumns,
      key: sql<string>`to_char(${experiments.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(experiments)
    .where(and(experimentListWhere(q.projectId, q.filter), after(experiments, q.after)))
    .orderBy(desc(experiments.createdAt), desc(experiments.id))
    .limit(q.limit);
}

function runsWhere(q: { projectId: string; experimentId?: string; filter?: RunFilter }): SQL {
  return and(
    eq(runs.projectId, q.projectId),
    q.experimentId ? eq(runs.experimentId, q.experimentId) : undefined,
    q.filter ? runFilterSql(q.filter) : undefined,
  )!;
}

export async function runExportPage(db: Queryable, q: { projectId: string; experimentId?: string; filter?: RunFilter; after?: ExportKey; limit: number }) {
  return db
    .select({
      id: runs.id,
      experimentId: runs.experimentId,
      name: runs.name,
      status: runs.status,
      tags: runs.tags,
      params: runs.params,
      metadata: runs.metadata,
      startedAt: runs.startedAt,
      finishedAt: runs.finishedAt,
      createdAt: runs.createdAt,
      key: sql<string>`to_char(${runs.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(runs)
    .where(and(runsWhere(q), after(runs, q.after)))
    .orderBy(desc(runs.createdAt), desc(runs.id))
    .limit(q.limit);
}

/** Param names across the exported runs, for the CSV header (one column per param). */
export async function runExportParamKeys(db: Queryable, q: { projectId: string; experimentId?: string; filter?: RunFilter }, limit = 500): Promise<string[]> {
  const rows = await db.execute<{ key: string }>(sql`
    select distinct k.key from ${runs}, jsonb_object_keys(${runs.params}) as k(key)
    where ${runsWhere(q)} order by k.key limit ${limit}`);
  return rows.map((r) => r.key);
}
