import { describe, expect, it } from "vitest";
import { csvStream, neutraliseFormula } from "./streams";

async function* rowsOf<T>(rows: T[]) {
  yield* rows;
}

describe("CSV exports", () => {
  it.each([
    ["=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"],
    ["+1-2", "'+1-2"],
    ["-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["plain", "plain"],
    ["a=b", "a=b"],
    ["", ""],
  ])("neutralises %j as %j", (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it("prefixes formula-like text cells and leaves numbers, booleans and plain text alone", async () => {
    const body = csvStream(["name", "value", "ok"], rowsOf([{ name: "=1+1", value: -1.5, ok: true }, { name: "Run A", value: 2, ok: false }]));
    const text = await new Response(body).text();
    expect(text).toBe("name,value,ok\n'=1+1,-1.5,true\nRun A,2,false\n");
  });
});
