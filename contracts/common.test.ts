import { describe, expect, it } from "vitest";
import { z } from "zod";
import { jsonObjectText, metadataSchema, reservedKeyPath, tagListText } from "./common";

const NOT_AN_OBJECT = 'Metadata must be a JSON object, like {"operator": "Ada"}';

/** As a form uses them: one field of an object, so issues carry the field's path. */
function issuesOf(schema: z.ZodType, text: string) {
  const result = z.object({ field: schema }).safeParse({ field: text });
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("jsonObjectText", () => {
  it.each([
    ["", {}],
    ["   \n ", {}],
    ["{}", {}],
    ['{"bench": "B2"}', { bench: "B2" }],
    ['  {"a": 1, "nested": {"b": [1, 2]}, "n": null}  ', { a: 1, nested: { b: [1, 2] }, n: null }],
  ])("parses %j", (text, expected) => {
    expect(jsonObjectText.parse(text)).toEqual(expected);
  });

  it.each(["[]", "[1, 2]", "42", "null", '"text"', "true"])("refuses %s, which is not an object", (text) => {
    expect(issuesOf(jsonObjectText, text)).toEqual([{ path: "field", message: NOT_AN_OBJECT }]);
  });

  it.each(["{", "{bench: 1}", "{'a': 1}", '{"a": 1,}', "nope"])("refuses %s, which is not JSON, quoting the parser", (text) => {
    const issues = issuesOf(jsonObjectText, text);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("field");
    expect(issues[0]?.message).toMatch(/^Not valid JSON: .+/);
  });

  it("reports a key metadataSchema refuses on the field itself, naming the key", () => {
    const issues = issuesOf(jsonObjectText, JSON.stringify({ ["k".repeat(201)]: 1 }));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("field");
    expect(issues[0]?.message).toMatch(/^Key “k{40}”: .*200/);
  });
});

describe("a \"__proto__\" key, which copying would drop silently", () => {
  it.each([
    ['{"__proto__": 1}', "__proto__"],
    ['{"a": {"b": {"__proto__": {}}}}', "a.b.__proto__"],
    ['{"runs": [{"x": 1}, {"__proto__": null}]}', "runs.1.__proto__"],
  ])("is refused in %s, at %s", (text, at) => {
    expect(reservedKeyPath(JSON.parse(text))).toBe(at);
    expect(issuesOf(jsonObjectText, text)).toEqual([{ path: "field", message: `"__proto__" cannot be used as a key (at ${at}); rename it` }]);
  });

  it("is not confused with keys that merely look alike, and leaves values alone", () => {
    const value = JSON.parse('{"proto": 1, "__proto": 2, "note": "__proto__", "list": ["__proto__"]}');
    expect(reservedKeyPath(value)).toBeNull();
    expect(metadataSchema.parse(value)).toEqual(value);
  });

  it("is found at any depth without overflowing the stack", () => {
    const deep = JSON.parse(`${'{"a":'.repeat(20_000)}{"__proto__":1}${"}".repeat(20_000)}`);
    expect(reservedKeyPath(deep)).toMatch(/^(a\.){20000}__proto__$/);
  });
});

describe("tagListText", () => {
  it.each([
    ["", []],
    [" , ,", []],
    ["a", ["a"]],
    [" alpha , beta,gamma ", ["alpha", "beta", "gamma"]],
    ["a, b, a, b ,c", ["a", "b", "c"]],
    ["with space, x", ["with space", "x"]],
  ])("reads %j", (text, expected) => {
    expect(tagListText.parse(text)).toEqual(expected);
  });

  it("refuses a tag longer than tagsSchema allows, on the field, naming the tag", () => {
    const long = "t".repeat(51);
    expect(issuesOf(tagListText, `ok, ${long}`)).toEqual([{ path: "field", message: `“${long}”: Use at most 50 characters per tag` }]);
  });

  it("refuses more tags than tagsSchema allows, counting each tag once", () => {
    const tags = Array.from({ length: 51 }, (_, i) => `t${i}`);
    expect(issuesOf(tagListText, tags.join(","))).toEqual([{ path: "field", message: "Use at most 50 tags" }]);
    expect(tagListText.parse([...tags.slice(0, 50), "t0", "t1"].join(","))).toHaveLength(50);
  });
});
