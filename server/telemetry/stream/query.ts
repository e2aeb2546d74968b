// The stream's query string: run_id, capture_session_id and sensor_id, each repeatable, at least one and at most
// MAX_STREAM_TARGETS in all; the resume cursor from Last-Event-ID (which wins: EventSource resends the original URL) or ?since=.
import { z } from "zod";
import { idSchema } from "../../../contracts/common";
import type { StreamTargets } from "../../../db/queries/telemetry-stream";
import { decodeCursor } from "../../../domain/telemetry/cursor";

export const MAX_STREAM_TARGETS = 20;

const ids = z.array(idSchema).max(MAX_STREAM_TARGETS, { message: `Use at most ${MAX_STREAM_TARGETS} ids` });

const streamQuery = z
  .object({ run_id: ids, capture_session_id: ids, sensor_id: ids, since: z.string().max(10_000).optional() })
  .refine((q) => q.run_id.length + q.capture_session_id.length + q.sensor_id.length > 0, {
    message: "Select at least one run_id, capture_session_id or sensor_id",
    path: ["run_id"],
  })
  .refine((q) => q.run_id.length + q.capture_session_id.length + q.sensor_id.length <= MAX_STREAM_TARGETS, {
    message: `Select at most ${MAX_STREAM_TARGETS} targets in all`,
    path: ["run_id"],
  });

export interface StreamRequest {
  targets: StreamTargets;
  /** Null: start live. */
  cursor: Map<string, number> | null;
}

/** Throws ZodError or DomainError BAD_INPUT, both answered 400 with field detail. */
export function parseStreamRequest(url: URL, lastEventId: string | undefined): StreamRequest {
  const q = streamQuery.parse({
    run_id: url.searchParams.getAll("run_id"),
    capture_session_id: url.searchParams.getAll("capture_session_id"),
    sensor_id: url.searchParams.getAll("sensor_id"),
    since: url.searchParams.get("since") ?? undefined,
  });
  const cursorText = lastEventId?.trim() || q.since;
  const unique = (list: string[]) => [...new Set(list.map((id) => id.toLowerCase()))];
  return {
    targets: { runIds: unique(q.run_id), sessionIds: unique(q.capture_session_id), sensorIds: unique(q.sensor_id) },
    cursor: cursorText ? decodeCursor(cursorText) : null,
  };
}
