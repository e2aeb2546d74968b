// The fast serializer must be superjson, byte for byte: random values (dates, undefined, NaN, Maps, BigInts, shared
// references, keys with dots and backslashes, prototype-like keys) serialize identically, and plain JSON with Dates,
// the shape of nearly every response, takes the fast pass. The one difference: "constructor" and "prototype" keys,
// which superjson refuses, are written like any other key and read back by superjson.
import fc from "fast-check";
import superjson, { type SuperJSONResult } from "superjson";
import { describe, expect, it } from "vitest";
import { fastSerialize, transformer } from "./wire-transformer";

const outcome = (serialize: () => unknown) => {
  try {
    return { ok: serialize() };
  } catch (error) {
    return { threw: (error as Error).message };
  }
};

const keys = fc.oneof(fc.string(), fc.constantFrom("a.b", "x\\y", "a\\.b", "__proto__", "constructor", "prototype", ""));
const anything = fc.anything({
  key: keys,
  withDate: true,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withBigInt: true,
  withNullPrototype: true,
  withSparseArray: true,
  withObjectString: true,
  maxDepth: 4,
});
const safeKey = fc.string().filter((k) => !["__proto__", "constructor", "prototype"].includes(k));
const jsonWithDates = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: true }),
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(safeKey, tie("value"), { maxKeys: 5 }),
  ),
})).value;

describe("the tRPC transformer", () => {
  it("serializes any value exactly as superjson does (or refuses it the same way)", () => {
    fc.assert(
      fc.property(anything, (value) => {
        const expected = outcome(() => superjson.serialize(value));
        const actual = outcome(() => transformer.serialize(value));
        if ("threw" in expected && "ok" in actual) {
          expect(expected.threw).toMatch(/Detected property (constructor|prototype)/);
          expect(superjson.deserialize(actual.ok as SuperJSONResult)).toEqual(value);
        } else {
          expect(actual).toStrictEqual(expected);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("takes the fast pass for JSON values with Dates, and superjson reads the result back", () => {
    fc.assert(
      fc.property(fc.dictionary(safeKey, jsonWithDates, { maxKeys: 6 }), (value) => {
        const fast = fastSerialize(value);
        expect(fast).not.toBeNull();
        expect(fast).toStrictEqual(superjson.serialize(value));
        expect(superjson.deserialize(fast!)).toEqual(value);
      }),
      { numRuns: 1000 },
    );
  });

  it("hands plain JSON (no annotations) over as it is, so a \"__proto__\" key reaches the contract and is refused there", () => {
    const json = JSON.parse('{"metadata": {"__proto__": {"a": 1}}}') as { metadata: object };
    const received = transformer.deserialize<typeof json>({ json: json as never });
    expect(Object.prototype.hasOwnProperty.call(received.metadata, "__proto__")).toBe(true);
    const at = new Date(0);
    expect(transformer.deserialize(transformer.serialize({ at }))).toEqual({ at });
  });

  it("leaves shared references, NaN, Maps and a __proto__ key to superjson, and writes constructor/prototype keys", () => {
    const shared = { q: 1 };
    const at = new Date(0);
    for (const value of [{ a: shared, b: shared }, { a: at, b: at }, { n: Number.NaN }, { m: new Map([[1, 2]]) }, JSON.parse('{"__proto__": 1}')]) {
      expect(fastSerialize(value)).toBeNull();
    }
    const params = JSON.parse('{"prototype": "v2", "constructor": 1}') as object;
    expect(() => superjson.serialize({ params })).toThrow();
    expect(superjson.deserialize(transformer.serialize({ params, at }))).toEqual({ params, at });
    expect(fastSerialize({ at, u: undefined, "a.b": [at.getTime()] })).toStrictEqual({
      json: { at: at.toISOString(), u: null, "a.b": [0] },
      meta: { values: { at: ["Date"], u: ["undefined"] }, v: 1 },
    });
  });
});
