// The ingest pipeline shared by POST /api/v1/telemetry and CSV backfill: resolve the target, apply the late-data
// policy, validate and convert each reading, then write the batch in one transaction of two statements (seq reservation
// under the sensor's ingest-state lock + the target's status under a share lock; then readings + 1 s rollups + batch
// receipt + NOTIFY, delivered on commit).
import type { Db, Queryable } from "../../../db/client";
import * as q from "../../../db/queries/telemetry-write";
import { DomainError } from "../../../domain/errors";
import { CLOCK_OFFSET_MAX_SAMPLES, CLOCK_OFFSET_WINDOW_MS, batchClockOffset, estimateClockOffset } from "../../../domain/telemetry/clock-offset";
import { decideLateData } from "../../../domain/telemetry/late-data";
import { validateReadings, type ReadingRejection, type ValidatedBatch, type ValidReading } from "../../../domain/telemetry/readings";
import { parseTimestamp } from "../../../domain/telemetry/timestamps";

export type IngestRejection = ReadingRejection;

export interface IngestReceipt {
  accepted: number;
  duplicates: number;
  rejected: IngestRejection[];
  capture_session_id: string | null;
  run_id: string | null;
}

export interface IngestRequest {
  sensorId: string;
  target: { runId?: string; captureSessionId?: string };
  sentAt?: string | number | null;
  readings: unknown[];
  idempotencyKey?: string | null;
  source: "api" | "csv";
}

interface ResolvedTarget {
  runId: string | null;
  captureSessionId: string | null;
  late: boolean;
}

const targetNotFound = () => new DomainError("NOT_FOUND", "That run or capture session does not exist, or this sensor is not in its project.");

async function resolveTarget(db: Queryable, sensorId: string, target: IngestRequest["target"], recording: q.RecordingTarget | null): Promise<ResolvedTarget> {
  const explicit = target.captureSessionId
    ? await q.findSessionTargetForSensor(db, { sensorId, captureSessionId: target.captureSessionId, runId: target.runId })
    : target.runId
      ? await q.findRunTargetForSensor(db, { sensorId, runId: target.runId })
      : undefined;
  if (explicit === null) throw targetNotFound();
  if (explicit) {
    const { late } = decideLateData({ runStatus: explicit.runStatus, sessionStatus: explicit.sessionStatus });
    return { runId: explicit.runId, captureSessionId: explicit.captureSessionId, late };
  }
  if (!recording) return { runId: null, captureSessionId: null, late: false };
  return { runId: recording.runId, captureSessionId: recording.captureSessionId, ...decideLateData({ runStatus: recording.runStatus }) };
}

function parseSentAt(sentAt: IngestRequest["sentAt"]): number | null {
  if (sentAt === undefined || sentAt === null) return null;
  const ms = parseTimestamp(sentAt);
  if (ms === null) throw new DomainError("BAD_INPUT", "sent_at is not a valid timestamp.", { fieldErrors: { sent_at: ["Use ISO-8601 with a zone or epoch milliseconds"] } });
  return ms;
}

async function clockEstimate(db: Queryable, sensorId: string, enabled: boolean, offsetMs: number | null, nowMs: number): Promise<number | null> {
  if (!enabled) return null;
  const samples = await q.recentClockOffsets(db, sensorId, new Date(nowMs - CLOCK_OFFSET_WINDOW_MS), CLOCK_OFFSET_MAX_SAMPLES);
  if (offsetMs !== null) samples.unshift({ offsetMs, receivedAtMs: nowMs });
  return estimateClockOffset(samples, nowMs);
}

function columnsOf(valid: readonly ValidReading[]): q.ReadingColumns {
  return {
    times: valid.map((r) => r.timeMs),
    deviceTimes: valid.map((r) => r.deviceTimeMs),
    raw: valid.map((r) => r.raw),
    values: valid.map((r) => r.value),
    metas: valid.map((r) => r.meta),
  };
}

const asReceipt = (stored: Record<string, unknown>) => stored as unknown as IngestReceipt;

interface BatchWrite {
  req: IngestRequest;
  key: string | null;
  context: q.IngestContext;
  target: ResolvedTarget;
  batch: ValidatedBatch;
  sentAtMs: number | null;
  offsetMs: number | null;
}

/** Steps 1–4 in one transaction; the NOTIFY is delivered on commit, after the rows are visible. */
async function writeBatch(db: Db, { req, key, context, target, batch, sentAtMs, offsetMs }: BatchWrite): Promise<IngestReceipt> {
  return db.transaction(async (tx) => {
    const locked = await q.reserveSeqsAndLockTarget(tx, {
      sensorId: req.sensorId, count: batch.valid.length, runId: target.runId, captureSessionId: target.captureSessionId,
    });
    if (key) {
      // Same-key requests of one sensor are serialised by the lock just taken, so this check is exact.
      const stored = await q.findStoredReceipt(tx, req.sensorId, key);
      if (stored) return asReceipt(stored);
    }
    if (target.runId && !locked.target) throw targetNotFound();
    // The late-data decision again, on statuses read under the share lock: a run archived meanwhile refuses the batch.
    const late = locked.target ? decideLateData(locked.target).late : false;
    const { receipt } = await q.insertReadings(
      tx,
      { sensorId: req.sensorId, firstSeq: locked.firstSeq, profileVersion: context.profileVersion, ...target, late, ...columnsOf(batch.valid) },
      {
        sentAt: sentAtMs === null ? null : new Date(sentAtMs), clockOffsetMs: offsetMs, duplicatesBeforeInsert: batch.batchDuplicates + batch.valid.length,
        rejected: batch.rejected, source: req.source, idempotencyKey: key,
      },
    );
    return asReceipt(receipt);
  });
}

/**
 * Ingests one batch for an authenticated sensor. Whole-request failures throw DomainError: NOT_FOUND (target),
 * CONFLICT run_archived, UNPROCESSABLE with details.receipt when every reading is rejected, BAD_INPUT for sent_at.
 * It does not cap the number of readings: callers (the route's contract, CSV backfill) choose their batch size.
 */
export async function ingestBatch(db: Db, req: IngestRequest, now: Date = new Date()): Promise<IngestReceipt> {
  const nowMs = now.getTime();
  const sentAtMs = parseSentAt(req.sentAt);
  const key = req.idempotencyKey ?? null;
  if (key) {
    const stored = await q.findStoredReceipt(db, req.sensorId, key);
    if (stored) return asReceipt(stored);
  }
  const context = await q.loadIngestContext(db, req.sensorId);
  if (!context) throw new DomainError("NOT_FOUND", "That sensor does not exist.");
  const target = await resolveTarget(db, req.sensorId, req.target, context.recording);
  const offsetMs = sentAtMs === null ? null : batchClockOffset(sentAtMs, nowMs);
  const estimate = await clockEstimate(db, req.sensorId, context.clockCorrection, offsetMs, nowMs);
  const batch = validateReadings(req.readings, { nowMs, spec: context.spec, clockOffsetMs: estimate, clockCorrection: context.clockCorrection });
  if (batch.valid.length === 0) {
    const receipt: IngestReceipt = { accepted: 0, duplicates: 0, rejected: batch.rejected, capture_session_id: target.captureSessionId, run_id: target.runId };
    throw new DomainError("UNPROCESSABLE", "Every reading was rejected.", { receipt });
  }
  try {
    return await writeBatch(db, { req, key, context, target, batch, sentAtMs, offsetMs });
  } catch (error) {
    const stored = key && isUniqueViolation(error) ? await q.findStoredReceipt(db, req.sensorId, key) : null;
    if (stored) return asReceipt(stored);
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
