// JSON snapshots as text and the top-level keys that changed between two of them (audit events, run metadata).
// Relative imports only: this module is unit-tested.

export function prettyJson(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return JSON.stringify(value, null, 2) ?? String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Structural equality for JSON values, independent of object key order. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return false;
}

/** Top-level keys added, removed or changed between two objects; null when either side is not an object. */
export function changedKeys(before: unknown, after: unknown): string[] | null {
  if (!isPlainObject(before) || !isPlainObject(after)) return null;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !(key in before && key in after && sameJson(before[key], after[key]))).sort();
}
