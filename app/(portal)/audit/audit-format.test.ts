import { describe, expect, it } from "vitest";
import { isoToLocalInput, localInputToIso, parseIso, shortId } from "./audit-format";

describe("audit-format", () => {
  it("round-trips a datetime-local value through ISO", () => {
    const iso = localInputToIso("2025-03-01T14:05");
    expect(iso).toMatch(/^2025-0[23]-\d\dT\d\d:\d\d:00\.000Z$/);
    expect(isoToLocalInput(iso)).toBe("2025-03-01T14:05");
  });

  it("treats empty and invalid dates as unset", () => {
    expect(localInputToIso("")).toBe("");
    expect(localInputToIso("not a date")).toBe("");
    expect(isoToLocalInput("nope")).toBe("");
    expect(parseIso(null)).toBeUndefined();
    expect(parseIso("2025-01-01T00:00:00.000Z")?.getTime()).toBe(Date.UTC(2025, 0, 1));
  });

  it("shortens long ids only", () => {
    expect(shortId("0f9a1c2e-1111-2222-3333-444455556666")).toBe("0f9a1c2e…");
    expect(shortId("abc")).toBe("abc");
  });
});
