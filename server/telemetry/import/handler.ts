// POST /api/v1/telemetry/import?project_id&sensor_id&run_id|capture_session_id with a text/csv body: CSV backfill for
// signed-in editors (session cookie). checkCsrf's same-origin rules apply (only the ingest path itself is bearer-only),
// and only text/csv is accepted, which a cross-site HTML form cannot send and a cross-site fetch cannot send without a
// CORS preflight this server never grants.
import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { idSchema } from "../../../contracts/common";
import { DomainError } from "../../../domain/errors";
import { sessionUserFromCookieHeader } from "../../auth/session-cookie";
import { checkCsrf } from "../../csrf";
import type { NodeHandler, RouteDeps } from "../../http/routes";
import { REQUEST_ID_HEADER, resolveRequestId } from "../../request-id";
import { sendError, sendJson } from "../http-response";
import { importCsv } from "./import";

export const IMPORT_PATH = "/api/v1/telemetry/import";
const MAX_CSV_BYTES = Number(process.env.TELEMETRY_IMPORT_MAX_BYTES) || 20 * 1024 * 1024;

const importQuery = z
  .object({ project_id: idSchema, sensor_id: idSchema, run_id: idSchema.optional(), capture_session_id: idSchema.optional() })
  .refine((q) => q.run_id || q.capture_session_id, { message: "Give run_id or capture_session_id", path: ["run_id"] });

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

function assertCsvRequest(req: IncomingMessage): void {
  const verdict = checkCsrf({ method: req.method ?? "POST", pathname: IMPORT_PATH, headers: { get: (name) => header(req, name.toLowerCase()) } });
  if (!verdict.ok) throw new DomainError(verdict.status === 403 ? "FORBIDDEN" : "UNSUPPORTED_MEDIA_TYPE", verdict.message);
  const type = (header(req, "content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "text/csv") throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "Send the file as Content-Type: text/csv.");
}

async function readCsv(req: IncomingMessage): Promise<string> {
  const tooLarge = new DomainError("PAYLOAD_TOO_LARGE", `The CSV file is over the limit of ${MAX_CSV_BYTES} bytes. Split it into smaller files.`);
  if (Number(req.headers["content-length"]) > MAX_CSV_BYTES) throw tooLarge;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_CSV_BYTES) throw tooLarge;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}

export function createImportHandler(deps: RouteDeps): NodeHandler {
  return async (req, res) => {
    const requestId = resolveRequestId(header(req, REQUEST_ID_HEADER));
    res.setHeader(REQUEST_ID_HEADER, requestId);
    try {
      if (req.method !== "POST") return sendJson(res, 405, { error: { code: "METHOD_NOT_ALLOWED", message: "Use POST.", requestId } }, { allow: "POST" });
      assertCsvRequest(req);
      const db = deps.getDb();
      const user = await sessionUserFromCookieHeader(header(req, "cookie") ?? undefined, db);
      if (!user) throw new DomainError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      const query = importQuery.parse(Object.fromEntries(new URL(req.url ?? "/", "http://localhost").searchParams));
      const csv = await readCsv(req);
      const receipt = await importCsv(
        { db, user, requestId },
        { projectId: query.project_id, sensorId: query.sensor_id, runId: query.run_id, captureSessionId: query.capture_session_id, csv },
      );
      sendJson(res, 200, receipt);
    } catch (error) {
      sendError(res, error, requestId);
    }
  };
}
