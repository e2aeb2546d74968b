// Per-reading validation and conversion. A bad reading is reported in the receipt with a code and never fails the
// batch: a sensor that sends one NaN must not lose the 999 good readings around it.
import { convert, type ConversionSpec } from "../conversion/profile";
import { correctTimestamp } from "./clock-offset";
import { parseTimestamp } from "./timestamps";

export const READING_REJECTION_CODES = ["invalid_value", "invalid_timestamp", "timestamp_in_future", "out_of_range"] as const;
export type ReadingRejectionCode = (typeof READING_REJECTION_CODES)[number];

/** Readings more than this far ahead of the server clock (after clock correction) are refused. */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export interface ReadingRejection {
  index: number;
  code: ReadingRejectionCode;
  message: string;
}

export interface ValidReading {
  index: number;
  deviceTimeMs: number;
  timeMs: number;
  raw: number;
  value: number;
  meta: Record<string, unknown> | null;
}

export interface ReadingRules {
  nowMs: number;
  /** The active profile's spec; null converts identically (value = raw). */
  spec: ConversionSpec | null;
  clockOffsetMs: number | null;
  clockCorrection: boolean;
}

export interface ValidatedBatch {
  valid: ValidReading[];
  rejected: ReadingRejection[];
  /** Valid readings whose (corrected) time repeats an earlier one in the same batch: counted as duplicates. */
  batchDuplicates: number;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return value === null ? "null" : typeof value;
}

export const MAX_META_DEPTH = 16;
// PostgreSQL's jsonb refuses \u0000 and unpaired surrogates; caught here they are a receipt entry, not a 500.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why jsonb could not store this meta object, or null. Iterative, so a hostile nesting depth cannot blow the stack. */
export function metaProblem(meta: Record<string, unknown>): string | null {
  const stack: [unknown, number][] = [[meta, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === "string") {
      if (UNSTORABLE.test(value)) return "meta contains a NUL character or an unpaired surrogate.";
    } else if (value !== null && typeof value === "object") {
      if (depth > MAX_META_DEPTH) return `meta is nested deeper than ${MAX_META_DEPTH} levels.`;
      for (const [key, child] of Object.entries(value)) {
        if (UNSTORABLE.test(key)) return "meta contains a NUL character or an unpaired surrogate.";
        stack.push([child, depth + 1]);
      }
    }
  }
  return null;
}

export function validateReading(item: unknown, index: number, rules: ReadingRules): ValidReading | ReadingRejection {
  if (!isPlainObject(item)) return { index, code: "invalid_value", message: "A reading must be an object with timestamp and raw_value." };
  const deviceTimeMs = parseTimestamp(item.timestamp);
  if (deviceTimeMs === null) {
    return { index, code: "invalid_timestamp", message: `timestamp must be ISO-8601 with a zone or epoch ms (got ${describe(item.timestamp)}).` };
  }
  const raw = item.raw_value;
  if (typeof raw !== "number" || !Number.isFinite(raw)) {
    return { index, code: "invalid_value", message: `raw_value must be a finite number (got ${describe(raw)}).` };
  }
  if (item.meta !== undefined && item.meta !== null) {
    const problem = isPlainObject(item.meta) ? metaProblem(item.meta) : "meta must be an object when present.";
    if (problem) return { index, code: "invalid_value", message: problem };
  }
  const timeMs = correctTimestamp(deviceTimeMs, rules.clockOffsetMs, rules.clockCorrection);
  if (timeMs > rules.nowMs + FUTURE_TOLERANCE_MS) {
    return { index, code: "timestamp_in_future", message: "timestamp is more than 5 minutes ahead of the server clock (after clock correction)." };
  }
  let value = raw;
  if (rules.spec) {
    const converted = convert(rules.spec, raw);
    if (!converted.ok) {
      return converted.code === "out_of_range"
        ? { index, code: "out_of_range", message: `raw_value ${raw} is outside the conversion table's range.` }
        : { index, code: "invalid_value", message: `raw_value ${raw} does not convert to a finite value.` };
    }
    value = converted.value;
  }
  return { index, deviceTimeMs, timeMs, raw, value, meta: (item.meta as Record<string, unknown> | undefined) ?? null };
}

export function validateReadings(items: readonly unknown[], rules: ReadingRules): ValidatedBatch {
  const valid: ValidReading[] = [];
  const rejected: ReadingRejection[] = [];
  const seen = new Set<number>();
  let batchDuplicates = 0;
  items.forEach((item, index) => {
    const result = validateReading(item, index, rules);
    if ("code" in result) return void rejected.push(result);
    if (seen.has(result.timeMs)) return void batchDuplicates++;
    seen.add(result.timeMs);
    valid.push(result);
  });
  return { valid, rejected, batchDuplicates };
}
