// The resume position of a live telemetry stream. seq is per sensor, so a stream over several sensors carries the last
// delivered seq of each: "<sensor id without dashes>-<seq>" entries joined by ".", sorted by sensor id; "0" when empty.
// Only URL-unreserved characters, so the same text works as an SSE `id:`, a Last-Event-ID header and `?since=`.
import { DomainError } from "../errors";

export type StreamCursor = ReadonlyMap<string, number>;

export const MAX_CURSOR_SENSORS = 200;
const EMPTY = "0";
const ENTRY = /^([0-9a-f]{32})-(\d{1,15})$/;

const compact = (uuid: string) => uuid.replaceAll("-", "").toLowerCase();
const expand = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

export function encodeCursor(cursor: StreamCursor): string {
  if (cursor.size === 0) return EMPTY;
  return [...cursor]
    .map(([sensorId, seq]) => `${compact(sensorId)}-${seq}`)
    .sort()
    .join(".");
}

const malformed = (why: string) => new DomainError("BAD_INPUT", `The stream cursor is malformed: ${why}.`, { fieldErrors: { since: [why] } });

/** Parses a cursor from Last-Event-ID or ?since=; throws BAD_INPUT (400) on anything this module did not write. */
export function decodeCursor(text: string): Map<string, number> {
  const cursor = new Map<string, number>();
  if (text === EMPTY) return cursor;
  const entries = text.split(".");
  if (entries.length > MAX_CURSOR_SENSORS) throw malformed(`more than ${MAX_CURSOR_SENSORS} sensors`);
  for (const entry of entries) {
    const match = ENTRY.exec(entry);
    if (!match) throw malformed(`"${entry.slice(0, 60)}" is not <sensor>-<seq>`);
    const sensorId = expand(match[1]!);
    const seq = Number(match[2]);
    if (!Number.isSafeInteger(seq)) throw malformed("seq out of range");
    if (cursor.has(sensorId)) throw malformed("a sensor appears twice");
    cursor.set(sensorId, seq);
  }
  return cursor;
}
