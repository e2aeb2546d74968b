// GET /api/v1/export/experiments and /api/v1/export/runs: session cookie, read scope in the project, streamed body.
import { experimentExportQuery, runExportQuery } from "../../contracts/export";
import { getDb, type Db } from "../../db/client";
import { findExperimentInProject } from "../../db/queries/experiments";
import { findMembership } from "../../db/queries/projects";
import { can, type Scope } from "../../domain/access";
import { DomainError } from "../../domain/errors";
import { currentUser } from "../auth/current-user";
import { toErrorResponse } from "../errors";
import { resolveRequestId } from "../request-id";
import { EXPERIMENT_COLUMNS, experimentRows, flattenForCsv, runColumns, runRows } from "./rows";
import { csvStream, jsonStream } from "./streams";

async function signedIn() {
  const user = await currentUser();
  if (!user) throw new DomainError("UNAUTHENTICATED", "Sign in to export.");
  return user;
}

async function authorize(db: Db, user: { id: string }, projectId: string, scope: Scope) {
  const membership = await findMembership(db, { projectId, userId: user.id });
  if (!membership) throw new DomainError("NOT_FOUND", "Project not found.");
  if (!can(membership.role, scope)) throw new DomainError("FORBIDDEN", "Your role does not allow exporting this.");
}

function download(body: ReadableStream<Uint8Array>, name: string, format: "csv" | "json", requestId: string): Response {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-${stamp}.${format}"`,
      "cache-control": "no-store",
      "x-request-id": requestId,
    },
  });
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
