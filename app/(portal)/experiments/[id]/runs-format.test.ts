import { describe, expect, it } from "vitest";
import {
  DEFAULT_RUN_SORT, ariaSort, compareHref, nextRunSort, paramText, plural, readRunSort, readStoredColumns, runSortParam,
  summarizeBatch,
} from "./runs-format";

describe("run sort", () => {
  it("reads the URL value, falling back to the default", () => {
    expect(readRunSort("name.asc")).toEqual({ field: "name", direction: "asc" });
    expect(readRunSort("startedAt.desc")).toEqual({ field: "startedAt", direction: "desc" });
    expect(readRunSort(null)).toEqual(DEFAULT_RUN_SORT);
    expect(readRunSort("name.sideways")).toEqual(DEFAULT_RUN_SORT);
    expect(readRunSort("params.asc")).toEqual(DEFAULT_RUN_SORT);
  });

  it("leaves the default out of the URL", () => {
    expect(runSortParam(DEFAULT_RUN_SORT)).toBe("");
    expect(runSortParam({ field: "createdAt", direction: "asc" })).toBe("createdAt.asc");
  });

  it("flips the active column and starts others in their natural direction", () => {
    expect(nextRunSort(DEFAULT_RUN_SORT, "createdAt")).toEqual({ field: "createdAt", direction: "asc" });
    expect(nextRunSort(DEFAULT_RUN_SORT, "name")).toEqual({ field: "name", direction: "asc" });
    expect(nextRunSort({ field: "name", direction: "asc" }, "startedAt")).toEqual({ field: "startedAt", direction: "desc" });
  });

  it("describes the sort for aria-sort", () => {
    expect(ariaSort(DEFAULT_RUN_SORT, "createdAt")).toBe("descending");
    expect(ariaSort({ field: "name", direction: "asc" }, "name")).toBe("ascending");
    expect(ariaSort(DEFAULT_RUN_SORT, "name")).toBe("none");
  });
});

describe("readStoredColumns", () => {
  it("reads a JSON list of names, once each", () => {
    expect(readStoredColumns('["lr","batch","lr"]')).toEqual(["lr", "batch"]);
  });

  it.each([null, "", "nope", "{}", "[1,2]", '"lr"'])("reads %j as no columns", (raw) => {
    expect(readStoredColumns(raw)).toEqual([]);
  });
});

describe("summarizeBatch", () => {
  const names: Record<string, string> = { a: "Run 1", b: "Run 4" };
  it("counts changes and names the refused runs", () => {
    const summary = summarizeBatch(
      [
        { id: "a", ok: true, status: "running" },
        { id: "b", ok: false, code: "INVALID_TRANSITION", message: "A run cannot go from draft to succeeded." },
        { id: "c", ok: false, code: "NOT_FOUND", message: "Run not found." },
      ],
      (id) => names[id] ?? id,
    );
    expect(summary.headline).toBe("1 changed, 2 refused");
    expect(summary.refused).toEqual([
      { id: "b", name: "Run 4", message: "A run cannot go from draft to succeeded." },
      { id: "c", name: "c", message: "Run not found." },
    ]);
  });

  it("says only what changed when nothing was refused", () => {
    expect(summarizeBatch([{ id: "a", ok: true, status: "archived" }], () => "x").headline).toBe("1 changed");
  });
});

describe("small formatting", () => {
  it("links the compare page", () => {
    expect(compareHref("p 1", ["a", "b"])).toBe("/runs/compare?project=p%201&ids=a,b");
  });

  it("shows param values and their absence", () => {
    expect(paramText(0.5)).toBe("0.5");
    expect(paramText(false)).toBe("false");
    expect(paramText(undefined)).toBe("—");
  });

  it("pluralises", () => {
    expect(plural(1, "run")).toBe("1 run");
    expect(plural(3, "run")).toBe("3 runs");
  });
});
