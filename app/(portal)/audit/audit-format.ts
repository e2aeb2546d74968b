// Pure helpers for the audit page: date-input conversion, id shortening, JSON rendering and change detection.

/** "2025-03-01T14:05" (local wall time, as a datetime-local input holds it) → ISO string; "" when empty or invalid. */
export function localInputToIso(local: string): string {
  if (!local) return "";
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}

/** ISO string → the local wall time a datetime-local input expects; "" when empty or invalid. */
export function isoToLocalInput(iso: string): string {
  const date = parseIso(iso);
  if (!date) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  const base = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return date.getSeconds() === 0 && date.getMilliseconds() === 0 ? base : `${base}:${pad(date.getSeconds())}`;
}

/** A Date from an ISO string found in the URL, or undefined when absent or unparseable. */
export function parseIso(iso: string | null | undefined): Date | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function shortId(id: string, keep = 8): string {
  return id.length > keep + 1 ? `${id.slice(0, keep)}…` : id;
}

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
