// CSV backfill: an editor uploads one sensor's historical readings into a run or capture session of the project. The
// rows go through the ingest pipeline (same validation, receipts, late-data policy and duplicate handling as sensors get)
// in chunks of at most 10,000, and the chunks' receipts are merged into one whose rejections name CSV lines.
import { findRunTargetInProject } from "../../../db/queries/jobs";
import { findMembership } from "../../../db/queries/projects";
import { findSensorInProject } from "../../../db/queries/sensors";
import { can } from "../../../domain/access";
import { DomainError } from "../../../domain/errors";
import { recordAudit } from "../../audit";
import type { UserContext } from "../../services/context";
import { ingestBatch, type IngestReceipt } from "../ingest/pipeline";
import { parseReadingsCsv, type CsvReading } from "./csv";

export const IMPORT_CHUNK_SIZE = 10_000;

export interface ImportRequest {
  projectId: string;
  sensorId: string;
  runId?: string;
  captureSessionId?: string;
  csv: string;
}

export interface ImportReceipt {
  lines: number;
  accepted: number;
  duplicates: number;
  rejected: { line: number; code: string; message: string }[];
  capture_session_id: string | null;
  run_id: string | null;
}

/** Editor or owner of the project, with the sensor and the run (or session) in it; NOT_FOUND hides the rest. */
async function authorize(ctx: UserContext, req: ImportRequest): Promise<void> {
  const membership = await findMembership(ctx.db, { projectId: req.projectId, userId: ctx.user.id });
  if (!membership) throw new DomainError("NOT_FOUND", "Project not found.");
  if (!can(membership.role, "runs:write")) {
    throw new DomainError("FORBIDDEN", `Your role (${membership.role}) does not allow importing telemetry. Ask a project owner.`);
  }
  if (!(await findSensorInProject(ctx.db, { projectId: req.projectId, id: req.sensorId }))) {
    throw new DomainError("NOT_FOUND", "That sensor does not exist or is not in this project.");
  }
  const target = await findRunTargetInProject(ctx.db, { projectId: req.projectId, runId: req.runId, captureSessionId: req.captureSessionId });
  if (!target || (req.runId && req.captureSessionId && target.runId !== req.runId)) {
    throw new DomainError("NOT_FOUND", req.captureSessionId ? "Capture session not found." : "Run not found.");
  }
}

/** One chunk through the pipeline; a chunk whose every reading is rejected still contributes its rejections. */
async function ingestChunk(ctx: UserContext, req: ImportRequest, rows: CsvReading[]): Promise<IngestReceipt> {
  const target = { runId: req.runId, captureSessionId: req.captureSessionId };
  try {
    return await ingestBatch(ctx.db, { sensorId: req.sensorId, target, readings: rows.map((r) => r.reading), source: "csv" });
  } catch (error) {
    const receipt = error instanceof DomainError && error.code === "UNPROCESSABLE" ? (error.details?.receipt as IngestReceipt | undefined) : undefined;
    if (!receipt) throw error;
    return receipt;
  }
}

export async function importCsv(ctx: UserContext, req: ImportRequest): Promise<ImportReceipt> {
  await authorize(ctx, req);
  const rows = parseReadingsCsv(req.csv);
  const total: ImportReceipt = { lines: rows.length, accepted: 0, duplicates: 0, rejected: [], capture_session_id: null, run_id: null };
  for (let start = 0; start < rows.length; start += IMPORT_CHUNK_SIZE) {
    const chunk = rows.slice(start, start + IMPORT_CHUNK_SIZE);
    const part = await ingestChunk(ctx, req, chunk);
    total.accepted += part.accepted;
    total.duplicates += part.duplicates;
    total.rejected.push(...part.rejected.map(({ index, code, message }) => ({ line: chunk[index]?.line ?? -1, code, message })));
    total.capture_session_id = part.capture_session_id;
    total.run_id = part.run_id;
  }
  if (total.accepted + total.duplicates === 0) throw new DomainError("UNPROCESSABLE", "Every line of the CSV file was rejected.", { receipt: total });
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: "telemetry.csv_imported",
      entityType: "sensor",
      entityId: req.sensorId,
      projectId: req.projectId,
      after: { ...total, rejected: total.rejected.length },
    }),
  );
  return total;
}
