// Pure helpers of the sensor pages: the conversion editor's text fields parsed into a spec, server field errors folded
// onto those fields, and small display strings. Relative imports only: this module is unit-tested.
import { z } from "zod";
import type { FieldErrors } from "../../_lib/errors";
import { changedKeys } from "../../_lib/json";

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** A finite number from text, or null ("", "abc", "Infinity" and "1e999" are not). */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

/** "c0, c1, …" → numbers; empty pieces are errors, so "1,,2" is not silently "1, 2". */
export function parseCoefficients(text: string): ParseResult<number[]> {
  if (text.trim() === "") return { ok: false, error: "Enter at least one coefficient" };
  const values: number[] = [];
  for (const [i, piece] of text.split(",").entries()) {
    const n = parseNumber(piece);
    if (n === null) return { ok: false, error: `c${i}: “${piece.trim()}” is not a finite number` };
    values.push(n);
  }
  return { ok: true, value: values };
}

/** One `raw,value` point per line; blank lines are skipped, line numbers in errors count every line. */
export function parseLookupLines(text: string): ParseResult<{ raw: number; value: number }[]> {
  const points: { raw: number; value: number }[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === "") continue;
    const parts = line.split(",");
    const raw = parts.length === 2 ? parseNumber(parts[0]!) : null;
    const value = parts.length === 2 ? parseNumber(parts[1]!) : null;
    if (raw === null || value === null) return { ok: false, error: `Line ${i + 1}: write two finite numbers as raw,value` };
    points.push({ raw, value });
  }
  return { ok: true, value: points };
}

function fromText<T>(parse: (text: string) => ParseResult<T>) {
  return z.string().transform((text, ctx): T => {
    const result = parse(text);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.error });
    return z.NEVER;
  });
}

const numberText = fromText((text) => {
  const n = parseNumber(text);
  return n === null ? { ok: false, error: "Enter a finite number" } : { ok: true, value: n };
});

/** The editor's text fields → a conversion spec; the server still applies the domain rules (degree, monotonic, …). */
export const draftSpecSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("linear"), gain: numberText, offset: numberText }),
  z.object({ kind: z.literal("polynomial"), coefficients: fromText(parseCoefficients) }),
  z.object({ kind: z.literal("lookup"), points: fromText(parseLookupLines), outOfRange: z.enum(["clamp", "reject"]) }),
]);

/** Folds nested server paths (`spec.points.3.raw`, `spec.coefficients.2`) onto the field that shows them. */
export function specFieldErrors(errors: FieldErrors): FieldErrors {
  const folded: FieldErrors = {};
  for (const [path, messages] of Object.entries(errors)) {
    if (!messages) continue;
    const point = /^spec\.points\.(\d+)\.(raw|value)$/.exec(path);
    const coefficient = /^spec\.coefficients\.(\d+)$/.exec(path);
    const [field, prefix] = point
      ? ["spec.points", `Point ${Number(point[1]) + 1} ${point[2]}: `]
      : coefficient
        ? ["spec.coefficients", `c${coefficient[1]}: `]
        : [path, ""];
    folded[field] = [...(folded[field] ?? []), ...messages.map((m) => prefix + m)];
  }
  return folded;
}

/** The lookup points back as editable lines. */
export function lookupLines(points: readonly { raw: number; value: number }[]): string {
  return points.map((p) => `${p.raw},${p.value}`).join("\n");
}

export function unitLabel(sensor: { rawUnit: string; unit: string }): string {
  return `${sensor.rawUnit} → ${sensor.unit}`;
}

export interface EditableSensor {
  name: string;
  type: string;
  unit: string;
  rawUnit: string;
  description: string;
  metadata: Record<string, unknown>;
}

const EDITABLE = ["name", "type", "unit", "rawUnit", "description", "metadata"] as const;

function copyField<K extends keyof EditableSensor>(target: Partial<EditableSensor>, source: EditableSensor, key: K) {
  target[key] = source[key];
}

/** Only the fields whose value differs (JSON-equal, key order aside), so an edit sends and audits what changed. */
export function sensorChanges(before: EditableSensor, after: EditableSensor): Partial<EditableSensor> {
  const changed = changedKeys(before, after) ?? [];
  const changes: Partial<EditableSensor> = {};
  for (const key of EDITABLE) if (changed.includes(key)) copyField(changes, after, key);
  return changes;
}
