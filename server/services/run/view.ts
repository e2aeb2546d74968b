// How a run is shown in lists, comparisons and after writes, and the opaque keyset cursor of the run list.
import type { RunListAfter, RunListColumns, RunListSort, RunRow } from "../../../db/queries/runs";
import { DomainError } from "../../../domain/errors";
import { runDurationMs } from "../../../domain/run/rules";

export function toRunItem(run: RunListColumns, sessionCount: number, now: Date = new Date()) {
  return {
    id: run.id,
    experimentId: run.experimentId,
    name: run.name,
    status: run.status,
    params: run.params,
    metadata: run.metadata,
    tags: run.tags,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    createdAt: run.createdAt,
    durationMs: runDurationMs(run.startedAt, run.finishedAt, now),
    sessionCount,
  };
}
export type RunItem = ReturnType<typeof toRunItem>;

/** The state a status change leaves the run in. */
export function toRunState(run: RunRow) {
  return {
    id: run.id,
    status: run.status,
    failureReason: run.failureReason,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: runDurationMs(run.startedAt, run.finishedAt),
  };
}

/** Ids once each, in the order first given. */
export function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

// The cursor names its sort, so a cursor from one sort order cannot silently skip rows in another.
interface CursorData {
  f: RunListSort["field"];
  d: RunListSort["direction"];
  v: string | null;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UTC_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeRunCursor(sort: RunListSort, value: string | null, id: string): string {
  const data: CursorData = { f: sort.field, d: sort.direction, v: value, id };
  return Buffer.from(JSON.stringify(data)).toString("base64url");
}

function invalidCursor(message = "This page link is not valid. Start from the first page."): DomainError {
  return new DomainError("BAD_INPUT", message, { fieldErrors: { cursor: ["Invalid cursor"] } });
}

export function decodeRunCursor(cursor: string, sort: RunListSort): RunListAfter {
  let data: Partial<CursorData>;
  try {
    data = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<CursorData>;
  } catch {
    throw invalidCursor();
  }
  if (!data || typeof data !== "object" || typeof data.id !== "string" || !UUID.test(data.id)) throw invalidCursor();
  if (data.f !== sort.field || data.d !== sort.direction) throw invalidCursor("The sort changed since this page was loaded. Start from the first page.");
  const value = data.v;
  const isTime = sort.field === "createdAt" || sort.field === "startedAt";
  if (value === null) {
    if (sort.field !== "startedAt") throw invalidCursor();
  } else if (typeof value !== "string" || value.includes("\0") || (isTime && (!UTC_MICROS.test(value) || Number.isNaN(Date.parse(value))))) {
    // PostgreSQL text cannot hold NUL: a forged cursor carrying one must be a 400, not a driver error.
    throw invalidCursor();
  }
  return { value: value ?? null, id: data.id };
}
