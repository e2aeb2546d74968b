// Device timestamps arrive as ISO-8601 strings (with a zone) or epoch milliseconds. Parsing is strict on purpose:
// Date.parse rolls "02-30" over into March and reads zone-less strings as local time, which would file data silently wrong.
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/** 1970-01-01 to 9999-12-31: what both JSON epochs and PostgreSQL timestamptz represent without surprises. */
export const MIN_EPOCH_MS = 0;
export const MAX_EPOCH_MS = 253_402_300_799_999;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Epoch milliseconds, or null when the value is not a valid timestamp. */
export function parseTimestamp(value: unknown): number | null {
  let ms: number;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    ms = Math.floor(value);
  } else if (typeof value === "string") {
    const m = ISO.exec(value);
    if (!m) return null;
    const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [number, number, number, number, number, number];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    if (hour > 23 || minute > 59 || second > 59) return null;
    ms = Date.parse(value);
    if (Number.isNaN(ms)) return null;
  } else {
    return null;
  }
  return ms >= MIN_EPOCH_MS && ms <= MAX_EPOCH_MS ? ms : null;
}
