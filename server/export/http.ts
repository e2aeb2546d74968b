// GET /api/v1/export/experiments and /api/v1/export/runs: session cookie, read scope in the project, streamed body.
import { experimentExportQuery, runExportQuery } from "../../contracts/export";
import { getDb } from "../../db/client";
import { findExperimentInProject } from "../../db/queries/experiments";
import { DomainError } from "../../domain/errors";
import { currentUser } from "../auth/current-user";
import { toErrorResponse } from "../errors";
import { resolveRequestId } from "../request-id";
import { authorize, download } from "./download";
import { EXPERIMENT_COLUMNS, experimentRows, flattenForCsv, runColumns, runRows } from "./rows";
import { csvStream, jsonStream } from "./streams";

async function signedIn() {
  const user = await currentUser();
  if (!user) throw new DomainError("UNAUTHENTICATED", "Sign in to export.");
  return user;
}

export async function handleExperimentExport(request: Request): Promise<Response> {
  const requestId = resolveRequestId(request.headers.get("x-request-id"));
  try {
    const user = await signedIn();
    const query = experimentExportQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const db = getDb();
    await authorize(db, user, query.projectId, "experiments:read");
    const rows = experimentRows(db, query.projectId, query);
    const body = query.format === "csv" ? csvStream(EXPERIMENT_COLUMNS, flattenForCsv(rows)) : jsonStream(rows);
    return download(body, "experiments", query.format, requestId);
  } catch (error) {
    return toErrorResponse(error, requestId);
  }
}

export async function handleRunExport(request: Request): Promise<Response> {
  const requestId = resolveRequestId(request.headers.get("x-request-id"));
  try {
    const user = await signedIn();
    const query = runExportQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const db = getDb();
    await authorize(db, user, query.projectId, "runs:read");
    if (query.experimentId && !(await findExperimentInProject(db, { projectId: query.projectId, id: query.experimentId }))) {
      throw new DomainError("NOT_FOUND", "Experiment not found.");
    }
    const rows = runRows(db, query.projectId, query);
    if (query.format === "json") return download(jsonStream(rows), "runs", "json", requestId);
    const { columns, paramKeys } = await runColumns(db, query.projectId, query);
    return download(csvStream(columns, flattenForCsv(rows, paramKeys)), "runs", "csv", requestId);
  } catch (error) {
    return toErrorResponse(error, requestId);
  }
}
