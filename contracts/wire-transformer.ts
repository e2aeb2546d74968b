// The tRPC transformer of both ends (server/trpc/init.ts, the browser's client): superjson on the wire, with a
// single-pass serializer for the common case. superjson's own walk copies the path at every level and checks every
// value against each registered type, ≈ 3 ms of CPU for a 50-run page on this host, the largest single cost of
// run.list (docs/benchmarks.md). Output made of JSON values and Dates (nearly
// every response) takes the fast pass, which emits exactly superjson's format; anything else (Map, Set, BigInt, NaN,
// -0, class instances, a value referenced twice, a "__proto__" key) is left to superjson itself. One deliberate
// difference: superjson refuses any object with a "constructor" or "prototype" key, which turned a run whose param is
// called "prototype" into a 500 (and made the browser refuse to send it); the fast pass writes such keys like any
// other, unless a Date or undefined lies beneath one (superjson could not read that annotation back).
import superjson, { type SuperJSONResult } from "superjson";

const FALLBACK = Symbol("fallback");
type Annotations = Record<string, ["Date"] | ["undefined"]>;

// Assigning it would set the copy's prototype instead of a key; superjson refuses it (as it always did).
const PROTO_KEY = "__proto__";
const escapeKey = (key: string) => key.replace(/\\/g, "\\\\").replace(/\./g, "\\.");

/**
 * Records the annotation of the value at `segments`, a path built only for the few values that need one. False when
 * the path passes through "constructor" or "prototype", which superjson.deserialize would refuse to follow.
 */
function annotate(annotations: Annotations, segments: readonly (string | number)[], type: ["Date"] | ["undefined"]): boolean {
  let path = "";
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment === "constructor" || segment === "prototype") return false;
    const text = typeof segment === "number" ? String(segment) : segment.includes(".") || segment.includes("\\") ? escapeKey(segment) : segment;
    path = i === 0 ? text : `${path}.${text}`;
  }
  annotations[path] = type;
  return true;
}

/** `segments` is the path from the root (empty at the root, whose own annotation superjson writes differently). */
function walk(value: unknown, segments: (string | number)[], annotations: Annotations, seen: Set<object>): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0) ? value : FALLBACK;
    case "undefined":
      return segments.length > 0 && annotate(annotations, segments, ["undefined"]) ? null : FALLBACK;
    case "object":
      break;
    default:
      return FALLBACK;
  }
  if (value === null) return null;
  if (seen.has(value)) return FALLBACK;
  seen.add(value);
  if (value instanceof Date) {
    if (segments.length === 0 || Number.isNaN(value.getTime())) return FALLBACK;
    return annotate(annotations, segments, ["Date"]) ? value.toISOString() : FALLBACK;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return FALLBACK;
      segments.push(i);
      const item = walk(value[i], segments, annotations, seen);
      segments.pop();
      if (item === FALLBACK) return FALLBACK;
      out[i] = item;
    }
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return FALLBACK;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === PROTO_KEY) return FALLBACK;
    segments.push(key);
    const item = walk((value as Record<string, unknown>)[key], segments, annotations, seen);
    segments.pop();
    if (item === FALLBACK) return FALLBACK;
    out[key] = item;
  }
  return out;
}

/** superjson's serialization of `value` in one pass, or null when the value needs superjson's full walk. */
export function fastSerialize(value: unknown): SuperJSONResult | null {
  const annotations: Annotations = {};
  const json = walk(value, [], annotations, new Set());
  if (json === FALLBACK) return null;
  const result: SuperJSONResult = { json: json as SuperJSONResult["json"] };
  if (Object.keys(annotations).length > 0) result.meta = { values: annotations as never, v: 1 };
  return result;
}

export const transformer = {
  serialize: (value: unknown): SuperJSONResult => fastSerialize(value) ?? superjson.serialize(value),
  // Without annotations the payload is plain, freshly parsed JSON: it is used as it is. superjson would deep-copy it and
  // silently drop every "__proto__" key on the way, so the contracts could not refuse one with a clear error.
  deserialize: <T>(payload: SuperJSONResult): T => (payload.meta ? superjson.deserialize<T>(payload) : (payload.json as T)),
};
