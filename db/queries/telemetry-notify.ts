// NOTIFY payloads of the telemetry fan-out. Sent inside the writing transaction, so PostgreSQL delivers them on commit
// and in commit order; every app process LISTENs once (server/telemetry/stream) and fans out to its SSE subscribers.
import { sql } from "drizzle-orm";
import type { Queryable } from "../client";

export const TELEMETRY_CHANNEL = "etp_telemetry";
export const STATUS_CHANNEL = "etp_status";
/** A credential was rotated or revoked: processes drop it from their token caches. Payload: the token hash. */
export const CREDENTIALS_CHANNEL = "etp_credentials";

/** Readings `fromSeq..toSeq` (inclusive) of one sensor have committed; listeners read them back by seq. */
export interface TelemetryNotice {
  sensorId: string;
  fromSeq: number;
  toSeq: number;
  runId: string | null;
  captureSessionId: string | null;
}

export interface StatusNotice {
  kind: "run" | "capture_session";
  id: string;
  runId: string;
  projectId: string;
  status: string;
}

export async function notifyTelemetry(q: Queryable, notice: TelemetryNotice): Promise<void> {
  await q.execute(sql`select pg_notify(${TELEMETRY_CHANNEL}, ${JSON.stringify(notice)})`);
}

export async function notifyStatus(q: Queryable, notice: StatusNotice): Promise<void> {
  await q.execute(sql`select pg_notify(${STATUS_CHANNEL}, ${JSON.stringify(notice)})`);
}

export async function notifyCredentialChange(q: Queryable, tokenHash: string): Promise<void> {
  await q.execute(sql`select pg_notify(${CREDENTIALS_CHANNEL}, ${tokenHash})`);
}
