import { describe, expect, it } from "vitest";
import { draftSpecSchema, lookupLines, parseCoefficients, parseLookupLines, parseNumber, sensorChanges, specFieldErrors } from "./sensor-format";

describe("parseNumber", () => {
  it("reads finite numbers only", () => {
    expect(parseNumber(" 2.5 ")).toBe(2.5);
    expect(parseNumber("-1e3")).toBe(-1000);
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("abc")).toBeNull();
    expect(parseNumber("Infinity")).toBeNull();
    expect(parseNumber("1e999")).toBeNull();
  });
});

describe("parseCoefficients", () => {
  it("splits on commas", () => {
    expect(parseCoefficients("1, -0.5,2e-3")).toEqual({ ok: true, value: [1, -0.5, 0.002] });
  });
  it("refuses empty text, empty pieces and words", () => {
    expect(parseCoefficients("  ")).toEqual({ ok: false, error: "Enter at least one coefficient" });
    expect(parseCoefficients("1,,2")).toEqual({ ok: false, error: "c1: “” is not a finite number" });
    expect(parseCoefficients("1, x")).toEqual({ ok: false, error: "c1: “x” is not a finite number" });
  });
});

describe("parseLookupLines", () => {
  it("reads raw,value lines and skips blank ones", () => {
    expect(parseLookupLines("0,10\n\n 5 , 20 \r\n10,30")).toEqual({
      ok: true,
      value: [
        { raw: 0, value: 10 },
        { raw: 5, value: 20 },
        { raw: 10, value: 30 },
      ],
    });
  });
  it("names the bad line", () => {
    expect(parseLookupLines("0,1\n2")).toEqual({ ok: false, error: "Line 2: write two finite numbers as raw,value" });
    expect(parseLookupLines("0,1,2")).toEqual({ ok: false, error: "Line 1: write two finite numbers as raw,value" });
  });
  it("round-trips through lookupLines", () => {
    const points = [{ raw: -1, value: 0.5 }, { raw: 3, value: 7 }];
    expect(parseLookupLines(lookupLines(points))).toEqual({ ok: true, value: points });
  });
});

describe("draftSpecSchema", () => {
  it("builds each kind of spec from text", () => {
    expect(draftSpecSchema.parse({ kind: "linear", gain: "2", offset: "-1", coefficients: "ignored" })).toEqual({ kind: "linear", gain: 2, offset: -1 });
    expect(draftSpecSchema.parse({ kind: "polynomial", coefficients: "1,2" })).toEqual({ kind: "polynomial", coefficients: [1, 2] });
    expect(draftSpecSchema.parse({ kind: "lookup", points: "0,0\n1,1", outOfRange: "reject" })).toEqual({
      kind: "lookup",
      points: [{ raw: 0, value: 0 }, { raw: 1, value: 1 }],
      outOfRange: "reject",
    });
  });
  it("puts parse errors on the field", () => {
    const result = draftSpecSchema.safeParse({ kind: "linear", gain: "x", offset: "0" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["gain", "Enter a finite number"]]);
  });
});

describe("specFieldErrors", () => {
  it("folds nested paths onto their field", () => {
    expect(
      specFieldErrors({ "spec.points.2.raw": ["Raw values must increase strictly: 1 ≤ 2"], "spec.coefficients.0": ["Enter a finite number"], "spec.gain": ["x"], spec: undefined }),
    ).toEqual({
      "spec.points": ["Point 3 raw: Raw values must increase strictly: 1 ≤ 2"],
      "spec.coefficients": ["c0: Enter a finite number"],
      "spec.gain": ["x"],
    });
  });
});

describe("sensorChanges", () => {
  it("keeps only changed fields, metadata compared as JSON", () => {
    const before = { name: "T1", type: "generic", unit: "°C", rawUnit: "mV", description: "", metadata: { a: 1, b: 2 } };
    expect(sensorChanges(before, { ...before, metadata: { b: 2, a: 1 } })).toEqual({});
    expect(sensorChanges(before, { ...before, unit: "K", metadata: {} })).toEqual({ unit: "K", metadata: {} });
  });
});
