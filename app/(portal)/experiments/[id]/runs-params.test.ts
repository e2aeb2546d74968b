import { describe, expect, it } from "vitest";
import { paramLinesText, parseParamLines, parseParamValue } from "./runs-params";

describe("parseParamValue", () => {
  it.each([
    ["true", true],
    ["false", false],
    [" 42 ", 42],
    ["-0.5", -0.5],
    [".5", 0.5],
    ["1e-3", 0.001],
    ["adam", "adam"],
    ['"42"', "42"],
    ['"true"', "true"],
    ['"say \\"hi\\""', 'say "hi"'],
    ['"unterminated \\"', 'unterminated \\'],
    ["", ""],
    ["TRUE", "TRUE"],
    ["0x10", "0x10"],
    ["1e999", "1e999"],
    ["12345678901234567890", "12345678901234567890"],
    ["NaN", "NaN"],
    ["a=b", "a=b"],
  ])("reads %j as %j", (text, value) => {
    expect(parseParamValue(text)).toEqual(value);
  });
});

describe("parseParamLines", () => {
  it("reads typed params, skipping blank lines", () => {
    const result = parseParamLines("lr = 0.01\n\n  optimizer=adam\r\nwarmup=true\nlabel=\"007\"\nexpr=a=b\nempty=");
    expect(result.errors).toEqual([]);
    expect(result.params).toEqual({ lr: 0.01, optimizer: "adam", warmup: true, label: "007", expr: "a=b", empty: "" });
    expect(result.lines.get("optimizer")).toBe(3);
  });

  it("reports each bad line by number", () => {
    const result = parseParamLines("lr=0.1\njust text\n=5\nlr=0.2");
    expect(result.errors).toEqual([
      "Line 2: use key=value",
      "Line 3: put the param name before “=”",
      "Line 4: “lr” is already set on line 1",
    ]);
  });

  it("treats __proto__ as a plain key", () => {
    const { params } = parseParamLines("__proto__=1");
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(Object.keys(params)).toEqual(["__proto__"]);
  });

  it("reads an empty text as no params", () => {
    expect(parseParamLines("  \n")).toEqual({ params: {}, errors: [], lines: new Map() });
  });
});

describe("paramLinesText", () => {
  it("passes valid params through", () => {
    expect(paramLinesText.parse("a=1\nb=x")).toEqual({ a: 1, b: "x" });
  });

  it("turns line errors into issues on the field", () => {
    const result = paramLinesText.safeParse("a=1\nnope");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([[[], "Line 2: use key=value"]]);
  });

  it("names the line of a contract violation", () => {
    const result = paramLinesText.safeParse(`a=1\nlong=${"x".repeat(1001)}`);
    expect(result.error?.issues.map((i) => i.message)).toEqual(["Line 2: Use at most 1000 characters"]);
  });
});
