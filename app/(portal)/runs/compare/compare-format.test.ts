import { describe, expect, it } from "vitest";
import { compareRows, parseCompareParams, type ComparedRun } from "./compare-format";

const P = "7d3f2a10-1111-4222-8333-444455556666";
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("parseCompareParams", () => {
  it("accepts 2–10 valid ids, trimmed and de-duplicated", () => {
    expect(parseCompareParams(P, ` ${id(1)}, ${id(2)},,${id(1)}`)).toEqual({ ok: true, projectId: P, ids: [id(1), id(2)] });
    const ten = Array.from({ length: 10 }, (_, i) => id(i)).join(",");
    expect(parseCompareParams(P, ten).ok).toBe(true);
  });

  it.each([
    ["no ids", undefined, /at least 2 different runs to compare; this link has 0/],
    ["one id", id(1), /this link has 1/],
    ["the same id twice", `${id(1)},${id(1)}`, /this link has 1/],
    ["eleven ids", Array.from({ length: 11 }, (_, i) => id(i)).join(","), /at most 10 runs at a time; this link has 11/],
    ["an invalid id", `${id(1)},nope`, /Not valid run ids: “nope”/],
  ])("explains %s", (_what, ids, message) => {
    const result = parseCompareParams(P, ids);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join(" ")).toMatch(message);
  });

  it("asks for a valid project", () => {
    const ids = `${id(1)},${id(2)}`;
    expect(parseCompareParams(undefined, ids)).toEqual({ ok: false, problems: [expect.stringMatching(/which project/)] });
    expect(parseCompareParams("x", ids)).toEqual({ ok: false, problems: ["“x” is not a valid project id."] });
  });
});

const run = (over: Partial<ComparedRun>): ComparedRun => ({ status: "succeeded", durationMs: 1000, tags: [], params: {}, metadata: {}, ...over });

describe("compareRows", () => {
  const comparison = {
    runs: [run({ params: { lr: 0.1, opt: "adam" }, metadata: { op: { name: "Ada" } }, tags: ["a"] }), run({ status: "failed", params: { lr: 0.2, opt: "adam" } })],
    paramKeys: ["lr", "opt"],
    metadataKeys: ["op"],
    differing: { params: ["lr"], metadata: ["op"], tags: true, status: true },
  };

  it("lays out run rows, then params, then metadata, marking the differing ones", () => {
    expect(compareRows(comparison)).toEqual([
      { id: "status", section: "run", label: "Status", cells: ["succeeded", "failed"], differs: true },
      { id: "duration", section: "run", label: "Duration", cells: ["00:00:01", "00:00:01"], differs: false },
      { id: "tags", section: "run", label: "Tags", cells: ["a", ""], differs: true },
      { id: "param:lr", section: "params", label: "lr", cells: ["0.1", "0.2"], differs: true },
      { id: "param:opt", section: "params", label: "opt", cells: ["adam", "adam"], differs: false },
      { id: "metadata:op", section: "metadata", label: "op", cells: ['{"name":"Ada"}', null], differs: true },
    ]);
  });

  it("shows JSON when bare text would hide the difference", () => {
    const rows = compareRows({
      ...comparison,
      runs: [run({ params: { n: "1" } }), run({ params: { n: 1 } })],
      paramKeys: ["n"],
      metadataKeys: [],
      differing: { params: ["n"], metadata: [], tags: false, status: false },
    });
    expect(rows.find((r) => r.id === "param:n")?.cells).toEqual(['"1"', "1"]);
  });

  it("marks durations that differ, and never-started runs", () => {
    const rows = compareRows({ ...comparison, runs: [run({ durationMs: null }), run({ durationMs: 5000 })] });
    expect(rows.find((r) => r.id === "duration")).toMatchObject({ cells: ["—", "00:00:05"], differs: true });
  });
});
