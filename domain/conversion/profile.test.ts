import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { CONVERSION_KINDS, type ConversionSpec, convert, describeConversion, validateConversionSpec } from "./profile";

const linear: ConversionSpec = { kind: "linear", gain: 2, offset: 0.5 };
// value = 1 - 2·raw + 3·raw²
const quadratic: ConversionSpec = { kind: "polynomial", coefficients: [1, -2, 3] };
const table = (outOfRange: "clamp" | "reject"): ConversionSpec => ({
  kind: "lookup",
  points: [
    { raw: 0, value: 10 },
    { raw: 10, value: 20 },
    { raw: 20, value: 0 },
  ],
  outOfRange,
});

/** The fieldErrors of the DomainError thrown by validateConversionSpec, or null when it passes. */
function fieldErrorsOf(spec: unknown): Record<string, string[]> | null {
  try {
    validateConversionSpec(spec as ConversionSpec);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe("BAD_INPUT");
    return (e as DomainError).details?.fieldErrors as Record<string, string[]>;
  }
}

describe("convert: known points", () => {
  it.each([
    ["linear at 0", linear, 0, 0.5],
    ["linear at 3", linear, 3, 6.5],
    ["linear at -1.25", linear, -1.25, -2],
    ["linear with gain 0 is a constant", { kind: "linear", gain: 0, offset: 7 }, 1e6, 7],
    ["constant polynomial", { kind: "polynomial", coefficients: [4] }, 123, 4],
    ["quadratic at 0", quadratic, 0, 1],
    ["quadratic at 1", quadratic, 1, 2],
    ["quadratic at 2", quadratic, 2, 9],
    ["quadratic at -1", quadratic, -1, 6],
    ["degree 5 at 2", { kind: "polynomial", coefficients: [0, 0, 0, 0, 0, 1] }, 2, 32],
    ["lookup first point", table("reject"), 0, 10],
    ["lookup middle point", table("reject"), 10, 20],
    ["lookup last point", table("reject"), 20, 0],
    ["lookup exact point with huge opposite values", { kind: "lookup", points: [{ raw: 0, value: -1e308 }, { raw: 1, value: 1e308 }], outOfRange: "reject" }, 0, -1e308],
  ] as [string, ConversionSpec, number, number][])("%s", (_name, spec, raw, expected) => {
    expect(convert(spec, raw)).toEqual({ ok: true, value: expected });
  });
});

describe("convert: lookup interpolation", () => {
  it.each([
    [5, 15],
    [2.5, 12.5],
    [15, 10],
    [17.5, 5],
    [19, 2],
  ])("raw %s → %s", (raw, expected) => {
    const result = convert(table("reject"), raw);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toBeCloseTo(expected, 12);
  });
  it("stays finite across a table spanning most of the double range", () => {
    const spec: ConversionSpec = { kind: "lookup", points: [{ raw: -1e308, value: -1e308 }, { raw: 1e308, value: 1e308 }], outOfRange: "reject" };
    expect(convert(spec, 0)).toEqual({ ok: true, value: 0 });
    const result = convert(spec, 5e307);
    expect(result.ok && result.value).toBeCloseTo(5e307, -295);
  });
  it("finds the right segment in a long table", () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ raw: i, value: i * i }));
    const spec: ConversionSpec = { kind: "lookup", points, outOfRange: "reject" };
    expect(convert(spec, 500.5)).toEqual({ ok: true, value: (500 * 500 + 501 * 501) / 2 });
    expect(convert(spec, 999)).toEqual({ ok: true, value: 999 * 999 });
  });
});

describe("convert: outside the table", () => {
  it.each([
    ["clamp", -1, { ok: true, value: 10 }],
    ["clamp", -1e300, { ok: true, value: 10 }],
    ["clamp", 21, { ok: true, value: 0 }],
    ["clamp", 1e300, { ok: true, value: 0 }],
    ["reject", -0.001, { ok: false, code: "out_of_range" }],
    ["reject", 20.001, { ok: false, code: "out_of_range" }],
  ] as const)("%s at %s", (mode, raw, expected) => {
    expect(convert(table(mode), raw)).toEqual(expected);
  });
});

describe("convert: invalid input and overflow", () => {
  const specs: [string, ConversionSpec][] = [
    ["linear", linear],
    ["polynomial", quadratic],
    ["lookup clamp", table("clamp")],
    ["lookup reject", table("reject")],
  ];
  const bad = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  it.each(specs.flatMap(([name, spec]) => bad.map((raw) => [name, raw, spec] as const)))("%s with raw %s → invalid_value", (_name, raw, spec) => {
    expect(convert(spec, raw)).toEqual({ ok: false, code: "invalid_value" });
  });
  it.each([
    ["linear overflow", { kind: "linear", gain: 1e308, offset: 0 }, 10],
    ["linear overflow negative", { kind: "linear", gain: -1e308, offset: 0 }, 10],
    ["polynomial overflow", { kind: "polynomial", coefficients: [0, 0, 0, 0, 0, 1] }, 1e100],
    ["polynomial Infinity - Infinity", { kind: "polynomial", coefficients: [0, -1e308, 1e308] }, 1e10],
  ] as [string, ConversionSpec, number][])("%s → invalid_value", (_name, spec, raw) => {
    expect(convert(spec, raw)).toEqual({ ok: false, code: "invalid_value" });
  });
});

