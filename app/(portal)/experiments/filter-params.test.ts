import { describe, expect, it } from "vitest";
import { dayStart, hasFilters, readFilters, toListQuery } from "./filter-params";

const params = (search: string) => new URLSearchParams(search);

describe("dayStart", () => {
  it("reads real days as local midnight, optionally days later", () => {
    expect(dayStart("2025-03-01")).toEqual(new Date(2025, 2, 1));
    expect(dayStart("2025-02-28", 1)).toEqual(new Date(2025, 2, 1));
  });

  it.each(["", "2025-02-30", "2025-13-01", "2025-3-1", "yesterday", "2025-03-01T00:00"])("refuses %j", (text) => {
    expect(dayStart(text)).toBeUndefined();
  });
});

describe("readFilters", () => {
  it("keeps what is valid and drops the rest", () => {
    const filters = readFilters(params("status=archived,bogus,draft&tags=a, b,a,,&createdFrom=2025-02-30&updatedTo=2025-01-31&sort=nope&q=%20heat%20"));
    expect(filters).toMatchObject({ status: "draft,archived", tags: "a,b", createdFrom: "", updatedTo: "2025-01-31", sort: "", q: "heat" });
  });

  it("leaves the default sort out of the URL and keeps another", () => {
    expect(readFilters(params("sort=createdAt.desc")).sort).toBe("");
    expect(readFilters(params("sort=name.asc")).sort).toBe("name.asc");
  });

  it("does not count the sort as a filter", () => {
    expect(hasFilters(readFilters(params("sort=name.asc")))).toBe(false);
    expect(hasFilters(readFilters(params("type=thermal")))).toBe(true);
  });
});

describe("toListQuery", () => {
  it("sends nothing for no filters, sorted newest first", () => {
    expect(toListQuery(readFilters(params("")))).toEqual({
      query: { filter: {}, sort: { field: "createdAt", direction: "desc" } },
      rangeError: null,
    });
  });

  it("maps every filter onto the contract, with inclusive days", () => {
    const search = "status=active&type=thermal&tags=x,y&createdFrom=2025-03-01&createdTo=2025-03-01&updatedTo=2025-04-30&q=heat&sort=name.asc";
    const { query, rangeError } = toListQuery(readFilters(params(search)));
    expect(rangeError).toBeNull();
    expect(query).toEqual({
      filter: {
        status: ["active"],
        type: ["thermal"],
        tagsAny: ["x", "y"],
        created: { from: new Date(2025, 2, 1), to: new Date(2025, 2, 2) },
        updated: { from: undefined, to: new Date(2025, 4, 1) },
        search: "heat",
      },
      sort: { field: "name", direction: "asc" },
    });
  });

  it.each([
    ["createdFrom=2025-03-02&createdTo=2025-03-01", "“Created from” must not be later than “Created to”."],
    ["updatedFrom=2025-03-02&updatedTo=2025-03-01", "“Updated from” must not be later than “Updated to”."],
  ])("refuses a backwards range: %s", (search, message) => {
    expect(toListQuery(readFilters(params(search))).rangeError).toBe(message);
  });
});
