// What one exported experiment or run looks like, in CSV (flat columns) and JSON (nested objects).
import type { ExperimentExportQuery, RunExportQuery } from "../../contracts/export";
import type { Queryable } from "../../db/client";
import { experimentExportPage, runExportPage, runExportParamKeys } from "../../db/queries/exports";
import { runDurationMs } from "../../domain/run/rules";
import { pages, type ExportRow } from "./streams";

export const EXPORT_PAGE_SIZE = 1000;

export const EXPERIMENT_COLUMNS = ["id", "name", "description", "type", "status", "tags", "metadata", "created_at", "updated_at"];

export async function* experimentRows(db: Queryable, projectId: string, query: ExperimentExportQuery, pageSize = EXPORT_PAGE_SIZE) {
  const filter = query.filter ?? {};
  for await (const e of pages((after) => experimentExportPage(db, { projectId, filter, after, limit: pageSize }), pageSize)) {
    yield {
      id: e.id,
      name: e.name,
      description: e.description,
      type: e.type,
      status: e.status,
      tags: e.tags,
      metadata: e.metadata,
      created_at: e.createdAt.toISOString(),
      updated_at: e.updatedAt.toISOString(),
    };
  }
}

export async function runColumns(db: Queryable, projectId: string, query: RunExportQuery) {
  const paramKeys = await runExportParamKeys(db, { projectId, experimentId: query.experimentId, filter: query.filter });
  const columns = ["id", "experiment_id", "name", "status", "tags", "started_at", "finished_at", "duration_ms", "created_at", "metadata"];
  return { paramKeys, columns: [...columns, ...paramKeys.map((k) => `param.${k}`)] };
}

export async function* runRows(db: Queryable, projectId: string, query: RunExportQuery, pageSize = EXPORT_PAGE_SIZE) {
  const q = { projectId, experimentId: query.experimentId, filter: query.filter };
  for await (const r of pages((after) => runExportPage(db, { ...q, after, limit: pageSize }), pageSize)) {
    yield {
      id: r.id,
      experiment_id: r.experimentId,
      name: r.name,
      status: r.status,
      tags: r.tags,
      started_at: r.startedAt?.toISOString() ?? null,
      finished_at: r.finishedAt?.toISOString() ?? null,
      duration_ms: runDurationMs(r.startedAt, r.finishedAt),
      created_at: r.createdAt.toISOString(),
      metadata: r.metadata,
      params: r.params,
    };
  }
}

/** CSV cells are flat: tags joined with "; ", objects as JSON, each param in its own column. */
export async function* flattenForCsv(rows: AsyncIterable<Record<string, unknown>>, paramKeys: string[] = []): AsyncGenerator<ExportRow> {
  for await (const row of rows) {
    const flat: ExportRow = {};
    for (const [key, value] of Object.entries(row)) {
      if (key === "params") continue;
      flat[key] = Array.isArray(value) ? value.join("; ") : value !== null && typeof value === "object" ? JSON.stringify(value) : (value as ExportRow[string]);
    }
    const params = (row.params ?? {}) as Record<string, string | number | boolean>;
    for (const key of paramKeys) flat[`param.${key}`] = params[key] ?? null;
    yield flat;
  }
}
