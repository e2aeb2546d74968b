// Conversion profiles turn a sensor's raw reading into an engineering value.
// Validation runs once when a profile is saved, so convert() can stay a cheap per-sample function.
import { DomainError } from "../errors";

export const CONVERSION_KINDS = ["linear", "polynomial", "lookup"] as const;
export type ConversionKind = (typeof CONVERSION_KINDS)[number];

export const MAX_POLYNOMIAL_COEFFICIENTS = 6;
export const MIN_LOOKUP_POINTS = 2;
export const MAX_LOOKUP_POINTS = 1000;
export const LOOKUP_OUT_OF_RANGE = ["clamp", "reject"] as const;

export type ConversionSpec =
  | { kind: "linear"; gain: number; offset: number }
  /** coefficients[i] multiplies raw^i; 1–6 coefficients, so degree ≤ 5. */
  | { kind: "polynomial"; coefficients: number[] }
  | { kind: "lookup"; points: { raw: number; value: number }[]; outOfRange: "clamp" | "reject" };

export type ConversionResult = { ok: true; value: number } | { ok: false; code: "invalid_value" | "out_of_range" };

const isFiniteNumber = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n);
const FINITE = "Enter a finite number";

/** Collects every problem (keyed by field path, e.g. `points.3.raw`) so a form can show them all at once. */
export function validateConversionSpec(spec: ConversionSpec): void {
  const fieldErrors: Record<string, string[]> = {};
  const add = (path: string, message: string) => (fieldErrors[path] ??= []).push(message);
  // Specs arrive as JSON, so the checks do not trust the static type.
  const loose = spec as unknown as Record<string, unknown> | null;

  if (loose === null || typeof loose !== "object") {
    add("kind", `Choose one of: ${CONVERSION_KINDS.join(", ")}`);
  } else if (loose.kind === "linear") {
    if (!isFiniteNumber(loose.gain)) add("gain", FINITE);
    if (!isFiniteNumber(loose.offset)) add("offset", FINITE);
  } else if (loose.kind === "polynomial") {
    const coefficients = loose.coefficients;
    if (!Array.isArray(coefficients) || coefficients.length === 0) {
      add("coefficients", "Enter at least one coefficient");
    } else {
      if (coefficients.length > MAX_POLYNOMIAL_COEFFICIENTS) {
        add("coefficients", `Use at most ${MAX_POLYNOMIAL_COEFFICIENTS} coefficients (degree ≤ ${MAX_POLYNOMIAL_COEFFICIENTS - 1})`);
      }
      coefficients.forEach((c, i) => {
        if (!isFiniteNumber(c)) add(`coefficients.${i}`, FINITE);
      });
    }
  } else if (loose.kind === "lookup") {
    if (!(LOOKUP_OUT_OF_RANGE as readonly unknown[]).includes(loose.outOfRange)) {
      add("outOfRange", `Choose one of: ${LOOKUP_OUT_OF_RANGE.join(", ")}`);
    }
    const points = loose.points;
    if (!Array.isArray(points) || points.length < MIN_LOOKUP_POINTS) {
      add("points", `A lookup table needs at least ${MIN_LOOKUP_POINTS} points`);
    } else if (points.length > MAX_LOOKUP_POINTS) {
      // Skip per-point checks: the table is refused anyway and thousands of messages help nobody.
      add("points", `A lookup table holds at most ${MAX_LOOKUP_POINTS} points`);
    }
    if (Array.isArray(points) && points.length <= MAX_LOOKUP_POINTS) {
      let previousRaw: number | null = null;
      points.forEach((p: unknown, i) => {
        const point = (p !== null && typeof p === "object" ? p : {}) as Record<string, unknown>;
        const raw = point.raw;
        if (!isFiniteNumber(raw)) add(`points.${i}.raw`, FINITE);
        if (!isFiniteNumber(point.value)) add(`points.${i}.value`, FINITE);
        if (isFiniteNumber(raw)) {
          if (previousRaw !== null && raw <= previousRaw) add(`points.${i}.raw`, `Raw values must increase strictly: ${raw} ≤ ${previousRaw}`);
          previousRaw = raw;
        }
      });
    }
  } else {
    add("kind", `Choose one of: ${CONVERSION_KINDS.join(", ")}`);
  }

  const count = Object.keys(fieldErrors).length;
  if (count > 0) {
    throw new DomainError("BAD_INPUT", `The conversion profile has ${count} invalid field${count === 1 ? "" : "s"}.`, { fieldErrors });
  }
}

/** Assumes a spec that passed validateConversionSpec. Never throws: a bad sample is reported, not fatal. */
export function convert(spec: ConversionSpec, raw: number): ConversionResult {
  if (!Number.isFinite(raw)) return { ok: false, code: "invalid_value" };
  let value: number;
  switch (spec.kind) {
    case "linear":
      value = spec.gain * raw + spec.offset;
      break;
    case "polynomial": {
      value = 0;
      for (let i = spec.coefficients.length - 1; i >= 0; i--) value = value * raw + (spec.coefficients[i] ?? 0);
      break;
    }
    case "lookup": {
      const result = lookup(spec.points, spec.outOfRange, raw);
      if (!result.ok) return result;
      value = result.value;
      break;
    }
  }
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, code: "invalid_value" };
}

function lookup(points: readonly { raw: number; value: number }[], outOfRange: "clamp" | "reject", raw: number): ConversionResult {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return { ok: false, code: "invalid_value" };
  if (raw < first.raw) return outOfRange === "clamp" ? { ok: true, value: first.value } : { ok: false, code: "out_of_range" };
  if (raw > last.raw) return outOfRange === "clamp" ? { ok: true, value: last.value } : { ok: false, code: "out_of_range" };

  // Binary search for the last point with point.raw ≤ raw.
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (points[mid]!.raw <= raw) lo = mid;
    else hi = mid - 1;
  }
  const left = points[lo]!;
  if (left.raw === raw) return { ok: true, value: left.value };
  const right = points[lo + 1]!;
  // Halving keeps the span finite for tables that cover most of the double range.
  const t = (raw / 2 - left.raw / 2) / (right.raw / 2 - left.raw / 2);
  // Weighted form stays finite and hits both ends exactly, unlike v0 + (v1 - v0)·t.
  return { ok: true, value: left.value * (1 - t) + right.value * t };
}

export function describeConversion(spec: ConversionSpec): string {
  switch (spec.kind) {
    case "linear": {
      const term = spec.gain === 0 ? "" : spec.gain === 1 ? "raw" : spec.gain === -1 ? "-raw" : `${spec.gain}·raw`;
      if (term === "") return `value = ${spec.offset}`;
      if (spec.offset === 0) return `value = ${term}`;
      return `value = ${term} ${spec.offset < 0 ? "-" : "+"} ${Math.abs(spec.offset)}`;
    }
    case "polynomial":
      return `polynomial of degree ${Math.max(0, spec.coefficients.length - 1)}`;
    case "lookup":
      return `lookup table, ${spec.points.length} points, ${spec.outOfRange === "clamp" ? "clamps" : "rejects out-of-range"}`;
  }
}