describe("validateConversionSpec: accepts", () => {
  it.each([
    ["linear", linear],
    ["linear with gain 0", { kind: "linear", gain: 0, offset: 0 }],
    ["polynomial with 1 coefficient", { kind: "polynomial", coefficients: [3] }],
    ["polynomial with 6 coefficients", { kind: "polynomial", coefficients: [1, 2, 3, 4, 5, 6] }],
    ["lookup with 2 points", { kind: "lookup", points: [{ raw: 0, value: 0 }, { raw: 1, value: 1 }], outOfRange: "clamp" }],
    ["lookup with 1000 points", { kind: "lookup", points: Array.from({ length: 1000 }, (_, i) => ({ raw: i, value: 0 })), outOfRange: "reject" }],
    ["lookup with decreasing values", table("clamp")],
  ] as [string, ConversionSpec][])("%s", (_name, spec) => {
    expect(fieldErrorsOf(spec)).toBeNull();
  });
});

describe("validateConversionSpec: rejects with the field path", () => {
  const pts = (...raws: number[]) => raws.map((raw) => ({ raw, value: 0 }));
  it.each([
    ["gain NaN", { kind: "linear", gain: Number.NaN, offset: 0 }, "gain", /finite/],
    ["gain Infinity", { kind: "linear", gain: Number.POSITIVE_INFINITY, offset: 0 }, "gain", /finite/],
    ["offset -Infinity", { kind: "linear", gain: 1, offset: Number.NEGATIVE_INFINITY }, "offset", /finite/],
    ["gain as a string", { kind: "linear", gain: "2", offset: 0 }, "gain", /finite/],
    ["no coefficients", { kind: "polynomial", coefficients: [] }, "coefficients", /at least one/],
    ["7 coefficients", { kind: "polynomial", coefficients: [1, 2, 3, 4, 5, 6, 7] }, "coefficients", /at most 6/],
    ["coefficient 2 NaN", { kind: "polynomial", coefficients: [1, 2, Number.NaN] }, "coefficients.2", /finite/],
    ["coefficient 0 Infinity", { kind: "polynomial", coefficients: [Number.POSITIVE_INFINITY] }, "coefficients.0", /finite/],
    ["lookup with 1 point", { kind: "lookup", points: pts(1), outOfRange: "clamp" }, "points", /at least 2/],
    ["lookup with 0 points", { kind: "lookup", points: [], outOfRange: "clamp" }, "points", /at least 2/],
    ["lookup with 1001 points", { kind: "lookup", points: pts(...Array.from({ length: 1001 }, (_, i) => i)), outOfRange: "clamp" }, "points", /at most 1000/],
    ["raw NaN", { kind: "lookup", points: pts(0, Number.NaN, 2), outOfRange: "clamp" }, "points.1.raw", /finite/],
    ["value Infinity", { kind: "lookup", points: [{ raw: 0, value: 0 }, { raw: 1, value: Number.POSITIVE_INFINITY }], outOfRange: "clamp" }, "points.1.value", /finite/],
    ["duplicate raw", { kind: "lookup", points: pts(1, 2, 3, 4, 4), outOfRange: "clamp" }, "points.4.raw", /^Raw values must increase strictly: 4 ≤ 4$/],
    ["decreasing raw", { kind: "lookup", points: pts(0, 5, 3), outOfRange: "reject" }, "points.2.raw", /^Raw values must increase strictly: 3 ≤ 5$/],
    ["unknown outOfRange", { kind: "lookup", points: pts(0, 1), outOfRange: "extrapolate" }, "outOfRange", /clamp, reject/],
    ["unknown kind", { kind: "spline" }, "kind", /linear, polynomial, lookup/],
  ] as [string, unknown, string, RegExp][])("%s → %s", (_name, spec, path, message) => {
    const errors = fieldErrorsOf(spec);
    expect(errors).not.toBeNull();
    expect(errors?.[path]?.[0]).toMatch(message);
  });

  it("reports every problem at once", () => {
    const errors = fieldErrorsOf({ kind: "lookup", points: [{ raw: 2, value: 0 }, { raw: 1, value: Number.NaN }, { raw: Number.NaN, value: 0 }], outOfRange: "clamp" });
    expect(Object.keys(errors ?? {}).sort()).toEqual(["points.1.raw", "points.1.value", "points.2.raw"]);
  });
  it("compares against the last finite raw after a bad one", () => {
    expect(Object.keys(fieldErrorsOf({ kind: "lookup", points: pts(0, Number.NaN, 0), outOfRange: "clamp" }) ?? {}).sort()).toEqual(["points.1.raw", "points.2.raw"]);
  });
});

describe("describeConversion", () => {
  it.each([
    [linear, "value = 2·raw + 0.5"],
    [{ kind: "linear", gain: 1, offset: 0 }, "value = raw"],
    [{ kind: "linear", gain: -1.5, offset: -3 }, "value = -1.5·raw - 3"],
    [{ kind: "linear", gain: 0, offset: 4 }, "value = 4"],
    [{ kind: "polynomial", coefficients: [1, 2, 3, 4] }, "polynomial of degree 3"],
    [{ kind: "polynomial", coefficients: [5] }, "polynomial of degree 0"],
    [{ kind: "lookup", points: Array.from({ length: 5 }, (_, i) => ({ raw: i, value: i })), outOfRange: "clamp" }, "lookup table, 5 points, clamps"],
    [table("reject"), "lookup table, 3 points, rejects out-of-range"],
  ] as [ConversionSpec, string][])("%j → %s", (spec, expected) => expect(describeConversion(spec)).toBe(expected));
  it("has a description for every kind", () => expect(CONVERSION_KINDS).toEqual(["linear", "polynomial", "lookup"]));
});
