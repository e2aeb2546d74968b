import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { decodeCursor, encodeCursor, MAX_CURSOR_SENSORS } from "./cursor";

const A = "0f8fad5b-d9cb-469f-a165-70867728950e";
const B = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

describe("stream cursor", () => {
  it("round-trips a map of sensors to seqs, independent of insertion order", () => {
    const one = encodeCursor(new Map([[B, 7], [A, 123456789012]]));
    const two = encodeCursor(new Map([[A, 123456789012], [B, 7]]));
    expect(one).toBe(two);
    expect(one).toBe("0f8fad5bd9cb469fa16570867728950e-123456789012.7c9e6679742540de944be07fc1f90ae7-7");
    expect(decodeCursor(one)).toEqual(new Map([[A, 123456789012], [B, 7]]));
  });

  it("uses only URL-unreserved characters", () => {
    expect(encodeCursor(new Map([[A, 1], [B, 2]]))).toMatch(/^[A-Za-z0-9._~-]+$/);
  });

  it("encodes the empty cursor as 0 (an empty SSE id would reset Last-Event-ID)", () => {
    expect(encodeCursor(new Map())).toBe("0");
    expect(decodeCursor("0")).toEqual(new Map());
  });


  it.each([
    ["empty", ""],
    ["not an entry", "hello"],
    ["dashed uuid", `${A}-5`],
    ["short id", "0f8fad5b-5"],
    ["negative seq", "0f8fad5bd9cb469fa16570867728950e--5"],
    ["fractional seq", "0f8fad5bd9cb469fa16570867728950e-1.5"],
    ["seq too large", "0f8fad5bd9cb469fa16570867728950e-9999999999999999"],
    ["duplicate sensor", "0f8fad5bd9cb469fa16570867728950e-1.0f8fad5bd9cb469fa16570867728950e-2"],
    ["trailing separator", "0f8fad5bd9cb469fa16570867728950e-1."],
    ["upper-case hex", "0F8FAD5BD9CB469FA16570867728950E-5"],
  ])("refuses a malformed cursor (%s) with BAD_INPUT", (_, text) => {
    expect(() => decodeCursor(text)).toThrow(DomainError);
    try {
      decodeCursor(text);
    } catch (error) {
      expect((error as DomainError).code).toBe("BAD_INPUT");
    }
  });

  it("refuses more sensors than the cap", () => {
    const hex = (i: number) => i.toString(16).padStart(32, "0");
    const text = Array.from({ length: MAX_CURSOR_SENSORS + 1 }, (_, i) => `${hex(i)}-1`).join(".");
    expect(() => decodeCursor(text)).toThrow(/more than/);
  });
});
