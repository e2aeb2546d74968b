// GET /api/v1/export/telemetry?project_id=…&run_id=…|capture_session_id=…: a run's or session's readings as streamed
// CSV (session cookie, runs:read). Keyset pages are pulled only as fast as the client reads, so memory stays flat.
import { telemetryExportQuery } from "../../contracts/telemetry-read";
import { getDb, type Db } from "../../db/client";
import { telemetryExportAt, telemetryExportPage, type TelemetryExportRow } from "../../db/queries/telemetry-export";
import { findScopeInProject, sqlRunner, type ReadScope } from "../../db/queries/telemetry-read";
import { DomainError } from "../../domain/errors";
import { sessionUserFromCookieHeader } from "../auth/session-cookie";
import { toErrorResponse } from "../errors";
import { resolveRequestId } from "../request-id";
import { authorize, download } from "./download";
import { csvStream, type ExportRow } from "./streams";

export const TELEMETRY_COLUMNS = ["time", "sensor", "raw_value", "value", "unit", "profile_version", "sensor_id"];

const byTimeThenSensor = (a: TelemetryExportRow, b: TelemetryExportRow) =>
  a.time < b.time ? -1 : a.time > b.time ? 1 : a.sensorId < b.sensorId ? -1 : a.sensorId > b.sensorId ? 1 : 0;

const toCsvRow = (r: TelemetryExportRow): ExportRow => ({
  time: r.time, sensor: r.sensor, raw_value: r.rawValue, value: r.value, unit: r.unit, profile_version: r.profileVersion, sensor_id: r.sensorId,
});

/** Rows in (time, sensor) order. A page never splits one timestamp: its last timestamp is re-read whole. */
export async function* telemetryCsvRows(db: Db, scope: ReadScope, pageSize = 5000): AsyncGenerator<ExportRow> {
  let afterTime: string | undefined;
  for (;;) {
    const page = await telemetryExportPage(db, { scope, afterTime, limit: pageSize });
    if (page.length < pageSize) return yield* page.sort(byTimeThenSensor).map(toCsvRow);
    const lastTime = page.at(-1)!.time;
    const rows = [...page.filter((r) => r.time !== lastTime), ...(await telemetryExportAt(db, { scope, time: lastTime }))];
    yield* rows.sort(byTimeThenSensor).map(toCsvRow);
    afterTime = lastTime;
  }
}

/** Joins the per-row chunks of csv-stringify into ~64 KB ones: millions of tiny chunks cost more than the rows. */
function coalesce(body: ReadableStream<Uint8Array>, size = 64 * 1024): ReadableStream<Uint8Array> {
  let parts: Uint8Array[] = [];
  let length = 0;
  const flush = (controller: TransformStreamDefaultController<Uint8Array>) => {
    if (length === 0) return;
    controller.enqueue(Buffer.concat(parts, length));
    parts = [];
    length = 0;
  };
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        parts.push(chunk);
        length += chunk.byteLength;
        if (length >= size) flush(controller);
      },
      flush,
    }),
  );
}

export async function handleTelemetryExport(request: Request, db: Db = getDb()): Promise<Response> {
  const requestId = resolveRequestId(request.headers.get("x-request-id"));
  try {
    const user = await sessionUserFromCookieHeader(request.headers.get("cookie") ?? undefined, db);
    if (!user) throw new DomainError("UNAUTHENTICATED", "Sign in to export.");
    const query = telemetryExportQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    await authorize(db, user, query.project_id, "runs:read");
    const scope: ReadScope = query.run_id ? { kind: "run", id: query.run_id } : { kind: "session", id: query.capture_session_id! };
    if (!(await findScopeInProject(sqlRunner(db), query.project_id, scope))) {
      throw new DomainError("NOT_FOUND", scope.kind === "run" ? "Run not found." : "Capture session not found.");
    }
    return download(coalesce(csvStream(TELEMETRY_COLUMNS, telemetryCsvRows(db, scope))), `telemetry-${scope.id}`, "csv", requestId);
  } catch (error) {
    return toErrorResponse(error, requestId);
  }
}
